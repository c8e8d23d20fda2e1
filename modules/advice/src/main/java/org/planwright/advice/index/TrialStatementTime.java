package org.planwright.advice.index;

import java.util.List;
import org.planwright.advice.parameters.BoundParameter;
import org.planwright.advice.parameters.ParameterBinder;

/**
 * One statement measured by a {@link WorkloadTrial}.
 *
 * @param label        the statement's label
 * @param beforeMs     best execution time without the set, ms (the timeout when capped)
 * @param afterMs      best execution time with the kept set, ms (the timeout when capped)
 * @param beforeCapped every "before" run hit the statement timeout (the time is at least {@code beforeMs})
 * @param afterCapped  every "after" run hit it
 * @param tolerance    the relative noise used for this statement (fraction)
 * @param indexesUsed  names of the kept set's indexes the "after" plan used
 * @param error        the statement failed (not a timeout): the server's message; or it was not timed because its
 *                     {@code $n} parameters could not be given values: {@link WorkloadTrial#NOT_TIMED} and the
 *                     reason; times are then NaN
 * @param boundParameters the representative values its {@code $n} parameters were timed with
 *                     ({@link ParameterBinder}); empty when it has none
 */
public record TrialStatementTime(String label, double beforeMs, double afterMs, boolean beforeCapped,
                                 boolean afterCapped, double tolerance, List<String> indexesUsed, String error,
                                 List<BoundParameter> boundParameters) {
    public TrialStatementTime {
        indexesUsed = List.copyOf(indexesUsed);
        boundParameters = List.copyOf(boundParameters);
    }

    /** A statement timed as given (no parameters); see the canonical constructor. */
    public TrialStatementTime(String label, double beforeMs, double afterMs, boolean beforeCapped,
                         boolean afterCapped, double tolerance, List<String> indexesUsed, String error) {
        this(label, beforeMs, afterMs, beforeCapped, afterCapped, tolerance, indexesUsed, error, List.of());
    }

    /** @return after / before (NaN when it failed) */
    public double ratio() {
        return afterMs / beforeMs;
    }

    /** @return true when "after" is slower than "before" beyond noise (see {@link WorkloadTrial}) */
    public boolean slower() {
        return error == null && afterMs > beforeMs * (1 + tolerance) && afterMs - beforeMs > WorkloadTrial.MIN_SLOWDOWN_MS;
    }

    /**
     * @return true when it is {@link #slower()} and its "after" plan uses an index of the kept set — what the
     *     trial never leaves behind; a statement whose plan uses none runs the same plan on both sides, so a
     *     difference there is noise (reported as "unaffected")
     */
    public boolean slowedBySet() {
        return slower() && !indexesUsed.isEmpty();
    }

    /** @return true when "after" is faster than "before" beyond noise */
    public boolean faster() {
        return error == null && beforeMs > afterMs * (1 + tolerance) && beforeMs - afterMs > WorkloadTrial.MIN_SLOWDOWN_MS;
    }
}
