package org.planwright.plans.compare;

import java.util.Optional;

/**
 * One detected change between the "before" and "after" plan.
 *
 * @param kind         what changed
 * @param beforeNodeId {@link org.planwright.plans.PlanNode#id()} of the node in the "before" plan, -1 when the
 *                     change has no "before" node (an added scan, a newly used index)
 * @param afterNodeId  id of the node in the "after" plan, -1 when it has none (a dropped scan)
 * @param description  one line for a DBA, e.g. "Seq Scan on lineitem -> Index Scan using idx_l_partkey on lineitem"
 */
public record PlanChange(ChangeKind kind, int beforeNodeId, int afterNodeId, String description) {

    /** @return the "before" node's id, empty when there is none */
    public Optional<Integer> beforeNode() {
        return beforeNodeId < 0 ? Optional.empty() : Optional.of(beforeNodeId);
    }

    /** @return the "after" node's id, empty when there is none */
    public Optional<Integer> afterNode() {
        return afterNodeId < 0 ? Optional.empty() : Optional.of(afterNodeId);
    }
}
