package org.planwright.advice.trial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.parameters.Binding;
import org.planwright.advice.parameters.ParameterBinder;
import org.planwright.plans.Buffers;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.PlanParser;
import org.planwright.sqltext.SqlScript;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.StatementKind;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetException.Reason;
import org.planwright.targetdb.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a recommendation on the connected database and measures its effect, the safest way available
 * ({@link TrialMode}).
 *
 * <p>{@link TrialMode#ROLLED_BACK}: {@code BEGIN}; {@code SET LOCAL lock_timeout}; the query's warm-up and the first
 * half of the measured runs before (rounded up); {@code SAVEPOINT}; the change; the warm-up and runs after;
 * {@code ROLLBACK TO SAVEPOINT} (the change undone) and the other half of the runs before; {@code ROLLBACK} — always,
 * also on failure and cancel. Splitting the "before" runs around the "after" runs (an A-B-A design) makes a load
 * that drifts during the trial weigh on both sides alike, at the price of no second build of the change. Each run is an
 * {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} inside a savepoint, so a run stopped by the statement timeout
 * is rolled back to its savepoint and counted as taking the timeout (at least). If the client dies mid-trial
 * (killed, network lost), PostgreSQL aborts the open transaction when the backend notices the closed connection, so
 * no index, setting or row outlives the trial; the change is never committed. The trial's own session must be
 * read-write (it creates the index); the query runs in it unchanged.
 *
 * <p>Significance: two-sided Mann-Whitney U test over the measured execution times before and after (Apache Commons
 * Statistics {@link MannWhitneyUTest}; with 5 runs a side the smallest possible p-value is 2/252 = 0.008).
 *
 * <p>Thread rules: {@link #run} blocks for the whole trial; call it on a virtual thread. {@link Cancellation#cancel()}
 * from any thread stops the running statement; the trial then rolls back and throws {@code CANCELLED}.
 */
public final class TrialRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TrialRunner.class);
    private static final Pattern CONCURRENTLY = Pattern.compile("(?i)\\bCONCURRENTLY\\s+");
    /** Settings snapshotted with each trial. */
    static final String SETTINGS_SQL = "SELECT name, current_setting(name) FROM pg_settings WHERE name IN"
            + " ('work_mem', 'hash_mem_multiplier', 'max_connections', 'shared_buffers', 'effective_cache_size',"
            + " 'random_page_cost', 'seq_page_cost', 'max_parallel_workers_per_gather', 'jit',"
            + " 'default_statistics_target', 'statement_timeout') OR name LIKE 'enable\\_%' ORDER BY name";

    /**
     * @param session      the trial's session: read-write for {@link TrialMode#ROLLED_BACK}; with the statement
     *                     timeout the runs must keep
     * @param rec          the recommendation to try
     * @param querySql     the query it is for (one SELECT / WITH ... SELECT); {@code $n} parameters (pg_stat_statements'
     *                     text) are given representative values ({@link ParameterBinder}), which the result's
     *                     {@link TrialResult#querySql()} then holds in their place
     * @param mode         how to apply it
     * @param options      runs, warm-ups, lock timeout, consent
     * @param progress     told before each run and after the change ("Applied: ...")
     * @param cancellation stops the trial
     * @return the measured result
     * @throws TargetException {@code UNSUPPORTED_STATEMENT} when the query is not a query, its {@code $n} parameters
     *                         cannot be given values (the message says why), the mode does not fit
     *                         (hypothetical without HypoPG or for a non-index recommendation, VACUUM in a
     *                         transaction, a read-only session) or a locking change lacks consent on a
     *                         non-sandbox server; {@code CANCELLED}; {@code SQL_ERROR} when the change or the query
     *                         fails; {@code OTHER} when the connection breaks. In every case nothing was changed.
     */
    public TrialResult run(TargetSession session, Recommendation rec, String querySql, TrialMode mode,
                           TrialOptions options, ProgressListener progress, Cancellation cancellation)
            throws TargetException {
        Objects.requireNonNull(rec, "rec");
        Objects.requireNonNull(options, "options");
        if (SqlStatement.of(querySql).kind() != StatementKind.QUERY) {
            throw unsupported("A trial measures a query (SELECT or WITH ... SELECT); data-changing statements are"
                    + " measured with EXPLAIN ANALYZE in the editor, which rolls them back");
        }
        // $n parameters (pg_stat_statements' text) get representative values before any transaction opens
        Binding binding = new ParameterBinder().bind(session, querySql);
        if (!binding.bound()) {
            throw unsupported("This statement cannot be timed: " + binding.reason());
        }
        String measured = binding.boundSql().orElseThrow();
        String rewritten = null;
        if (rec.kind() == RecommendationKind.REWRITE) {
            rewritten = binding.apply(rec.sql()).orElseThrow(() -> unsupported("The rewrite uses a $n parameter the "
                    + "query does not have, so it cannot be timed with the query's values"));
        }
        if (binding.hasParameters()) {
            progress.progress(0, "Timing with representative values: " + binding.summary());
        }
        cancellation.attach(session);
        Instant started = Instant.now();
        Map<String, String> settings = settings(session);
        return switch (mode) {
            case HYPOTHETICAL -> hypothetical(session, rec, measured, settings, started, progress, cancellation);
            case ROLLED_BACK -> rolledBack(session, rec, measured, rewritten, options, settings, started, progress,
                    cancellation);
        };
    }

    private TrialResult rolledBack(TargetSession session, Recommendation rec, String querySql, String rewritten,
                                   TrialOptions options,
                                   Map<String, String> settings, Instant started, ProgressListener progress,
                                   Cancellation cancellation) throws TargetException {
        if (session.options().readOnly()) {
            throw unsupported("Trials for real need a read-write session: the change is made and rolled back");
        }
        if (rec.kind() == RecommendationKind.MAINTENANCE || rec.kind() == RecommendationKind.DROP_INDEX) {
            throw unsupported(rec.kind() == RecommendationKind.MAINTENANCE
                    ? "VACUUM cannot run inside a transaction, so it cannot be tried and rolled back — apply it"
                    + " (it changes no rows) and compare the next plan"
                    : "Dropping an index is not tried: a dropped index cannot be measured back in a rolled-back"
                    + " transaction without locking the table — check its usage counters instead");
        }
        boolean locks = rec.kind() == RecommendationKind.INDEX || rec.kind() == RecommendationKind.STATISTICS;
        if (locks && !options.lockConsent() && session.profile().kind() != ConnectionProfile.Kind.SANDBOX) {
            throw unsupported("Trying this for real takes a lock on the table until the rollback"
                    + " (writes wait) — give consent to try it on " + session.profile().name()
                    + ", or try it on the sandbox");
        }
        String afterQuery = rec.kind() == RecommendationKind.REWRITE ? rewritten : querySql;
        List<String> change = rec.kind() == RecommendationKind.REWRITE ? List.of() : trialStatements(rec.sql());
        int total = 2 * (options.warmups() + options.runs()) + 1;
        int[] step = {0};
        List<TrialRun> before = new ArrayList<>();
        List<TrialRun> after = new ArrayList<>();
        String[] plans = new String[2];
        double[] costs = {Double.NaN, Double.NaN};
        session.execute("BEGIN", 1);
        try {
            session.execute("SET LOCAL lock_timeout = " + Math.max(1, options.lockTimeout().toMillis()), 1);
            int firstBefore = (options.runs() + 1) / 2;
            measure(session, querySql, TrialRun.Phase.BEFORE, options.warmups(), firstBefore, 1, options.runs(),
                    before, plans, costs, total, step, progress, cancellation);
            cancellation.check();
            session.execute("SAVEPOINT pw_trial_change", 1);
            for (String statement : change) {
                session.execute(statement, 1);
            }
            step[0]++;
            progress.progress((double) step[0] / total, "Applied: " + rec.title() + " (in a transaction that will be"
                    + " rolled back)");
            measure(session, afterQuery, TrialRun.Phase.AFTER, options.warmups(), options.runs(), 1, options.runs(),
                    after, plans, costs, total, step, progress, cancellation);
            // the rest of the "before" runs after the change is undone: before runs on both sides of the after
            // runs, so that a load that drifts during the trial weighs on both sides alike
            session.execute("ROLLBACK TO SAVEPOINT pw_trial_change", 1);
            measure(session, querySql, TrialRun.Phase.BEFORE, 0, options.runs() - firstBefore, firstBefore + 1,
                    options.runs(), before, plans, costs, total, step, progress, cancellation);
        } finally {
            rollback(session);
        }
        RunSummary b = RunSummary.of(before);
        RunSummary a = RunSummary.of(after);
        double improvement = b.medianMillis() > 0 ? (1 - a.medianMillis() / b.medianMillis()) * 100 : 0;
        double p = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                .test(RunSummary.times(before), RunSummary.times(after)).getPValue();
        progress.progress(1, String.format(Locale.ROOT, "Median %.1f -> %.1f ms (%.0f %%), p = %.3f",
                b.medianMillis(), a.medianMillis(), improvement, p));
        return new TrialResult(rec, querySql, TrialMode.ROLLED_BACK, before, after, b, a, improvement, p, costs[0],
                costs[1], plans[0], plans[1], session.serverInfo().version(), settings, started, Instant.now());
    }

    /**
     * Runs {@code warmups} unmeasured then {@code runs} measured EXPLAIN ANALYZEs of {@code sql}, numbering the
     * measured ones from {@code firstNumber} (of {@code of} a side, for the progress text).
     */
    private void measure(TargetSession session, String sql, TrialRun.Phase phase, int warmups, int runs,
                         int firstNumber, int of, List<TrialRun> into, String[] plans, double[] costs, int total, int[] step,
                         ProgressListener progress, Cancellation cancellation) throws TargetException {
        String side = phase == TrialRun.Phase.BEFORE ? "before" : "after";
        long timeoutMs = session.options().statementTimeout().toMillis();
        for (int i = 0; i < warmups + runs; i++) {
            cancellation.check();
            boolean warmup = i < warmups;
            int number = i - warmups + firstNumber;
            progress.progress((double) step[0]++ / total, warmup ? "Warm-up " + side
                    : "Run " + number + " of " + of + " " + side);
            session.execute("SAVEPOINT pw_trial_run", 1);
            TrialRun run;
            try {
                QueryResult r = session.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + body(sql), 1);
                session.execute("RELEASE SAVEPOINT pw_trial_run", 1);
                String json = String.valueOf(r.rows().getFirst()[0]);
                Plan plan = PlanParser.parse(json);
                PlanNode root = plan.root();
                Buffers buf = root.buffers();
                run = new TrialRun(phase, number, plan.executionTime().orElse(0), plan.planningTime().orElse(0),
                        false, buf.sharedHit(), buf.sharedRead(), buf.tempTotal(), root.actualRows().orElse(0));
                int slot = phase == TrialRun.Phase.BEFORE ? 0 : 1;
                plans[slot] = json;
                if (Double.isNaN(costs[slot])) {
                    costs[slot] = root.totalCost().orElse(Double.NaN);
                }
            } catch (TargetException e) {
                if (e.reason() != Reason.TIMEOUT) {
                    throw e;
                }
                session.execute("ROLLBACK TO SAVEPOINT pw_trial_run", 1);
                run = new TrialRun(phase, number, timeoutMs, 0, true, 0, 0, 0, -1);
            }
            if (!warmup) {
                into.add(run);
            }
        }
    }

    private TrialResult hypothetical(TargetSession session, Recommendation rec, String querySql,
                                     Map<String, String> settings, Instant started, ProgressListener progress,
                                     Cancellation cancellation) throws TargetException {
        if (rec.kind() != RecommendationKind.INDEX) {
            throw unsupported("Only an index can be tried hypothetically (HypoPG)");
        }
        if (session.execute("SELECT 1 FROM pg_extension WHERE extname = 'hypopg'", 1).rows().isEmpty()) {
            throw unsupported("HypoPG is not installed in this database (CREATE EXTENSION hypopg) — try the index"
                    + " in a rolled-back transaction instead");
        }
        progress.progress(0, "Plain EXPLAIN before");
        String beforePlan = plainPlan(session, querySql);
        String afterPlan;
        try {
            cancellation.check();
            for (String statement : trialStatements(rec.sql())) {
                session.execute("SELECT * FROM hypopg_create_index(" + literal(statement) + ")", 1);
            }
            progress.progress(0.5, "Applied: hypothetical " + rec.title());
            afterPlan = plainPlan(session, querySql);
        } finally {
            try {
                session.execute("SELECT hypopg_reset()", 1);
            } catch (TargetException e) {
                LOG.warn("hypopg_reset failed (the hypothetical indexes die with the session): {}", e.userMessage());
            }
        }
        double cb = PlanParser.parse(beforePlan).root().totalCost().orElse(Double.NaN);
        double ca = PlanParser.parse(afterPlan).root().totalCost().orElse(Double.NaN);
        progress.progress(1, String.format(Locale.ROOT, "Planner cost %.0f -> %.0f", cb, ca));
        return new TrialResult(rec, querySql, TrialMode.HYPOTHETICAL, List.of(), List.of(), null, null, Double.NaN,
                Double.NaN, cb, ca, beforePlan, afterPlan, session.serverInfo().version(), settings, started,
                Instant.now());
    }

    private static String plainPlan(TargetSession session, String sql) throws TargetException {
        return String.valueOf(session.execute("EXPLAIN (FORMAT JSON) " + body(sql), 1).rows().getFirst()[0]);
    }

    /** @return the statements of {@code sql} as a trial runs them: CREATE/DROP INDEX without CONCURRENTLY */
    static List<String> trialStatements(String sql) {
        List<String> out = new ArrayList<>();
        for (SqlStatement s : SqlScript.split(sql)) {
            Matcher m = CONCURRENTLY.matcher(s.text());
            out.add(m.replaceFirst(""));
        }
        return out;
    }

    static Map<String, String> settings(TargetSession session) throws TargetException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object[] row : session.execute(SETTINGS_SQL, Integer.MAX_VALUE).rows()) {
            out.put(String.valueOf(row[0]), String.valueOf(row[1]));
        }
        return out;
    }

    private static void rollback(TargetSession session) {
        try {
            session.execute("ROLLBACK", 1);
        } catch (TargetException e) {
            // the connection is gone: the server aborts the transaction itself
            LOG.warn("ROLLBACK after a trial failed: {}", e.userMessage());
        }
    }

    private static String body(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static TargetException unsupported(String message) {
        return new TargetException(Reason.UNSUPPORTED_STATEMENT, message, null, null, null);
    }
}
