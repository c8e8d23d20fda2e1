package org.planwright.tuning.trial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.apply.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries session-settable configuration changes on the workload's own statements before any of them is proposed,
 * without changing the server: every timed run is {@code BEGIN READ ONLY; SET LOCAL statement_timeout ...;
 * SET LOCAL <the settings> ...; EXPLAIN (ANALYZE, TIMING OFF) <statement>; ROLLBACK}, so nothing outlives the
 * transaction and no other session sees the settings. Only parameters a session may set (pg_settings context
 * {@code user} or, for a superuser, {@code superuser}) can be tried this way; shared_buffers and the other
 * restart-only parameters cannot.
 *
 * <p>The method, per candidate in the order given (greedy forward selection: each candidate is tried on top of the
 * ones already accepted):
 * <ol>
 *   <li>For a planner-only parameter ({@link #PLANNER_ONLY}: cost constants and effective_cache_size, which change
 *       nothing but plan choice) a statement whose plan ({@code EXPLAIN (COSTS OFF)}) is the same under both
 *       settings cannot change its time and is not timed; every statement is timed for the others (work_mem also
 *       changes how a sort or hash runs, jit how expressions are evaluated).</li>
 *   <li>Each timed statement runs once per side as a warm-up, then {@link Options#runs()} times per side,
 *       alternating which side goes first (ABBA), so drift in the machine's load weighs on both sides. A run is
 *       the server's planning + execution time from EXPLAIN ANALYZE (ms). A run stopped by the statement timeout
 *       counts as the timeout.</li>
 *   <li>A statement is <b>slower</b> when its median after / median before > 1 + {@link Options#noise()}, the
 *       difference exceeds {@link Options#minDifferenceMs()} and a two-sided Mann-Whitney U test gives p &lt;
 *       {@link Options#significance()} (Apache Commons Statistics); <b>faster</b> symmetrically (before / after).
 *       A statement whose medians differ beyond both thresholds while the test cannot confirm it yet is timed
 *       {@link Options#runs()} more times a side and judged on all its runs — the index trials' confirmation
 *       round (ADR 0024), so that a real slowdown with a noisy spread is not waved through as noise.</li>
 *   <li>A candidate is <b>accepted</b> only when no statement is slower and either at least one is faster (and
 *       the sum of the medians does not grow) or the workload as a whole is: the sum of the medians fell by more
 *       than the noise threshold and the per-run totals differ by the same test — a change that cannot be shown to help on the workload, or that slows any
 *       statement, is not proposed (issue 11). Of several values of one parameter (e.g. a work_mem ladder) the
 *       first accepted wins and the others are not tried.</li>
 * </ol>
 * Blocking; run it on a virtual thread. Cancel with {@link Cancellation} from any thread: the run stops after the
 * statement that is running (which the statement timeout bounds), rolls back, and reports what it had.
 */
public final class SettingsTrial {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsTrial.class);

    /**
     * Parameters that change only which plan the planner picks, never how a given plan runs (PostgreSQL docs,
     * "Planner Cost Constants"): a statement whose plan stays the same under them keeps its time.
     */
    public static final Set<String> PLANNER_ONLY = Set.of("random_page_cost", "seq_page_cost", "cpu_tuple_cost",
            "cpu_index_tuple_cost", "cpu_operator_cost", "effective_cache_size", "parallel_setup_cost",
            "parallel_tuple_cost", "min_parallel_table_scan_size", "min_parallel_index_scan_size");

    private static final Pattern PLANNING = Pattern.compile("Planning Time: ([0-9.]+) ms");
    private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

    /**
     * One statement of the workload.
     *
     * @param label a name for reports, e.g. the file name
     * @param sql   one read-only statement (SELECT, WITH ... SELECT, VALUES, TABLE)
     */
    public record Statement(String label, String sql) {
        public Statement {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(sql, "sql");
        }
    }

    /**
     * How the trial measures.
     *
     * @param runs             timed runs per side and statement after one warm-up, at least 3 (5 gives the
     *                         Mann-Whitney test a smallest p of 0.008; 3 cannot go below 0.1)
     * @param noise            relative difference below which a statement counts as unchanged, e.g. 0.10
     * @param minDifferenceMs  absolute difference of the medians below which it counts as unchanged, ms
     * @param significance     Mann-Whitney p-value a difference must go below, e.g. 0.05
     * @param statementTimeout cap of one run; a run that reaches it counts as the timeout
     */
    public record Options(int runs, double noise, double minDifferenceMs, double significance,
                          Duration statementTimeout) {
        public Options {
            if (runs < 3) {
                throw new IllegalArgumentException("at least 3 runs per side, not " + runs);
            }
            Objects.requireNonNull(statementTimeout, "statementTimeout");
        }

        /** @return 5 runs, 10 % noise, 5 ms, p &lt; 0.05, 60 s cap */
        public static Options defaults() {
            return new Options(5, 0.10, 5.0, 0.05, Duration.ofSeconds(60));
        }
    }

    /** Receives progress; called on the trial's thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param fraction 0..1 of the candidates done
         * @param message  what runs now
         */
        void progress(double fraction, String message);
    }

    /** What one statement did under a candidate. */
    public enum Change { FASTER, SLOWER, UNCHANGED, SAME_PLAN }

    /**
     * One statement compared under the settings before and with the candidate.
     *
     * @param label          the statement's label
     * @param beforeMs       timed runs without the candidate (planning + execution, ms); empty for SAME_PLAN
     * @param afterMs        timed runs with it
     * @param medianBeforeMs median of beforeMs (NaN when not timed)
     * @param medianAfterMs  median of afterMs (NaN when not timed)
     * @param pValue         two-sided Mann-Whitney p (NaN when not timed)
     * @param change         the verdict by the rule above
     */
    public record StatementComparison(String label, List<Double> beforeMs, List<Double> afterMs,
                                      double medianBeforeMs, double medianAfterMs, double pValue, Change change) {
        public StatementComparison {
            beforeMs = List.copyOf(beforeMs);
            afterMs = List.copyOf(afterMs);
        }

        /** @return medianAfter / medianBefore (NaN when not timed) */
        public double ratio() {
            return medianAfterMs / medianBeforeMs;
        }
    }

    /**
     * What one candidate did.
     *
     * @param candidate        the change tried
     * @param base             the settings it was tried on top of (earlier accepted candidates), name → value
     * @param statements       one comparison per statement that ran
     * @param workloadBeforeMs sum of the timed statements' medians without it, ms
     * @param workloadAfterMs  the same with it, ms
     * @param accepted         true when it is proposed
     * @param reason           why it was accepted or not, with the numbers
     */
    public record Outcome(SettingCandidate candidate, Map<String, String> base, List<StatementComparison> statements,
                          double workloadBeforeMs, double workloadAfterMs, boolean accepted, String reason) {
        public Outcome {
            base = Map.copyOf(base);
            statements = List.copyOf(statements);
        }

        /** @return the statements with the given verdict */
        public List<StatementComparison> with(Change change) {
            return statements.stream().filter(s -> s.change() == change).toList();
        }
    }

    /**
     * The trial's result.
     *
     * @param accepted  the accepted settings, parameter → value, in the order they were accepted
     * @param outcomes  one per candidate tried, in order
     * @param skipped   statements left out, each "label: reason"
     * @param cancelled true when it was cancelled before the end
     */
    public record Result(Map<String, String> accepted, List<Outcome> outcomes, List<String> skipped,
                         boolean cancelled) {
        public Result {
            accepted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accepted));
            outcomes = List.copyOf(outcomes);
            skipped = List.copyOf(skipped);
        }
    }

    private final TargetSession session;
    private final Options options;

    /**
     * @param session a PostgreSQL session (it may be read-only); used by this trial alone while it runs
     * @param options how to measure
     */
    public SettingsTrial(TargetSession session, Options options) {
        this.session = Objects.requireNonNull(session, "session");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Tries the candidates in order on the statements.
     *
     * @param statements the workload; statements that are not read-only queries, or that fail under the current
     *                   settings, are skipped with the reason
     * @param candidates the changes to try, in order (see {@link SettingCandidates})
     * @param progress   progress receiver
     * @param cancel     cancellation flag
     * @return accepted settings and every outcome
     * @throws TargetException when the connection fails (a statement's own error skips that statement)
     */
    public Result run(List<Statement> statements, List<SettingCandidate> candidates, Progress progress,
                      Cancellation cancel) throws TargetException {
        List<String> skipped = new ArrayList<>();
        List<Statement> usable = new ArrayList<>();
        for (Statement s : statements) {
            String why = readOnlyQuery(s.sql());
            if (why != null) {
                skipped.add(s.label() + ": " + why);
                continue;
            }
            try {
                time(s, Map.of());
                usable.add(s);
            } catch (TargetException e) {
                if (e.reason() == TargetException.Reason.CANCELLED || isConnectionLoss(e)) {
                    throw e;
                }
                skipped.add(s.label() + ": " + e.userMessage());
            }
        }
        Map<String, String> accepted = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> decided = new java.util.HashSet<>();
        int done = 0;
        for (SettingCandidate c : candidates) {
            if (cancel.isCancelled()) {
                return new Result(accepted, outcomes, skipped, true);
            }
            done++;
            if (decided.contains(c.parameter())) {
                continue;
            }
            progress.progress((done - 1) / (double) candidates.size(), "Trying " + c.parameter() + " = "
                    + c.value() + " on " + usable.size() + " statements");
            Outcome o = tryCandidate(usable, accepted, c, cancel);
            if (o == null) {
                return new Result(accepted, outcomes, skipped, true);
            }
            outcomes.add(o);
            LOG.info("{} = {}: {}", c.parameter(), c.value(), o.reason());
            if (o.accepted()) {
                accepted.put(c.parameter(), c.value());
                decided.add(c.parameter());
            }
        }
        progress.progress(1, "Settings trial done: " + accepted.size() + " of " + candidates.size()
                + " candidates accepted");
        return new Result(accepted, outcomes, skipped, false);
    }

    private Outcome tryCandidate(List<Statement> statements, Map<String, String> base, SettingCandidate c,
                                 Cancellation cancel) throws TargetException {
        Map<String, String> with = new LinkedHashMap<>(base);
        with.put(c.parameter(), c.value());
        List<StatementComparison> out = new ArrayList<>();
        for (Statement s : statements) {
            if (cancel.isCancelled()) {
                return null;
            }
            if (PLANNER_ONLY.contains(c.parameter()) && plan(s, base).equals(plan(s, with))) {
                out.add(new StatementComparison(s.label(), List.of(), List.of(), Double.NaN, Double.NaN, Double.NaN,
                        Change.SAME_PLAN));
                continue;
            }
            time(s, base);
            time(s, with);
            List<Double> before = new ArrayList<>();
            List<Double> after = new ArrayList<>();
            if (!runs(s, base, with, before, after, options.runs(), cancel)) {
                return null;
            }
            StatementComparison first = compare(s.label(), before, after);
            if (first.change() == Change.UNCHANGED && looksDifferent(first)) {
                // a difference beyond the noise threshold that the test cannot confirm yet: time it again
                if (!runs(s, base, with, before, after, options.runs(), cancel)) {
                    return null;
                }
                out.add(compare(s.label(), before, after));
            } else {
                out.add(first);
            }
        }
        return decide(c, base, out);
    }

    /** @return false when cancelled */
    private boolean runs(Statement s, Map<String, String> base, Map<String, String> with, List<Double> before,
                         List<Double> after, int n, Cancellation cancel) throws TargetException {
        for (int r = 0; r < n; r++) {
            if (cancel.isCancelled()) {
                return false;
            }
            if ((before.size() + r) % 2 == 0) {
                before.add(time(s, base));
                after.add(time(s, with));
            } else {
                after.add(time(s, with));
                before.add(time(s, base));
            }
        }
        return true;
    }

    private boolean looksDifferent(StatementComparison c) {
        double mb = c.medianBeforeMs();
        double ma = c.medianAfterMs();
        return Math.abs(ma - mb) > options.minDifferenceMs()
                && (ma > mb * (1 + options.noise()) || mb > ma * (1 + options.noise()));
    }

    /** Applies the slower/faster rule to one statement's runs. Package-private for tests. */
    StatementComparison compare(String label, List<Double> before, List<Double> after) {
        double mb = median(before);
        double ma = median(after);
        double p = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                .test(before.stream().mapToDouble(Double::doubleValue).toArray(),
                        after.stream().mapToDouble(Double::doubleValue).toArray()).getPValue();
        Change change = Change.UNCHANGED;
        if (p < options.significance() && Math.abs(ma - mb) > options.minDifferenceMs()) {
            if (ma > mb * (1 + options.noise())) {
                change = Change.SLOWER;
            } else if (mb > ma * (1 + options.noise())) {
                change = Change.FASTER;
            }
        }
        return new StatementComparison(label, before, after, mb, ma, p, change);
    }

    /** The acceptance rule over one candidate's comparisons. Package-private for tests. */
    Outcome decide(SettingCandidate c, Map<String, String> base, List<StatementComparison> comparisons) {
        double before = comparisons.stream().filter(s -> s.change() != Change.SAME_PLAN)
                .mapToDouble(StatementComparison::medianBeforeMs).sum();
        double after = comparisons.stream().filter(s -> s.change() != Change.SAME_PLAN)
                .mapToDouble(StatementComparison::medianAfterMs).sum();
        List<StatementComparison> slower = comparisons.stream().filter(s -> s.change() == Change.SLOWER).toList();
        List<StatementComparison> faster = comparisons.stream().filter(s -> s.change() == Change.FASTER).toList();
        long timed = comparisons.stream().filter(s -> s.change() != Change.SAME_PLAN).count();
        String totals = String.format(Locale.ROOT, "%d of %d statements timed (%s), %.1f -> %.1f ms in all (%+.1f%%)",
                timed, comparisons.size(), timed < comparisons.size() ? "the others keep their plan" : "all",
                before, after, before > 0 ? 100 * (after - before) / before : 0);
        String reason;
        boolean ok;
        if (!slower.isEmpty()) {
            ok = false;
            reason = "slows " + list(slower) + "; " + totals;
        } else if (faster.isEmpty() && !workloadFaster(comparisons, before, after)) {
            ok = false;
            reason = timed == 0 ? "no statement's plan changes: it cannot help this workload"
                    : "no statement faster beyond noise, nor the workload as a whole: " + totals;
        } else if (faster.isEmpty()) {
            ok = true;
            reason = String.format(Locale.ROOT, "the workload as a whole is faster (per-run totals, p %.3f), no "
                    + "statement slower; ", workloadP(comparisons)) + totals;
        } else if (after > before) {
            ok = false;
            reason = "faster " + list(faster) + " but the workload takes longer in all: " + totals;
        } else {
            ok = true;
            reason = "faster " + list(faster) + ", none slower; " + totals;
        }
        return new Outcome(c, base, comparisons, before, after, ok, reason);
    }

    /**
     * The workload as one unit: the sum of the medians fell by more than the noise threshold and the per-run
     * totals (run k of every timed statement summed, the first {@link Options#runs()} runs) differ by the
     * Mann-Whitney test. Catches a change that speeds many statements a little, none of them provably.
     */
    private boolean workloadFaster(List<StatementComparison> comparisons, double before, double after) {
        return before > after * (1 + options.noise()) && before - after > options.minDifferenceMs()
                && workloadP(comparisons) < options.significance();
    }

    private double workloadP(List<StatementComparison> comparisons) {
        double[] b = new double[options.runs()];
        double[] a = new double[options.runs()];
        boolean any = false;
        for (StatementComparison s : comparisons) {
            if (s.change() == Change.SAME_PLAN || s.beforeMs().size() < options.runs()) {
                continue;
            }
            any = true;
            for (int r = 0; r < options.runs(); r++) {
                b[r] += s.beforeMs().get(r);
                a[r] += s.afterMs().get(r);
            }
        }
        return !any ? Double.NaN : MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(b, a)
                .getPValue();
    }

    private static String list(List<StatementComparison> s) {
        StringBuilder b = new StringBuilder();
        for (StatementComparison x : s) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(String.format(Locale.ROOT, "%s %.1f -> %.1f ms (%.2fx, p %.3f)", x.label(), x.medianBeforeMs(),
                    x.medianAfterMs(), x.ratio(), x.pValue()));
        }
        return b.toString();
    }

    /** @return planning + execution time of one run with the settings, ms (the timeout when it hit it) */
    private double time(Statement s, Map<String, String> settings) throws TargetException {
        String text;
        try {
            text = inTransaction(settings, "EXPLAIN (ANALYZE, TIMING OFF) " + body(s.sql()));
        } catch (TargetException e) {
            if (e.reason() == TargetException.Reason.TIMEOUT) {
                return options.statementTimeout().toMillis();
            }
            throw e;
        }
        Matcher p = PLANNING.matcher(text);
        Matcher x = EXECUTION.matcher(text);
        if (!x.find()) {
            throw new TargetException(TargetException.Reason.OTHER, "EXPLAIN ANALYZE gave no execution time",
                    null, null, null);
        }
        return Double.parseDouble(x.group(1)) + (p.find() ? Double.parseDouble(p.group(1)) : 0);
    }

    private String plan(Statement s, Map<String, String> settings) throws TargetException {
        return inTransaction(settings, "EXPLAIN (COSTS OFF) " + body(s.sql()));
    }

    private String inTransaction(Map<String, String> settings, String sql) throws TargetException {
        session.execute("BEGIN READ ONLY", 1);
        try {
            session.execute("SET LOCAL statement_timeout = " + Math.max(1, options.statementTimeout().toMillis()), 1);
            for (Map.Entry<String, String> e : settings.entrySet()) {
                session.execute("SET LOCAL " + e.getKey() + " = '" + e.getValue().replace("'", "''") + "'", 1);
            }
            QueryResult r = session.execute(sql, Integer.MAX_VALUE);
            StringBuilder b = new StringBuilder();
            for (Object[] row : r.rows()) {
                b.append(row[0]).append('\n');
            }
            return b.toString();
        } finally {
            try {
                session.execute("ROLLBACK", 1);
            } catch (TargetException e) {
                LOG.debug("rollback after a settings-trial run failed: {}", e.getMessage());
            }
        }
    }

    /** @return null when the statement is a read-only query, else why it is skipped */
    static String readOnlyQuery(String sql) {
        String s = body(sql).stripLeading().toLowerCase(Locale.ROOT);
        while (s.startsWith("--") || s.startsWith("/*")) {
            int end = s.startsWith("--") ? s.indexOf('\n') : s.indexOf("*/");
            if (end < 0) {
                return "no statement";
            }
            s = s.substring(end + (s.startsWith("--") ? 1 : 2)).stripLeading();
        }
        if (s.isEmpty()) {
            return "no statement";
        }
        String first = s.split("[\\s(]", 2)[0];
        return switch (first) {
            case "select", "with", "values", "table" -> null;
            default -> "not a read-only query (" + first.toUpperCase(Locale.ROOT)
                    + "): a settings trial times queries only";
        };
    }

    private static String body(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static boolean isConnectionLoss(TargetException e) {
        return e.reason() == TargetException.Reason.OTHER;
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (a.length == 0) {
            return Double.NaN;
        }
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
