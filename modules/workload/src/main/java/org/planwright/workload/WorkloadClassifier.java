package org.planwright.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classifies a workload as OLTP, OLAP or mixed from where its execution time goes. Planwright's own rule, stated
 * here because no anchor tool publishes one:
 *
 * <ol>
 *   <li>A statement is <em>analytic</em> when a call touches at least {@value #ANALYTIC_BLOCKS_PER_CALL} blocks
 *       (8 MB: a scan of a sizeable table, or a sort/hash spilling to disk) or takes at least
 *       {@value #ANALYTIC_MEAN_MS} ms on average; it is <em>short</em> when a call touches at most
 *       {@value #SHORT_BLOCKS_PER_CALL} blocks and takes at most {@value #SHORT_MEAN_MS} ms (an index lookup or
 *       a single-row write: pgbench's statements touch 3-7 blocks in well under 1 ms). The rest is in between.
 *       Blocks are counted as well as time because time depends on the machine and the cache, while the blocks a
 *       call touches depend on the plan.</li>
 *   <li>Shares are of the window's total execution time. OLAP when the analytic share is at least
 *       {@value #DOMINANT_SHARE}, OLTP when the short share is, mixed otherwise.</li>
 *   <li>Confidence: the dominant share (for mixed: one minus the gap between the two shares), times an evidence
 *       factor {@code min(1, log10(1 + calls) / 3)} that reaches 1 at 1,000 calls, so that a handful of calls never
 *       gives a sure answer. Fewer than {@value #MIN_CALLS} calls: unknown.</li>
 * </ol>
 *
 * <p>Thread-safe (no state).
 */
public final class WorkloadClassifier {

    /** Blocks per call from which a statement is analytic (8 kB blocks: 8 MB). Planwright's own. */
    public static final int ANALYTIC_BLOCKS_PER_CALL = 1_000;
    /** Mean execution time from which a statement is analytic, ms. Planwright's own. */
    public static final double ANALYTIC_MEAN_MS = 100;
    /** Blocks per call up to which a statement is short. Planwright's own. */
    public static final int SHORT_BLOCKS_PER_CALL = 100;
    /** Mean execution time up to which a statement is short, ms. Planwright's own. */
    public static final double SHORT_MEAN_MS = 10;
    /** Share of execution time that makes a class dominant, fraction. Planwright's own. */
    public static final double DOMINANT_SHARE = 0.6;
    /** Fewer calls than this in a window: the class is unknown. */
    public static final int MIN_CALLS = 10;

    /**
     * @param statements the window's statements
     * @return the class with its confidence and reasons
     */
    public Classification classify(List<StatementCounters> statements) {
        double total = 0;
        double analytic = 0;
        double shortTime = 0;
        long calls = 0;
        int analyticCount = 0;
        int shortCount = 0;
        for (StatementCounters s : statements) {
            if (s.calls() == 0) {
                continue;
            }
            calls += s.calls();
            total += s.totalExecMs();
            if (isAnalytic(s)) {
                analytic += s.totalExecMs();
                analyticCount++;
            } else if (isShort(s)) {
                shortTime += s.totalExecMs();
                shortCount++;
            }
        }
        List<String> reasons = new ArrayList<>();
        if (calls < MIN_CALLS || total <= 0) {
            reasons.add(String.format(Locale.ROOT, "only %d calls (%.1f ms) in the window: too little to tell",
                    calls, total));
            return new Classification(WorkloadClass.UNKNOWN, 0, 0, 0, reasons);
        }
        double analyticShare = analytic / total;
        double shortShare = shortTime / total;
        reasons.add(String.format(Locale.ROOT, "%d analytic statements (>= %d blocks or >= %.0f ms per call) take "
                + "%.0f%% of the execution time", analyticCount, ANALYTIC_BLOCKS_PER_CALL, ANALYTIC_MEAN_MS,
                100 * analyticShare));
        reasons.add(String.format(Locale.ROOT, "%d short statements (<= %d blocks and <= %.0f ms per call) take "
                + "%.0f%%", shortCount, SHORT_BLOCKS_PER_CALL, SHORT_MEAN_MS, 100 * shortShare));
        double evidence = Math.min(1, Math.log10(1 + calls) / 3);
        reasons.add(String.format(Locale.ROOT, "%,d calls in the window (evidence factor %.2f)", calls, evidence));
        WorkloadClass cls;
        double confidence;
        if (analyticShare >= DOMINANT_SHARE) {
            cls = WorkloadClass.OLAP;
            confidence = analyticShare * evidence;
        } else if (shortShare >= DOMINANT_SHARE) {
            cls = WorkloadClass.OLTP;
            confidence = shortShare * evidence;
        } else {
            cls = WorkloadClass.MIXED;
            confidence = (1 - Math.abs(analyticShare - shortShare)) * evidence;
        }
        return new Classification(cls, confidence, analyticShare, shortShare, reasons);
    }

    static boolean isAnalytic(StatementCounters s) {
        return s.blocksPerCall() >= ANALYTIC_BLOCKS_PER_CALL || s.meanExecMs() >= ANALYTIC_MEAN_MS;
    }

    static boolean isShort(StatementCounters s) {
        return s.blocksPerCall() <= SHORT_BLOCKS_PER_CALL && s.meanExecMs() <= SHORT_MEAN_MS;
    }
}
