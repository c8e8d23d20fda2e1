package org.planwright.advice;

import java.util.Objects;

/**
 * How much a recommendation is expected to help, before it is tried.
 *
 * @param percent    expected cut in the query's (or workload's) execution time, percent of the time before:
 *                   0 = no change, 100 = free; may be negative for a slowdown (e.g. a write overhead)
 * @param confidence how much to trust {@code percent}, a fraction in [0, 1]
 * @param method     how it was estimated, with the numbers, e.g. {@code "HypoPG: plain EXPLAIN total cost
 *                   81,234 -> 1,020"}; never blank
 */
public record EstimatedImprovement(double percent, double confidence, String method) {
    public EstimatedImprovement {
        Objects.requireNonNull(method, "method");
        if (method.isBlank()) {
            throw new IllegalArgumentException("say how the improvement was estimated");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be a fraction in [0, 1]: " + confidence);
        }
        if (!(percent <= 100) || Double.isNaN(percent)) {
            throw new IllegalArgumentException("improvement percent must be at most 100: " + percent);
        }
    }
}
