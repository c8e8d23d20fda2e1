package org.planwright.advice.trial;

/**
 * One measured run of the query in a trial, from its EXPLAIN (ANALYZE, BUFFERS).
 *
 * @param phase            before or after the change
 * @param number           1-based among the measured runs of its phase
 * @param executionMillis  "Execution Time", ms; for a run stopped by the statement timeout: the timeout (the run took
 *                         at least that long)
 * @param planningMillis   "Planning Time", ms; 0 for a timed-out run
 * @param timedOut         true when the statement timeout stopped the run
 * @param sharedHitBlocks  shared buffers found in cache, 8 kB blocks (top plan node, all loops)
 * @param sharedReadBlocks shared buffers read from disk or the OS cache, 8 kB blocks
 * @param tempBlocks       temporary blocks read and written (spills), 8 kB blocks
 * @param rows             rows the query returned (top node's actual rows); -1 for a timed-out run
 */
public record TrialRun(Phase phase, int number, double executionMillis, double planningMillis, boolean timedOut,
                       long sharedHitBlocks, long sharedReadBlocks, long tempBlocks, double rows) {

    /** Which side of the change a run is on. */
    public enum Phase {
        /** The query as it is. */
        BEFORE,
        /** After the change (or the rewritten query). */
        AFTER
    }
}
