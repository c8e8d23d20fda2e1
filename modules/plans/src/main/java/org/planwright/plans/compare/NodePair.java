package org.planwright.plans.compare;

import org.planwright.plans.PlanNode;

/**
 * A node of the "before" plan matched with its counterpart in the "after" plan, and how its numbers moved.
 * All values over all loops, as {@link PlanNode} computes them.
 *
 * @param before             the node in the "before" plan
 * @param after              the node in the "after" plan
 * @param exclusiveTime      time in the node alone, ms ({@link PlanNode#exclusiveTime()})
 * @param inclusiveTime      time in the node and its children, ms ({@link PlanNode#inclusiveTime()})
 * @param actualRows         rows produced over all loops ({@link PlanNode#totalActualRows()})
 * @param loops              "Actual Loops"
 * @param sharedHitBlocks    shared buffers hit by the node alone, 8 kB blocks ({@link PlanNode#exclusiveBuffers()})
 * @param sharedReadBlocks   shared blocks read by the node alone, 8 kB blocks
 * @param totalCost          "Total Cost", planner units
 * @param rowMisestimate     row misestimate factor (&gt;= 1, 1 = exact; {@link org.planwright.plans.RowEstimate}),
 *                           1 when unknown
 */
public record NodePair(PlanNode before, PlanNode after, Delta exclusiveTime, Delta inclusiveTime, Delta actualRows,
                       Delta loops, Delta sharedHitBlocks, Delta sharedReadBlocks, Delta totalCost,
                       Delta rowMisestimate) {

    /**
     * @param before the node in the "before" plan
     * @param after  its counterpart in the "after" plan
     * @return the pair with its deltas
     */
    public static NodePair of(PlanNode before, PlanNode after) {
        return new NodePair(before, after,
                new Delta(before.exclusiveTime(), after.exclusiveTime()),
                new Delta(before.inclusiveTime(), after.inclusiveTime()),
                new Delta(before.totalActualRows(), after.totalActualRows()),
                new Delta(before.actualLoops().orElse(0), after.actualLoops().orElse(0)),
                new Delta(before.exclusiveBuffers().sharedHit(), after.exclusiveBuffers().sharedHit()),
                new Delta(before.exclusiveBuffers().sharedRead(), after.exclusiveBuffers().sharedRead()),
                new Delta(before.totalCost().orElse(0), after.totalCost().orElse(0)),
                new Delta(misestimate(before), misestimate(after)));
    }

    /** @return true when the node does the same work the same way: same display type and same target */
    public boolean sameOperation() {
        return before.label().equals(after.label()) && before.indexName().equals(after.indexName());
    }

    private static double misestimate(PlanNode n) {
        return n.rowEstimate().map(e -> e.factor()).orElse(1.0);
    }
}
