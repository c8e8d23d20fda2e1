package org.planwright.app.plan.stats;

import java.util.List;

/**
 * One line of the plan statistics: the nodes of one table, one index or one node type, summed.
 *
 * @param name          table ("schema.table" when the plan names the schema), index or node type
 * @param count         number of plan nodes in the group
 * @param exclusiveMs   sum of the nodes' exclusive time in ms (0 without ANALYZE)
 * @param share         that time as a fraction 0..1 of the plan's execution time; without ANALYZE the sum of
 *                      exclusive costs over the root's total cost
 * @param actualRows    rows the group's nodes returned, summed over all loops (0 without ANALYZE)
 * @param sharedHit     exclusive shared buffer hits, in 8 kB blocks
 * @param sharedRead    exclusive shared buffer reads, in 8 kB blocks
 * @param nodeIds       pre-order ids of the nodes, costliest (by exclusive time, then cost) first
 */
public record StatRow(String name, int count, double exclusiveMs, double share, double actualRows, long sharedHit,
                      long sharedRead, List<Integer> nodeIds) {
}
