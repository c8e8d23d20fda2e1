package org.planwright.plans.insight;

import java.util.ArrayList;
import java.util.List;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/** The nodes a rule looks at, from {@link Plan#nodesOfType}: rules visit only their node types. */
final class NodeSets {

    private NodeSets() {
    }

    /** @return the nodes of the given "Node Type"s (grouped by type, pre-order within a type) */
    static List<PlanNode> of(Plan plan, String... types) {
        if (types.length == 1) {
            return plan.nodesOfType(types[0]);
        }
        List<PlanNode> out = new ArrayList<>();
        for (String t : types) {
            out.addAll(plan.nodesOfType(t));
        }
        return out;
    }

    /** @return the nodes whose type ends in "Scan" (Seq Scan, Index Scan, Bitmap Heap Scan, CTE Scan...) */
    static List<PlanNode> scans(Plan plan) {
        List<PlanNode> out = new ArrayList<>();
        for (String t : plan.nodeTypes()) {
            if (t.endsWith("Scan")) {
                out.addAll(plan.nodesOfType(t));
            }
        }
        return out;
    }
}
