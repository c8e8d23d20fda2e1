package org.planwright.learning;

/**
 * An improvement estimate with its interval.
 *
 * @param percent the estimated improvement, percent of execution time
 * @param low     the interval's lower end, percent (80 % interval)
 * @param high    its upper end, percent
 * @param source  where it came from
 * @param modelVersion the estimator model's version for LEARNED, else 0
 */
public record Estimate(double percent, double low, double high, Source source, int modelVersion) {

    /** Where an estimate came from. */
    public enum Source {
        /** The deployed learned model (Smile gradient-boosted trees). */
        LEARNED,
        /** The what-if cost ratio ({@code 100 * (1 - cost after / cost before)}): not enough trials to learn yet,
         *  or no learned model beat it on held-out trials. */
        COST_ONLY
    }

    /** @return the sentence the UI shows next to the figure */
    public String explanation() {
        return switch (source) {
            case LEARNED -> "learned from this workspace's trials (model v" + modelVersion + ")";
            case COST_ONLY -> "from the planner's cost estimate: not enough trials yet for a learned estimate";
        };
    }
}
