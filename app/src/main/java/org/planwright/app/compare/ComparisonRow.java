package org.planwright.app.compare;

import org.planwright.plans.PlanNode;
import org.planwright.plans.compare.NodePair;

/**
 * One line of the side-by-side table: a matched pair, or a node that only one plan has.
 *
 * @param before      the "before" node, or null when only the "after" plan has it
 * @param after       the "after" node, or null when only the "before" plan has it
 * @param pair        the matched pair with its deltas, or null for an unmatched node
 * @param depth       nesting depth for indentation (of the "before" node when there is one)
 */
public record ComparisonRow(PlanNode before, PlanNode after, NodePair pair, int depth) {

    /** @return true when both plans have the node */
    public boolean matched() {
        return pair != null;
    }
}
