package org.planwright.cli.report;

/**
 * The headline numbers of one plan.
 *
 * @param nodeCount       number of plan nodes, the root included (init plans and sub plans count too)
 * @param rootNodeType    the root node's "Node Type", e.g. "Sort", "Limit", "ModifyTable"
 * @param totalCost       the root node's estimated total cost, in the planner's arbitrary cost units; null when the
 *                        plan has no costs (H2, MySQL's tree format)
 * @param planRows        the root node's estimated row count; null when the plan has no estimate (H2)
 * @param actualRows      the root node's actual rows (per loop, as EXPLAIN ANALYZE reports them); null without
 *                        {@code --analyze}
 * @param planningTimeMs  "Planning Time" in milliseconds; null when the server did not report it
 * @param executionTimeMs "Execution Time" in milliseconds; null without {@code --analyze}
 */
public record PlanSummary(int nodeCount, String rootNodeType, Double totalCost, Double planRows, Double actualRows,
                          Double planningTimeMs, Double executionTimeMs) {
}
