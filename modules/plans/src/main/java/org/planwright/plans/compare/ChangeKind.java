package org.planwright.plans.compare;

/** What changed between two plans of the same statement, in the words DBAs use. */
public enum ChangeKind {
    /** A matched join node uses another join method, e.g. Hash Join -> Nested Loop. */
    JOIN_METHOD,
    /** A matched join's outer and inner inputs are swapped (the relations read by each side changed places). */
    JOIN_ORDER,
    /** A matched scan of the same relation reads it another way (Seq Scan -> Index Scan) or through another index. */
    SCAN_METHOD,
    /** A scan that the "before" plan does not have (a new relation read, or a new Bitmap Index Scan). */
    SCAN_ADDED,
    /** A scan of the "before" plan that is gone. */
    SCAN_DROPPED,
    /** An index the "after" plan uses and the "before" plan does not. */
    INDEX_USED,
    /** An index the "before" plan used and the "after" plan does not. */
    INDEX_NOT_USED,
    /** Another matched node does its work another way, e.g. HashAggregate -> GroupAggregate, Sort -> Incremental Sort. */
    OPERATION
}
