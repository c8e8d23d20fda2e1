package org.planwright.tuning.advice;

/**
 * The estimated effect of a recommendation.
 *
 * @param level  LOW, MEDIUM or HIGH
 * @param detail how it was estimated, with numbers, e.g. "removes about 1.0 GB of temp-file writes per hour"
 */
public record Impact(Level level, String detail) {

    /** Estimated effect size. */
    public enum Level { LOW, MEDIUM, HIGH }
}
