package org.planwright.advice.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.parameters.Binding;
import org.planwright.advice.parameters.BoundParameter;
import org.planwright.advice.parameters.ParameterBinder;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetException.Reason;
import org.planwright.targetdb.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a chosen index set on the whole workload, for real, and rejects the indexes that make a statement slower
 * — what plan costs cannot see (a nested loop with random heap access that the planner costs cheaper than the hash
 * join it replaces, say).
 *
 * <p>Everything runs in one transaction on the trial's read-write session that is <b>always rolled back</b>:
 * {@code BEGIN}; {@code SET LOCAL lock_timeout}; {@code CREATE INDEX} of every index of the set (a SHARE lock on each
 * table, writers wait until the end: needs the DBA's consent off the sandbox); then per statement, {@code runs}
 * times alternately "before" (inside a savepoint: {@code DROP INDEX} of the set's indexes, which is transactional,
 * the run, {@code ROLLBACK TO SAVEPOINT}) and "after" (inside a savepoint: the run, then roll back to it). A run is
 * {@code EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON)} — its "Execution Time" (ms) with little instrumentation cost and
 * the plan, whose "Index Name"s say which indexes the statement used; data-changing statements are undone by the
 * savepoint. A run stopped by the session's statement timeout counts as the timeout ("capped"), and a capped
 * "before" is not repeated. Each side keeps its best (fastest) run, as TPC-H practice and the measurement
 * do (best of 2).
 *
 * <p><b>Slower beyond noise</b>: best after > best before × (1 + tolerance) and by more than
 * {@link #MIN_SLOWDOWN_MS}, where tolerance = max({@link #MIN_TOLERANCE}, the relative spread (max − min) / min of
 * either side's runs): the run-to-run spread of the same statement under the same conditions is the noise estimate,
 * with 10 % as a floor because two runs can agree by chance. Such a statement is timed {@code runs} more times on
 * each side and the slowdown confirmed by a two-sided Mann-Whitney U test at {@link #SIGNIFICANCE} (with 4 runs a
 * side the smallest p-value is 0.029), so load on a shared server does not blame an index. Then each set index its
 * plan used is dropped in turn (savepoint) and the statement run again; of those without which it is back within
 * noise of "before", the one whose loss costs the other statements least (Σ weight·ln(before / after) over the
 * other statements whose plans use it) is the culprit; when no single one undoes the slowdown, every set index the
 * plan used is. A culprit is always <b>rejected</b>, dropped from the advice with the reason: the advice must not
 * make a statement slower beyond noise (issue 9; docs/decisions/0024 — before it, ADR 0019 kept an index whose
 * users saved more time in total than the slowed statement lost). The rejected indexes are then dropped inside the
 * transaction and the statements that used them measured again; one that now takes another index of the set and is
 * slower with it blames again, until no statement is slower beyond noise (at most one round per index). The
 * reported "after" is the kept set's. A replacement set without the rejected access paths is the caller's to ask
 * for ({@link TrialedIndexAdvice}).
 *
 * <p>Statements with {@code $n} parameters (pg_stat_statements' normalised text) are timed with representative
 * values for them ({@link ParameterBinder}, chosen from pg_stats before the transaction opens), reported with each
 * {@link TrialStatementTime}; one whose parameters cannot be given values is not timed, its error saying why
 * ({@link #NOT_TIMED}).
 *
 * <p>Locks: each CREATE INDEX holds a SHARE lock on its table (writers wait) until the end; each "before" run and
 * each blame run holds an ACCESS EXCLUSIVE lock on the tables of the dropped indexes until its savepoint is rolled
 * back (readers wait too, for up to one statement timeout). Another session reading several of those tables at the
 * same time can deadlock with it; PostgreSQL then aborts one side — if it is the trial's run, that statement is
 * reported as failed and the trial goes on. Run it on a sandbox or a quiet server.
 *
 * <p>Thread rules: {@link #run} blocks; call it on a worker (virtual) thread. {@link Cancellation#cancel()} from any
 * thread stops the running statement; the transaction is then rolled back and {@code CANCELLED} thrown. If the
 * client dies, PostgreSQL aborts the open transaction: nothing is ever committed.
 */
public final class WorkloadTrial {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadTrial.class);
    /** Smallest relative slowdown counted as real (10 %), see the class comment. */
    public static final double MIN_TOLERANCE = 0.10;
    /** Smallest absolute slowdown counted as real, ms: below it timer and scheduling jitter dominate. */
    public static final double MIN_SLOWDOWN_MS = 5;
    /** Significance level of the Mann-Whitney U test that confirms a slowdown before an index is blamed. */
    public static final double SIGNIFICANCE = 0.05;
    /** How {@link TrialStatementTime#error()} starts for a statement whose {@code $n} parameters got no values. */
    public static final String NOT_TIMED = "not timed: ";
    private static final Pattern INDEX_NAME = Pattern.compile("\"Index Name\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * @param runs        timed runs per side and statement (best kept), at least 1; 2 is the "best of 2"
     * @param lockTimeout ms a CREATE/DROP INDEX may wait for its table lock before the trial fails
     * @param lockConsent the DBA agreed that the trial takes locks on a server that is not the sandbox
     */
    public record Options(int runs, long lockTimeout, boolean lockConsent) {
        public Options {
            if (runs < 1 || lockTimeout < 1) {
                throw new IllegalArgumentException("a workload trial needs at least 1 run and a lock timeout");
            }
        }

        /** @return best of 2, lock timeout 5 s, no consent */
        public static Options defaults() {
            return new Options(2, 5000, false);
        }

        /** @param consent the DBA's consent @return a copy */
        public Options withLockConsent(boolean consent) {
            return new Options(runs, lockTimeout, consent);
        }

        /** @param n runs per side @return a copy */
        public Options withRuns(int n) {
            return new Options(n, lockTimeout, lockConsent);
        }
    }

    /** One statement's runs. */
    private static final class Sample {
        final List<Double> before = new ArrayList<>();
        final List<Double> after = new ArrayList<>();
        boolean beforeCapped = true;
        boolean afterCapped = true;
        Set<String> used = new LinkedHashSet<>();
        String error;
        List<BoundParameter> bound = List.of();
        /** when measured again after a rejection: what the first measurement used and took */
        Set<String> usedBeforeRejection;
        List<Double> afterBeforeRejection;

        Set<String> usedBeforeRejection() {
            return usedBeforeRejection != null ? usedBeforeRejection : used;
        }

        List<Double> afterBeforeRejection() {
            return afterBeforeRejection != null ? afterBeforeRejection : after;
        }

        double best(List<Double> l) {
            return l.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double tolerance() {
            return Math.max(MIN_TOLERANCE, Math.max(spread(before), spread(after)));
        }

        static double spread(List<Double> l) {
            if (l.size() < 2) {
                return 0;
            }
            double min = l.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = l.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            return min > 0 ? (max - min) / min : 0;
        }
    }

    private record Run(double ms, boolean capped, Set<String> used) {
    }

    /**
     * @param session      the trial's read-write session, with the statement timeout each run must keep (the cap)
     * @param workload     the statements; each explainable
     * @param set          the index set to try (e.g. {@link IndexAdvice#chosen()}'s candidates)
     * @param options      runs, lock timeout, consent
     * @param progress     told before each statement and build
     * @param cancellation stops the trial
     * @return per statement and per index what was measured, with the rejected indexes and why
     * @throws TargetException {@code UNSUPPORTED_STATEMENT} for a read-only session or without consent off the
     *                         sandbox; {@code SQL_ERROR} when an index cannot be built (e.g. its name exists);
     *                         {@code CANCELLED}; {@code OTHER} when the connection breaks. In every case nothing
     *                         was changed: the transaction is rolled back.
     */
    public WorkloadTrialResult run(TargetSession session, List<WorkloadStatement> workload, List<IndexCandidate> set,
                      Options options, ProgressListener progress, Cancellation cancellation) throws TargetException {
        Objects.requireNonNull(options, "options");
        if (session.options().readOnly()) {
            throw unsupported("A workload trial builds the indexes for real and needs a read-write session");
        }
        if (!options.lockConsent() && session.profile().kind() != ConnectionProfile.Kind.SANDBOX) {
            throw unsupported("A workload trial builds the indexes inside a transaction that is rolled back, which "
                    + "locks their tables (writes wait) until it ends — give consent to run it on "
                    + session.profile().name() + ", or run it on the sandbox");
        }
        cancellation.attach(session);
        long t0 = System.nanoTime();
        // $n statements (pg_stat_statements' text) are timed with representative values, chosen before the
        // transaction opens: a failed statistics read must not abort it
        List<Binding> bindings = new ArrayList<>();
        List<WorkloadStatement> given = workload;
        workload = new ArrayList<>();
        ParameterBinder binder = new ParameterBinder();
        for (WorkloadStatement w : given) {
            cancellation.check();
            Binding b = binder.bind(session, w.sql());
            bindings.add(b);
            workload.add(b.bound() ? new WorkloadStatement(w.label(), b.boundSql().orElseThrow(), w.weight()) : w);
        }
        Map<String, IndexCandidate> names = new LinkedHashMap<>();
        for (IndexCandidate c : set) {
            names.put(c.name(), c);
        }
        Map<String, String> rejected = new LinkedHashMap<>();
        Map<String, List<String>> hurt = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        double buildMs;
        int total = workload.size() + set.size();
        session.execute("BEGIN", 1);
        try {
            session.execute("SET LOCAL lock_timeout = " + options.lockTimeout(), 1);
            long b0 = System.nanoTime();
            int step = 0;
            for (var e : names.entrySet()) {
                cancellation.check();
                progress.progress((double) step++ / total, "Building " + e.getValue().definition()
                        + " (rolled back at the end)");
                session.execute("CREATE INDEX " + e.getKey() + " ON " + e.getValue().definition(), 1);
            }
            buildMs = (System.nanoTime() - b0) / 1e6;
            List<String> all = List.copyOf(names.keySet());
            for (int i = 0; i < workload.size(); i++) {
                WorkloadStatement w = workload.get(i);
                progress.progress((double) step++ / total, "Timing " + w.label() + " without and with the indexes");
                Sample s = new Sample();
                samples.add(s);
                s.bound = bindings.get(i).parameters();
                if (!bindings.get(i).bound()) {
                    s.error = NOT_TIMED + bindings.get(i).reason();
                    continue;
                }
                try {
                    for (int r = 0; r < options.runs(); r++) {
                        if (r == 0 || !s.beforeCapped) {
                            Run before = time(session, w.sql(), all, cancellation);
                            s.before.add(before.ms());
                            s.beforeCapped &= before.capped();
                        }
                        Run after = time(session, w.sql(), List.of(), cancellation);
                        s.after.add(after.ms());
                        s.afterCapped &= after.capped();
                        s.used.addAll(after.used());
                    }
                } catch (TargetException e) {
                    if (e.reason() == Reason.CANCELLED || e.reason() == Reason.OTHER) {
                        throw e;
                    }
                    s.error = e.userMessage();
                    continue;
                }
                s.used.retainAll(names.keySet());
            }
            // Rounds: blame the slowed statements' indexes, drop them, time the statements that used them again
            // (they may now take another index of the set and be slower with it), until none is slower.
            Set<Integer> cleared = new LinkedHashSet<>();
            for (int round = 0; round <= set.size(); round++) {
                Map<String, String> now = new LinkedHashMap<>();
                for (int i = 0; i < workload.size(); i++) {
                    Sample s = samples.get(i);
                    if (cleared.contains(i) || s.used.isEmpty() || !time(workload.get(i), s).slower()) {
                        continue;
                    }
                    progress.progress(1, "Confirming that " + workload.get(i).label() + " is slower with the indexes");
                    List<String> culprits = blame(session, workload, samples, i, options, now, cancellation);
                    if (culprits.isEmpty()) {
                        cleared.add(i);
                        continue;
                    }
                    for (String c : culprits) {
                        hurt.computeIfAbsent(c, k -> new ArrayList<>()).add(workload.get(i).label());
                    }
                    // the other slowed statements are judged after these indexes are gone
                    break;
                }
                if (now.isEmpty()) {
                    break;
                }
                for (var e : now.entrySet()) {
                    session.execute("DROP INDEX " + e.getKey(), 1);
                    rejected.merge(e.getKey(), e.getValue(), (a, b) -> a + "; " + b);
                }
                for (int i = 0; i < workload.size(); i++) {
                    Sample s = samples.get(i);
                    if (s.error == null && s.used.stream().anyMatch(now::containsKey)) {
                        cancellation.check();
                        progress.progress(1, "Timing " + workload.get(i).label() + " again without the rejected "
                                + "indexes");
                        Sample again = new Sample();
                        for (int r = 0; r < options.runs(); r++) {
                            Run after = time(session, workload.get(i).sql(), List.of(), cancellation);
                            again.after.add(after.ms());
                            again.afterCapped &= after.capped();
                            again.used.addAll(after.used());
                        }
                        again.before.addAll(s.before);
                        again.beforeCapped = s.beforeCapped;
                        again.used.retainAll(names.keySet());
                        again.used.removeAll(rejected.keySet());
                        again.usedBeforeRejection = s.usedBeforeRejection();
                        again.bound = s.bound;
                        again.afterBeforeRejection = s.afterBeforeRejection();
                        samples.set(i, again);
                        cleared.remove(i);
                    }
                }
            }
        } finally {
            try {
                session.execute("ROLLBACK", 1);
            } catch (TargetException e) {
                LOG.warn("ROLLBACK after a workload trial failed (the server aborts it): {}", e.userMessage());
            }
        }
        List<TrialStatementTime> times = new ArrayList<>();
        for (int i = 0; i < workload.size(); i++) {
            times.add(time(workload.get(i), samples.get(i)));
        }
        List<TrialIndexOutcome> outcomes = new ArrayList<>();
        for (var e : names.entrySet()) {
            String n = e.getKey();
            double b = 0;
            double a = 0;
            List<String> helped = new ArrayList<>();
            int users = 0;
            for (int i = 0; i < workload.size(); i++) {
                Sample s = samples.get(i);
                TrialStatementTime st = times.get(i);
                boolean usedIt = rejected.containsKey(n) ? s.usedBeforeRejection().contains(n) : s.used.contains(n);
                if (!usedIt || st.error() != null) {
                    continue;
                }
                users++;
                b += st.beforeMs();
                a += rejected.containsKey(n) ? s.best(s.afterBeforeRejection()) : st.afterMs();
                if (!rejected.containsKey(n) && st.faster()) {
                    helped.add(st.label());
                }
            }
            outcomes.add(new TrialIndexOutcome(e.getValue(), n, rejected.get(n), null, helped,
                    hurt.getOrDefault(n, List.of()), b, a, users == 0 || b <= 0 ? Double.NaN : 100 * (b - a) / b));
        }
        return new WorkloadTrialResult(times, outcomes, buildMs, (System.nanoTime() - t0) / 1e6);
    }

    private static TrialStatementTime time(WorkloadStatement w, Sample s) {
        if (s.error != null) {
            return new TrialStatementTime(w.label(), Double.NaN, Double.NaN, false, false, MIN_TOLERANCE, List.of(),
                    s.error, s.bound);
        }
        return new TrialStatementTime(w.label(), s.best(s.before), s.best(s.after), s.beforeCapped, s.afterCapped,
                s.tolerance(), List.copyOf(s.used), null, s.bound);
    }

    /**
     * Confirms that statement {@code i} is slower with the set (Mann-Whitney U over {@code runs} more runs a side) and
     * finds what to drop: each set index its plan used is dropped in turn (savepoint) and the statement timed; those
     * without which it is back within noise of "before" can each be dropped, and the one whose loss costs the
     * other statements least — Σ weight·ln(before / after) over the other statements whose plans use it, what it
     * measurably saves them — is chosen (ties: the one without which it is fastest). When no single index undoes the
     * slowdown, all the indexes its plan used are dropped (the set without them is its "before").
     *
     * @param out receives the culprits with the sentence saying why
     * @return the culprits; empty when the slowdown was not confirmed
     */
    private List<String> blame(TargetSession session, List<WorkloadStatement> workload, List<Sample> samples, int i,
                               Options options, Map<String, String> out, Cancellation cancellation)
            throws TargetException {
        WorkloadStatement w = workload.get(i);
        Sample s = samples.get(i);
        for (int r = 0; r < options.runs(); r++) {
            Run before = time(session, w.sql(), List.copyOf(s.used), cancellation);
            s.before.add(before.ms());
            s.beforeCapped &= before.capped();
            Run again = time(session, w.sql(), List.of(), cancellation);
            s.after.add(again.ms());
            s.afterCapped &= again.capped();
        }
        TrialStatementTime st = time(w, s);
        double p = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                .test(s.before.stream().mapToDouble(Double::doubleValue).toArray(),
                        s.after.stream().mapToDouble(Double::doubleValue).toArray()).getPValue();
        if (!st.slower() || p >= SIGNIFICANCE) {
            LOG.info("{}: slower at first, not significantly when timed again (p = {})", w.label(), p);
            return List.of();
        }
        String culprit = null;
        double culpritLoss = Double.MAX_VALUE;
        double culpritWithout = Double.MAX_VALUE;
        Map<String, Double> withoutMs = new LinkedHashMap<>();
        for (String n : s.used) {
            double without = Double.MAX_VALUE;
            for (int r = 0; r < options.runs(); r++) {
                without = Math.min(without, time(session, w.sql(), List.of(n), cancellation).ms());
            }
            withoutMs.put(n, without);
            boolean undone = without <= st.beforeMs() * (1 + st.tolerance())
                    || without - st.beforeMs() <= MIN_SLOWDOWN_MS;
            double loss = loss(workload, samples, i, n);
            LOG.info("{}: {} ms before, {} ms after, {} ms without {} (undone: {}, others lose {})", w.label(),
                    st.beforeMs(), st.afterMs(), without, n, undone, loss);
            if (undone && (loss < culpritLoss - 1e-9 || Math.abs(loss - culpritLoss) <= 1e-9
                    && without < culpritWithout)) {
                culprit = n;
                culpritLoss = loss;
                culpritWithout = without;
            }
        }
        String head = String.format(Locale.ROOT, "%s ran %.1fx slower with it (%.1f -> %.1f ms, best of %d, "
                + "Mann-Whitney p = %.3f)", w.label(), st.afterMs() / st.beforeMs(), st.beforeMs(), st.afterMs(),
                s.after.size(), p);
        if (culprit != null) {
            out.put(culprit, String.format(Locale.ROOT, "%s; without it %.1f ms", head, culpritWithout));
            return List.of(culprit);
        }
        List<String> used = List.copyOf(s.used);
        for (String n : used) {
            out.put(n, String.format(Locale.ROOT, "%s; no single index of the %d it used undid that (without this "
                    + "one %.1f ms), so all of them were dropped", head, used.size(), withoutMs.get(n)));
        }
        return used;
    }

    /** @return Σ weight·ln(before / after) over the statements other than {@code except} whose plans use {@code n} */
    private static double loss(List<WorkloadStatement> workload, List<Sample> samples, int except, String n) {
        double loss = 0;
        for (int j = 0; j < workload.size(); j++) {
            Sample o = samples.get(j);
            if (j == except || o.error != null || !o.used.contains(n)) {
                continue;
            }
            double b = o.best(o.before);
            double a = o.best(o.after);
            if (b > 0 && a > 0) {
                loss += workload.get(j).weight() * Math.log(b / a);
            }
        }
        return loss;
    }

    /**
     * One run inside a savepoint that is rolled back, with {@code drop} dropped first.
     *
     * @return the execution time, ms (the statement timeout when it hit it), and the indexes the plan used
     */
    private static Run time(TargetSession session, String sql, List<String> drop, Cancellation cancellation)
            throws TargetException {
        cancellation.check();
        session.execute("SAVEPOINT pw_workload_trial", 1);
        try {
            for (String n : drop) {
                session.execute("DROP INDEX " + n, 1);
            }
            QueryResult r = session.execute("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + body(sql), 1);
            String json = String.valueOf(r.rows().getFirst()[0]);
            Set<String> used = new LinkedHashSet<>();
            Matcher m = INDEX_NAME.matcher(json);
            while (m.find()) {
                used.add(m.group(1));
            }
            return new Run(executionTime(json), false, used);
        } catch (TargetException e) {
            if (e.reason() != Reason.TIMEOUT) {
                throw e;
            }
            return new Run(session.options().statementTimeout().toMillis(), true, Set.of());
        } finally {
            session.execute("ROLLBACK TO SAVEPOINT pw_workload_trial", 1);
        }
    }

    static double executionTime(String json) {
        Matcher m = Pattern.compile("\"Execution Time\":\\s*([0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no Execution Time in the plan");
        }
        return Double.parseDouble(m.group(1));
    }

    private static String body(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static TargetException unsupported(String message) {
        return new TargetException(Reason.UNSUPPORTED_STATEMENT, message, null, null, null);
    }
}
