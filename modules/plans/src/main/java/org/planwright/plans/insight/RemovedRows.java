package org.planwright.plans.insight;

import java.util.OptionalDouble;
import org.planwright.plans.PlanNode;

/**
 * Rows a node removed after reading them ("Rows Removed by ..." counts, per loop as PostgreSQL reports them)
 * against the rows it kept ("Actual Rows", per loop). Shared arithmetic of the rules that flag wasted reads.
 *
 * @param removedPerLoop rows removed per loop
 * @param keptPerLoop    rows kept per loop
 * @param loops          loops (at least 1)
 */
record RemovedRows(double removedPerLoop, double keptPerLoop, double loops) {

    /**
     * @param node    a plan node
     * @param removed the node's removed count (e.g. {@link PlanNode#rowsRemovedByJoinFilter()})
     * @return the counts, or null when the node has no such count or no actual rows (no ANALYZE)
     */
    static RemovedRows of(PlanNode node, OptionalDouble removed) {
        if (removed.isEmpty()) {
            return null;
        }
        OptionalDouble kept = node.actualRows();
        return kept.isEmpty() ? null : new RemovedRows(removed.getAsDouble(), kept.getAsDouble(),
                Math.max(1, node.actualLoops().orElse(1)));
    }

    /** @return removed / (removed + kept), fraction 0..1; 0 when nothing was read */
    double fraction() {
        double all = removedPerLoop + keptPerLoop;
        return all > 0 ? removedPerLoop / all : 0;
    }

    /** @return rows removed over all loops */
    double removedTotal() {
        return removedPerLoop * loops;
    }

    /** @return rows kept over all loops */
    double keptTotal() {
        return keptPerLoop * loops;
    }
}
