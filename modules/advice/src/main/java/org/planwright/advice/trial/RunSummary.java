package org.planwright.advice.trial;

import java.util.Arrays;
import java.util.List;

/**
 * Medians and spread of one side's execution times.
 *
 * @param medianMillis median execution time, ms (a timed-out run counts as the timeout)
 * @param minMillis    fastest run, ms
 * @param maxMillis    slowest run, ms
 * @param iqrMillis    interquartile range (Q3 - Q1, linear interpolation between order statistics — Hyndman and Fan
 *                     type 7, R's default), ms
 * @param timedOut     runs stopped by the statement timeout
 */
public record RunSummary(double medianMillis, double minMillis, double maxMillis, double iqrMillis, int timedOut) {

    /** @param runs one side's runs, not empty @return their summary */
    public static RunSummary of(List<TrialRun> runs) {
        double[] x = times(runs);
        Arrays.sort(x);
        int timedOut = (int) runs.stream().filter(TrialRun::timedOut).count();
        return new RunSummary(quantile(x, 0.5), x[0], x[x.length - 1], quantile(x, 0.75) - quantile(x, 0.25),
                timedOut);
    }

    static double[] times(List<TrialRun> runs) {
        return runs.stream().mapToDouble(TrialRun::executionMillis).toArray();
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
