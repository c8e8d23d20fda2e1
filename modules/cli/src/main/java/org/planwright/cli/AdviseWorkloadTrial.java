package org.planwright.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planwright.advice.Cancellation;
import org.planwright.advice.index.IndexAdvice;
import org.planwright.advice.index.IndexAdviceOptions;
import org.planwright.advice.index.TrialIndexOutcome;
import org.planwright.advice.index.TrialStatementTime;
import org.planwright.advice.index.TrialedIndexAdvice;
import org.planwright.advice.index.WorkloadStatement;
import org.planwright.advice.index.WorkloadTrial;
import org.planwright.advice.index.WorkloadTrialResult;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * {@code planwright advise --trial} on a workload of several statements: the recommended index set is measured on the
 * whole workload ({@link WorkloadTrial}: built inside one transaction that is always rolled back, every statement
 * timed without and with it, best of 2), an index that made a statement slower beyond noise is dropped from the
 * advice (listed in {@link AdviseReport#workloadTrial()} with why, and on standard error), and each kept index
 * carries its measured improvement. Stateless.
 */
final class AdviseWorkloadTrial {

    /** What {@code --trial} reports at the top for a workload. */
    static final String METHOD = "the recommended indexes built together inside one transaction that is always "
            + "rolled back; every statement timed without and with them (EXPLAIN ANALYZE with TIMING OFF, best of 2, "
            + "alternately, the statement timeout as cap); an index that made a statement slower beyond noise is "
            + "dropped from the advice, and a replacement set without its access path is advised and measured (up to "
            + TrialedIndexAdvice.DEFAULT_ROUNDS + " rounds; the one with the largest measured benefit is kept). Locks: SHARE on each indexed table until the end, ACCESS EXCLUSIVE on them "
            + "while a statement runs without the indexes";

    private AdviseWorkloadTrial() {
    }

    /**
     * @param report   the advice report (its first {@code advice.chosen().size()} index items are the chosen set)
     * @param advice   the index advice
     * @param session  null without consent: then nothing runs and each index item says why
     * @return the report with each index item saying why it was not tried, when {@code session} is null or
     *     nothing was chosen; otherwise null (the caller runs {@link TrialedIndexAdvice})
     */
    static AdviseReport skipped(AdviseReport report, IndexAdvice advice, TargetSession session) {
        if (session != null && !advice.chosen().isEmpty()) {
            return null;
        }
        List<AdviseReport.Item> out = new ArrayList<>();
        for (AdviseReport.Item i : report.recommendations()) {
            out.add(i.kind().equals("index") ? i.withTrial(AdviseReport.Trial.skipped("workload",
                    session == null ? AdviseCommand.TRIAL_NEEDS_CONSENT : "nothing to try")) : i);
        }
        return report.withRecommendations(out);
    }

    /**
     * Runs {@link TrialedIndexAdvice}: advice, workload trial, and replacement advice without the rejected indexes'
     * access paths, up to {@link TrialedIndexAdvice#DEFAULT_ROUNDS} rounds.
     *
     * @param adviceSession the advisor's session
     * @param session       the trial's read-write session
     * @param workload      the statements
     * @param options       the advisor's options
     * @param first         the advisor's first advice with them
     * @param err           progress and rejections, one line each
     * @return every round and the winner
     * @throws TargetException when the advice or a trial fails (nothing was changed)
     */
    static TrialedIndexAdvice.Outcome measure(TargetSession adviceSession, TargetSession session,
                                              List<WorkloadStatement> workload, IndexAdviceOptions options,
                                              IndexAdvice first, PrintWriter err) throws TargetException {
        return new TrialedIndexAdvice().run(adviceSession, session, workload, options, first,
                WorkloadTrial.Options.defaults().withLockConsent(true), TrialedIndexAdvice.DEFAULT_ROUNDS, (f, m) -> {
                    err.println("planwright: " + m);
                    err.flush();
                }, Cancellation.create());
    }

    /**
     * @param report  the report of the winning round's advice (its first {@code advice.chosen().size()} index items
     *                are the chosen set)
     * @param outcome every round measured, see {@link #measure}
     * @param err     rejections, one line each
     * @return the report with the kept items, each with what was measured, and the workload's totals; the indexes
     *     any round rejected are listed with why (earlier rounds' prefixed "round N")
     */
    static AdviseReport apply(AdviseReport report, TrialedIndexAdvice.Outcome outcome, PrintWriter err) {
        List<AdviseReport.Item> items = report.recommendations();
        IndexAdvice advice = outcome.best().advice();
        WorkloadTrialResult r = outcome.best().trial();
        Map<String, TrialIndexOutcome> byName = new HashMap<>();
        r.indexes().forEach(o -> byName.put(o.name(), o));
        Map<String, AdviseReport.TrialStatement> statements = new HashMap<>();
        List<AdviseReport.TrialStatement> all = new ArrayList<>();
        for (TrialStatementTime t : r.statements()) {
            AdviseReport.TrialStatement ts = statement(t);
            statements.put(t.label(), ts);
            all.add(ts);
        }
        List<AdviseReport.Item> kept = new ArrayList<>();
        List<AdviseReport.Rejected> rejected = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            AdviseReport.Item item = items.get(k);
            TrialIndexOutcome o = k < advice.chosen().size() && item.kind().equals("index")
                    ? byName.get(advice.chosen().get(k).candidate().name()) : null;
            if (o == null) {
                kept.add(item);
                continue;
            }
            if (o.rejected() != null) {
                rejected.add(new AdviseReport.Rejected(item.title(), item.sql(), o.rejected()));
                err.println("planwright: dropped from the advice: " + item.title() + ": " + o.rejected());
                err.flush();
                continue;
            }
            List<AdviseReport.TrialStatement> used = new ArrayList<>();
            for (TrialStatementTime t : r.statements()) {
                if (t.indexesUsed().contains(o.name())) {
                    used.add(statements.get(t.label()));
                }
            }
            kept.add(item.withWorkloadTrial(new AdviseReport.IndexTrial(
                    Double.isNaN(o.measuredImprovementPercent()) ? null : round1(o.measuredImprovementPercent()),
                    round3(o.beforeMs()), round3(o.afterMs()), o.helped(), o.hurt(), o.warning(), used)));
            if (o.warning() != null) {
                err.println("planwright: " + item.title() + ": " + o.warning());
                err.flush();
            }
        }
        for (int k = 0; k < outcome.rounds().size(); k++) {
            if (k == outcome.chosen()) {
                continue;
            }
            for (TrialIndexOutcome o : outcome.rounds().get(k).trial().indexes()) {
                boolean again = rejected.stream().anyMatch(x -> x.sql().contains(" ON " + o.index().definition()
                        + ";"));
                if (o.rejected() != null && !again) {
                    String why = "round " + (k + 1) + " of " + outcome.rounds().size() + ": " + o.rejected();
                    rejected.add(new AdviseReport.Rejected("Index " + o.index().definition(),
                            "CREATE INDEX CONCURRENTLY " + o.name() + " ON " + o.index().definition() + ";", why));
                    err.println("planwright: dropped from the advice: Index " + o.index().definition() + ": " + why);
                    err.flush();
                }
            }
        }
        if (outcome.rounds().size() > 1) {
            err.printf(Locale.ROOT, "planwright: kept round %d of %d (measured benefit %s)%n", outcome.chosen() + 1,
                    outcome.rounds().size(), String.join(", ", outcome.rounds().stream().map(x -> String.format(
                            Locale.ROOT, "%.3f", x.measuredBenefit())).toList()));
            err.flush();
        }
        return report.withWorkloadTrial(kept, new AdviseReport.WorkloadTrialSummary(round3(r.beforeTotalMs()),
                round3(r.afterTotalMs()), Math.round(r.geomeanRatio() * 1000) / 1000.0, Math.round(r.buildMillis()),
                Math.round(r.elapsedMillis()), all, rejected));
    }

    private static AdviseReport.TrialStatement statement(TrialStatementTime t) {
        String change = t.error() != null ? (t.error().startsWith(WorkloadTrial.NOT_TIMED) ? t.error()
                : "failed: " + t.error())
                : t.indexesUsed().isEmpty() ? "unaffected" : t.slower() ? "slower" : t.faster() ? "faster" : "same";
        return new AdviseReport.TrialStatement(t.label(), nullable(t.beforeMs()), nullable(t.afterMs()), t.beforeCapped(),
                t.afterCapped(), t.indexesUsed(), change, AdviseReport.BoundValue.of(t.boundParameters()));
    }

    /** @return one line: the workload's before/after sums and geometric mean */
    static String summaryLine(AdviseReport.WorkloadTrialSummary s) {
        return String.format(Locale.ROOT, "workload %.2f s -> %.2f s (sum of best times), geometric mean of time "
                        + "ratios %.2f; %d index(es) dropped by the trial; built in %.1f s, trial took %.1f s",
                s.beforeMs() / 1000, s.afterMs() / 1000, s.geomeanRatio(), s.rejected().size(),
                s.buildMillis() / 1000.0, s.elapsedMillis() / 1000.0);
    }

    private static Double nullable(double v) {
        return Double.isNaN(v) ? null : round3(v);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
    }
}
