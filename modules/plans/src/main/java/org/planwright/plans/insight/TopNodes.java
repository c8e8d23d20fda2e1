package org.planwright.plans.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.planwright.plans.PlanNode;

/** The few nodes with the largest measure, found in one pass (O(n * limit), no sort of all nodes). */
final class TopNodes {

    private TopNodes() {
    }

    /**
     * @param nodes   the plan's nodes, in plan order
     * @param limit   how many to keep at most
     * @param minimum smallest measure kept
     * @param measure e.g. the exclusive time share
     * @return at most {@code limit} nodes with measure &gt;= minimum, largest first (ties in plan order)
     */
    static List<PlanNode> largest(List<PlanNode> nodes, int limit, double minimum, ToDoubleFunction<PlanNode> measure) {
        List<PlanNode> top = new ArrayList<>(limit + 1);
        List<Double> values = new ArrayList<>(limit + 1);
        for (PlanNode n : nodes) {
            double v = measure.applyAsDouble(n);
            if (v < minimum || top.size() == limit && v <= values.getLast()) {
                continue;
            }
            int at = top.size();
            while (at > 0 && values.get(at - 1) < v) {
                at--;
            }
            top.add(at, n);
            values.add(at, v);
            if (top.size() > limit) {
                top.removeLast();
                values.removeLast();
            }
        }
        return top;
    }
}
