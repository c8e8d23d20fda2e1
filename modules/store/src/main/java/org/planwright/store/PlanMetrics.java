package org.planwright.store;

/**
 * The summary figures of a captured plan, worked out by the caller (the plan parser) and kept beside the raw plan
 * so that lists need not parse it again. Each figure is null when the plan does not have it (for example
 * {@code executionTimeMs} without {@code ANALYZE}).
 *
 * @param nodeCount       number of plan nodes, including subplans and init plans
 * @param totalCost       the top node's total cost, in the planner's arbitrary cost units
 * @param executionTimeMs "Execution Time" of {@code EXPLAIN ANALYZE}, in milliseconds
 * @param planningTimeMs  "Planning Time", in milliseconds
 */
public record PlanMetrics(Integer nodeCount, Double totalCost, Double executionTimeMs, Double planningTimeMs) {

    /** No figures known. */
    public static final PlanMetrics UNKNOWN = new PlanMetrics(null, null, null, null);

    public PlanMetrics {
        if (nodeCount != null && nodeCount < 0) {
            throw new IllegalArgumentException("nodeCount must not be negative, was " + nodeCount);
        }
    }
}
