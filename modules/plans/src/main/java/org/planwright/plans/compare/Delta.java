package org.planwright.plans.compare;

/**
 * One number of a plan or plan node before and after: a time (ms), a row or loop count, blocks (8 kB) or a cost
 * (planner units) — the unit is the one of the accessor that produced it. Values absent from a plan (no ANALYZE,
 * no BUFFERS) are 0.
 *
 * @param before the value in the "before" plan
 * @param after  the value in the "after" plan
 */
public record Delta(double before, double after) {

    /** A delta of two zeros. */
    public static final Delta ZERO = new Delta(0, 0);

    /** @return after - before, in the value's unit (negative = decreased) */
    public double difference() {
        return after - before;
    }

    /**
     * @return after / before; 1 when both are 0, {@link Double#POSITIVE_INFINITY} when only before is 0
     */
    public double ratio() {
        if (before == 0) {
            return after == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return after / before;
    }

    /** @return true when before and after are exactly equal */
    public boolean unchanged() {
        return before == after;
    }

    /**
     * Judges a "lower is better" value (time, buffers, cost, misestimate factor).
     *
     * @param noiseFraction relative change (fraction of the larger value, e.g. 0.10) below which the change
     *                      counts as noise
     * @param floor         absolute change, in the value's unit, below which the change counts as noise (e.g.
     *                      0.01 ms of exclusive time)
     * @return {@link Trend#BETTER} when the value fell beyond the noise, {@link Trend#WORSE} when it rose,
     *     else {@link Trend#SAME}
     */
    public Trend trend(double noiseFraction, double floor) {
        double diff = difference();
        double scale = Math.max(Math.abs(before), Math.abs(after));
        if (Math.abs(diff) <= floor || Math.abs(diff) <= noiseFraction * scale) {
            return Trend.SAME;
        }
        return diff < 0 ? Trend.BETTER : Trend.WORSE;
    }

    /** Whether a "lower is better" value improved. */
    public enum Trend { BETTER, SAME, WORSE }
}
