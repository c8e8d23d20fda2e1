package org.planwright.plans;

/** What an {@link Insight} is about. New kinds are added as {@link InsightRule}s grow. */
public enum InsightKind {
    /** A node that takes a large share of the execution time (or of the cost, without ANALYZE). */
    SLOW_NODE,
    /** The planner's row estimate was off by an order of magnitude or more. */
    ROW_MISESTIMATE,
    /** A sequential scan that throws away most of the rows it reads: an index could avoid the reading. */
    SEQ_SCAN_FILTER,
    /** A sort that did not fit in work_mem and went to disk. */
    SORT_SPILL,
    /** A hash (join or aggregate) that did not fit in work_mem and was split into batches on disk. */
    HASH_SPILL,
    /** JIT compilation took a large share of the execution time. */
    JIT_SHARE
}
