package org.planwright.advice.tuning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.Evidence;
import org.planwright.advice.QueryIdentity;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.plans.EstimateDirection;
import org.planwright.plans.Insight;
import org.planwright.plans.InsightContext;
import org.planwright.plans.InsightEngine;
import org.planwright.plans.InsightKind;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.RowEstimate;
import org.planwright.plans.TableStatistics;

/**
 * Statistics and maintenance advice from an EXPLAIN ANALYZE plan:
 * <ul>
 *   <li>{@code ANALYZE t} for stale statistics — the plans module's STALE_STATISTICS insight (a misestimated scan on
 *   a table with more rows modified since the last analyze than autovacuum would allow, from
 *   {@code pg_stat_user_tables});</li>
 *   <li>{@code CREATE STATISTICS (dependencies, ndistinct, mcv) ON a, b FROM t; ANALYZE t} for correlated columns
 *   behind a misestimate: a scan whose rows were underestimated at least
 *   {@value #CORRELATION_MIN_FACTOR} times while its condition tests two or more columns of the table
 *   with equality — the planner multiplies their selectivities as if independent (PostgreSQL "Extended
 *   Statistics"); PostgreSQL 12+ for {@code mcv};</li>
 *   <li>{@code VACUUM (ANALYZE) t} for heap fetches — the HEAP_FETCHES insight (an Index Only Scan that visits the
 *   heap because the visibility map is not current).</li>
 * </ul>
 * Estimates: the insight's impact (share of execution time of the node's parent) times {@value #SHARE_SAVED},
 * confidence {@value #CONFIDENCE} — a better estimate changes the plan only when another plan was better.
 */
public final class StatisticsAdvisor {

    /** Share of the affected time a better estimate or a vacuumed table saves (heuristic). */
    public static final double SHARE_SAVED = 0.5;
    /** Confidence of the estimate. */
    public static final double CONFIDENCE = 0.3;
    /**
     * Smallest underestimate (actual / estimated rows) that, with equality on two or more columns of one table, is
     * taken as the independence assumption failing. Lower than the insights' 10x on purpose: the signature is the
     * shape (several equalities, too few rows expected), and CREATE STATISTICS is cheap to try; the trial shows
     * whether the estimate improves.
     */
    public static final double CORRELATION_MIN_FACTOR = 2;

    private static final Pattern EQUALITY = Pattern.compile("(?:\\b\\w+\\.)?\"?([A-Za-z_][\\w$]*)\"?\\s*=\\s*"
            + "(?:'|\\(?-?\\d)");

    private final InsightThresholds thresholds;

    /** @param thresholds the misestimate and stale-statistics thresholds in force */
    public StatisticsAdvisor(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param plan     an EXPLAIN ANALYZE plan, ideally VERBOSE (schema-qualified names)
     * @param querySql the query
     * @param tables   {@code pg_stat_user_tables} facts of the plan's tables ({@code TargetSession.tableStatistics})
     * @return recommendations, biggest estimate first
     */
    public List<Recommendation> advise(Plan plan, String querySql, List<TableStatistics> tables) {
        List<Recommendation> out = new ArrayList<>();
        if (!plan.analyzed()) {
            return out;
        }
        String target = QueryIdentity.target(querySql);
        String signature = QueryIdentity.patternSignature(querySql);
        Set<String> analyzed = new LinkedHashSet<>();
        List<Insight> insights = new InsightEngine(thresholds).analyze(plan, InsightContext.withTableStatistics(tables));
        for (Insight i : insights.stream().filter(i -> i.kind() == InsightKind.STALE_STATISTICS).toList()) {
            PlanNode n = plan.node(i.nodeIds().getFirst());
            String table = table(n);
            if (analyzed.add(table)) {
                out.add(new Recommendation(RecommendationKind.STATISTICS, "ANALYZE " + table + " (stale statistics)",
                        target, "ANALYZE " + table, "", evidence(i), estimate(i.impact(), "stale statistics"),
                        signature));
            }
        }
        for (PlanNode n : plan.nodes()) {
            RowEstimate e = n.rowEstimate().orElse(null);
            if (e == null || e.direction() != EstimateDirection.UNDER || e.factor() < CORRELATION_MIN_FACTOR
                    || n.relationName().isEmpty()) {
                continue;
            }
            Set<String> columns = equalityColumns(n);
            if (columns.size() < 2) {
                continue;
            }
            String table = table(n);
            List<String> cols = new ArrayList<>(columns).subList(0, Math.min(8, columns.size()));
            String name = (n.schema().map(s -> s + ".").orElse("")) + ("pw_stx_" + n.relationName().get() + "_"
                    + String.join("_", cols)).toLowerCase(Locale.ROOT);
            double share = n.parent().orElse(n).inclusiveTime() / Math.max(1e-9, plan.executionTime().orElse(
                    plan.totalTime()));
            List<Evidence> ev = List.of(new Evidence(n.label(), String.format(Locale.ROOT, "estimated %.0f rows,"
                    + " actual %.0f (%.0fx under) with equality on %s", n.planRows().orElse(0),
                    n.actualRows().orElse(0), e.factor(), String.join(", ", cols))));
            out.add(new Recommendation(RecommendationKind.STATISTICS, "CREATE STATISTICS on " + table + " ("
                    + String.join(", ", cols) + ") for correlated columns", target,
                    "CREATE STATISTICS IF NOT EXISTS " + name + " (dependencies, ndistinct, mcv) ON "
                            + String.join(", ", cols) + " FROM " + table + ";\nANALYZE " + table,
                    "DROP STATISTICS IF EXISTS " + name, ev, estimate(Math.min(1, share), "correlated columns"),
                    signature));
        }
        for (Insight i : insights.stream().filter(i -> i.kind() == InsightKind.HEAP_FETCHES).toList()) {
            PlanNode n = plan.node(i.nodeIds().getFirst());
            String table = table(n);
            out.add(new Recommendation(RecommendationKind.MAINTENANCE, "VACUUM " + table + " (heap fetches)", target,
                    "VACUUM (ANALYZE) " + table, "", evidence(i), estimate(i.impact(), "heap fetches"), signature));
        }
        out.sort((a, b) -> Double.compare(b.estimate().percent(), a.estimate().percent()));
        return out;
    }

    private static Set<String> equalityColumns(PlanNode n) {
        Set<String> out = new LinkedHashSet<>();
        for (String cond : List.of(n.filter().orElse(""), n.indexCond().orElse(""), n.recheckCond().orElse(""))) {
            Matcher m = EQUALITY.matcher(cond);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static String table(PlanNode n) {
        return n.schema().map(s -> s + ".").orElse("") + n.relationName().orElse("?");
    }

    private static List<Evidence> evidence(Insight i) {
        List<Evidence> out = new ArrayList<>();
        out.add(new Evidence(i.title(), i.explanation()));
        i.evidence().forEach((k, v) -> out.add(new Evidence(k, String.format(Locale.ROOT, "%,.0f", v))));
        return out;
    }

    private static EstimatedImprovement estimate(double impact, String what) {
        return new EstimatedImprovement(Math.min(100, impact * 100 * SHARE_SAVED), CONFIDENCE, String.format(
                Locale.ROOT, "%.0f %% of the time share behind the %s (%.1f %%)", SHARE_SAVED * 100, what,
                impact * 100));
    }
}
