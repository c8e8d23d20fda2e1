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
    /**
     * A Materialize, WindowAgg, CTE Scan or Recursive Union whose stored rows (tuplestore) did not fit in work_mem
     * and went to disk (PostgreSQL 18+ reports "Storage: Disk").
     */
    MATERIALIZE_SPILL,
    /** A hash (join or aggregate) that did not fit in work_mem and was split into batches on disk. */
    HASH_SPILL,
    /** JIT compilation took a large share of the execution time. */
    JIT_SHARE,
    /** A join whose Join Filter throws away most of the row pairs it builds: the condition could be a join key. */
    JOIN_FILTER,
    /** An index or bitmap scan whose recheck removes most of the rows the index pointed to. */
    INDEX_RECHECK,
    /** A Bitmap Heap Scan whose bitmap became lossy (page-level) because it did not fit in work_mem. */
    LOSSY_BITMAP,
    /** An Index Only Scan that had to visit the table: the visibility map is not up to date (VACUUM). */
    HEAP_FETCHES,
    /** A Gather or Gather Merge that launched fewer parallel workers than planned. */
    WORKERS_NOT_LAUNCHED,
    /** A Nested Loop that ran its inner side a great many times. */
    NESTED_LOOP_LOOPS,
    /** A scan that reads many 8 kB blocks for each row it returns. */
    READ_EFFICIENCY,
    /** A Limit that threw away many rows its input produced: a large OFFSET. */
    LARGE_OFFSET,
    /** Without ANALYZE: a node that carries a large share of the plan's estimated cost. */
    HIGH_COST,
    /** An index scan whose Filter removes most of the rows its index condition returns: the index does not match. */
    INEFFICIENT_INDEX_SCAN,
    /** A count without GROUP BY that reads a whole big table: an index-only scan or reltuples estimate is faster. */
    SLOW_COUNT,
    /** A misestimated scan on a table never analyzed, or modified beyond the autovacuum analyze threshold since. */
    STALE_STATISTICS
}
