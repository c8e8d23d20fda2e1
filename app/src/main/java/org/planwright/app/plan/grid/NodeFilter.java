package org.planwright.app.plan.grid;

import java.util.Locale;
import org.planwright.app.plan.PlanNodeFormat;
import org.planwright.plans.PlanNode;

/**
 * The grid's filter: a node matches when every word of the filter text occurs (case-insensitive) in its id
 * ("#12"), type, relation, alias, index, CTE or function name, or its filter / index / join conditions.
 * Pure; thread-safe.
 */
public final class NodeFilter {

    private NodeFilter() {
    }

    /**
     * @param node   a plan node
     * @param filter the text typed; null or blank matches every node
     * @return true if the node matches
     */
    public static boolean matches(PlanNode node, String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String haystack = ("#" + node.id() + " " + PlanNodeFormat.title(node) + " " + PlanNodeFormat.target(node)
                + " " + node.filter().orElse("") + " " + node.indexCond().orElse("") + " "
                + node.hashCond().orElse("") + " " + node.joinFilter().orElse("")).toLowerCase(Locale.ROOT);
        for (String word : filter.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
