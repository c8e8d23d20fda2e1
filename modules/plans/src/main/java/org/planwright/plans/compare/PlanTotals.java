package org.planwright.plans.compare;

import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * The whole-statement numbers of two plans.
 *
 * @param executionTime    "Execution Time", ms (0 without ANALYZE)
 * @param planningTime     "Planning Time", ms (0 when not reported)
 * @param totalCost        the root's "Total Cost", planner units
 * @param actualRows       rows the root returned over all loops
 * @param sharedHitBlocks  shared buffers hit, summed over the nodes' exclusive buffers, 8 kB blocks
 * @param sharedReadBlocks shared blocks read, summed the same way, 8 kB blocks
 * @param tempBlocks       temp blocks read + written (spills), summed the same way, 8 kB blocks
 * @param nodeCount        number of plan nodes
 */
public record PlanTotals(Delta executionTime, Delta planningTime, Delta totalCost, Delta actualRows,
                         Delta sharedHitBlocks, Delta sharedReadBlocks, Delta tempBlocks, Delta nodeCount) {

    /**
     * @param before the "before" plan
     * @param after  the "after" plan
     * @return their totals
     */
    public static PlanTotals of(Plan before, Plan after) {
        return new PlanTotals(
                new Delta(before.executionTime().orElse(0), after.executionTime().orElse(0)),
                new Delta(before.planningTime().orElse(0), after.planningTime().orElse(0)),
                new Delta(before.root().totalCost().orElse(0), after.root().totalCost().orElse(0)),
                new Delta(before.root().totalActualRows(), after.root().totalActualRows()),
                new Delta(sum(before, Kind.HIT), sum(after, Kind.HIT)),
                new Delta(sum(before, Kind.READ), sum(after, Kind.READ)),
                new Delta(sum(before, Kind.TEMP), sum(after, Kind.TEMP)),
                new Delta(before.nodeCount(), after.nodeCount()));
    }

    private enum Kind { HIT, READ, TEMP }

    private static double sum(Plan plan, Kind kind) {
        long total = 0;
        for (PlanNode n : plan.nodes()) {
            total += switch (kind) {
                case HIT -> n.exclusiveBuffers().sharedHit();
                case READ -> n.exclusiveBuffers().sharedRead();
                case TEMP -> n.exclusiveBuffers().tempTotal();
            };
        }
        return total;
    }
}
