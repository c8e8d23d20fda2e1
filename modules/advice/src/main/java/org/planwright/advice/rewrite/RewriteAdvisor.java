package org.planwright.advice.rewrite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.select.Select;
import org.planwright.advice.Cancellation;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.Evidence;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.QueryIdentity;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParser;
import org.planwright.targetdb.ExplainOptions;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds rewrites of a query and offers only those that returned the same rows on the connected database.
 *
 * <p>For each rule's proposal: both queries run, read-only under the session's statement timeout, and their row
 * counts and checksums are compared ({@link ResultEquivalence}); a rewrite with other rows, an error or no answer in
 * time is refused. The estimated improvement is the planner's: plain EXPLAIN total cost of the original and the
 * rewrite, {@code (1 - after / before) x 100} percent, confidence {@value #COST_CONFIDENCE} (costs rank plans, they
 * do not predict time). A rewrite the planner costs more than {@value #SLOWER_TOLERANCE_PERCENT} % higher is refused
 * as slower (the verification's wall times are noisy on a busy server, so they are evidence, not the judge; a trial
 * measures the real effect).
 *
 * <p>Thread rules: blocking; run on a virtual thread; the session is used by this thread only, {@link Cancellation}
 * may be called from any thread.
 */
public final class RewriteAdvisor {

    /** Confidence of a planner-cost estimate for a rewrite. */
    public static final double COST_CONFIDENCE = 0.5;
    /** A rewrite the planner costs this many percent above the original is refused. */
    public static final double SLOWER_TOLERANCE_PERCENT = 5;

    private static final Logger LOG = LoggerFactory.getLogger(RewriteAdvisor.class);

    private final List<RewriteRule> rules;

    /** An advisor with {@link #standardRules()}. */
    public RewriteAdvisor() {
        this(standardRules());
    }

    /** @param rules the rules to run, in order */
    public RewriteAdvisor(List<RewriteRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @return NOT IN → NOT EXISTS, count(*) &gt; 0 → EXISTS, DISTINCT over a join → EXISTS, OR across columns →
     *     UNION ALL, correlated scalar subquery → grouped join, OFFSET → keyset, function/cast on an indexed column →
     *     range, MATERIALIZED CTE → NOT MATERIALIZED
     */
    public static List<RewriteRule> standardRules() {
        return List.of(new NotInToNotExists(), new CountToExists(), new DistinctJoinToExists(), new OrToUnionAll(),
                new ScalarSubqueryToJoin(), new OffsetToKeyset(), new SargableRange(), new MaterializedCte());
    }

    /**
     * @param session      a read-only PostgreSQL analysis session with a statement timeout
     * @param sql          one query (SELECT or WITH ... SELECT)
     * @param plan         the query's plan when known (rules cite its nodes as evidence), else empty
     * @param progress     told after each proposal
     * @param cancellation stops the work
     * @return the verified rewrites and the refused ones
     * @throws TargetException {@code CANCELLED}; a failure of the original query itself ({@code SQL_ERROR},
     *                         {@code TIMEOUT}: then nothing can be verified) or of the connection
     */
    public RewriteAdvice advise(TargetSession session, String sql, Optional<Plan> plan, ProgressListener progress,
                                Cancellation cancellation) throws TargetException {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(sql, "sql");
        cancellation.attach(session);
        QueryUnderAdvice q = new QueryUnderAdvice(sql, plan, new CatalogFacts(session));
        List<RewriteProposal> proposals = new ArrayList<>();
        for (RewriteRule rule : rules) {
            cancellation.check();
            try {
                proposals.addAll(rule.propose(q));
            } catch (TargetException e) {
                if (e.reason() == TargetException.Reason.CANCELLED) {
                    throw e;
                }
                LOG.debug("Rewrite rule {} gave up: {}", rule.name(), e.userMessage());
            } catch (RuntimeException e) {
                LOG.warn("Rewrite rule {} failed on a query", rule.name(), e);
            }
        }
        List<Recommendation> offered = new ArrayList<>();
        List<RefusedRewrite> refused = new ArrayList<>();
        if (proposals.isEmpty()) {
            return new RewriteAdvice(offered, refused);
        }
        boolean ordered = ordersRows(sql);
        double costBefore = cost(session, sql).orElse(Double.NaN);
        String target = QueryIdentity.target(sql);
        String signature = QueryIdentity.patternSignature(sql);
        for (int i = 0; i < proposals.size(); i++) {
            RewriteProposal p = proposals.get(i);
            progress.progress((double) i / proposals.size(), "Verifying " + p.title());
            Verification v;
            try {
                v = ResultEquivalence.compare(session, sql, p.rewrittenSql(), ordered, cancellation);
            } catch (TargetException e) {
                if (e.reason() == TargetException.Reason.CANCELLED) {
                    throw e;
                }
                refused.add(new RefusedRewrite(p, e.reason() == TargetException.Reason.TIMEOUT
                        ? "not verified within the statement timeout" : "failed: " + e.userMessage()));
                continue;
            }
            if (!v.same()) {
                LOG.info("Rewrite {} refused: {}", p.rule(), v.describe());
                refused.add(new RefusedRewrite(p, v.describe()));
                continue;
            }
            double costAfter = cost(session, p.rewrittenSql()).orElse(Double.NaN);
            double percent = Double.isNaN(costBefore) || Double.isNaN(costAfter) || costBefore <= 0 ? 0
                    : Math.min(100, (1 - costAfter / costBefore) * 100);
            if (percent < -SLOWER_TOLERANCE_PERCENT) {
                refused.add(new RefusedRewrite(p, String.format(Locale.ROOT,
                        "slower: planner cost %.0f -> %.0f, verification %.1f -> %.1f ms", costBefore, costAfter,
                        v.originalMillis(), v.rewrittenMillis())));
                continue;
            }
            List<Evidence> evidence = new ArrayList<>(p.evidence());
            evidence.add(new Evidence("Same rows verified", v.describe()));
            String method = String.format(Locale.ROOT, "planner cost (plain EXPLAIN) %,.0f -> %,.0f; measured while"
                    + " verifying %.1f -> %.1f ms", costBefore, costAfter, v.originalMillis(), v.rewrittenMillis());
            offered.add(new Recommendation(RecommendationKind.REWRITE, p.title(), target, p.rewrittenSql(), "",
                    evidence, new EstimatedImprovement(percent, COST_CONFIDENCE, method), signature));
        }
        progress.progress(1, offered.size() + " rewrites verified, " + refused.size() + " refused");
        offered.sort(Comparator.comparingDouble((Recommendation r) -> r.estimate().percent()).reversed());
        return new RewriteAdvice(offered, refused);
    }

    /** @return true when the query orders its rows at the top level (or cannot be read: then assume it does) */
    static boolean ordersRows(String sql) {
        try {
            var st = CCJSqlParserUtil.parse(ResultEquivalence.body(sql));
            return !(st instanceof Select s) || s.getOrderByElements() != null && !s.getOrderByElements().isEmpty();
        } catch (Exception | StackOverflowError e) {
            return true;
        }
    }

    private static Optional<Double> cost(TargetSession session, String sql) throws TargetException {
        try {
            Plan plan = PlanParser.parse(session.explain(sql, ExplainOptions.plain()).planText());
            return plan.root().totalCost().isPresent() ? Optional.of(plan.root().totalCost().getAsDouble())
                    : Optional.empty();
        } catch (TargetException e) {
            if (e.reason() == TargetException.Reason.CANCELLED) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
