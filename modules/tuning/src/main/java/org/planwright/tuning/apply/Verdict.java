package org.planwright.tuning.apply;

import java.util.Locale;

/**
 * The comparison of an after window with its baseline.
 *
 * @param outcome      IMPROVED, NOISE or DEGRADED
 * @param p95Change    relative change of p95 latency (+0.25 = 25% slower)
 * @param tpsChange    relative change of throughput (-0.25 = 25% fewer transactions per second)
 * @param baseline     the baseline window
 * @param after        the after window
 * @param threshold    the relative change counted as beyond noise
 */
public record Verdict(Outcome outcome, double p95Change, double tpsChange, Measurement baseline, Measurement after,
                      double threshold) {

    /** What the change did. */
    public enum Outcome { IMPROVED, NOISE, DEGRADED }

    /**
     * @param baseline  before the change
     * @param after     after it
     * @param threshold e.g. 0.10: a p95 latency more than 10% higher or a throughput more than 10% lower is a
     *                  degradation; more than 10% better on either (and not worse on the other) is an improvement;
     *                  the issue's ±10% run-to-run noise of pgbench on this machine
     * @return the verdict
     */
    public static Verdict of(Measurement baseline, Measurement after, double threshold) {
        double p95 = baseline.p95LatencyMs() == 0 ? 0 : after.p95LatencyMs() / baseline.p95LatencyMs() - 1;
        double tps = baseline.tps() == 0 ? 0 : after.tps() / baseline.tps() - 1;
        Outcome o;
        if (p95 > threshold || tps < -threshold) {
            o = Outcome.DEGRADED;
        } else if (p95 < -threshold || tps > threshold) {
            o = Outcome.IMPROVED;
        } else {
            o = Outcome.NOISE;
        }
        return new Verdict(o, p95, tps, baseline, after, threshold);
    }

    /** @return e.g. "p95 12.1 -> 31.0 ms (+156%), tps 82.1 -> 33.0 (-60%): degraded" */
    public String describe() {
        return String.format(Locale.ROOT, "p95 %.1f -> %.1f ms (%+.0f%%), tps %.1f -> %.1f (%+.0f%%): %s",
                baseline.p95LatencyMs(), after.p95LatencyMs(), p95Change * 100, baseline.tps(), after.tps(),
                tpsChange * 100, outcome.name().toLowerCase(Locale.ROOT));
    }
}
