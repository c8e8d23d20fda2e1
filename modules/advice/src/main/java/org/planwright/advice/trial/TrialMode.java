package org.planwright.advice.trial;

/** How a trial applies a recommendation, safest first. */
public enum TrialMode {
    /**
     * HypoPG's hypothetical index ({@code hypopg_create_index}) and plain EXPLAIN before and after: nothing is built,
     * nothing runs, no lock is taken; the result is the planner's cost, not measured time. Index recommendations on a
     * server with the {@code hypopg} extension only.
     */
    HYPOTHETICAL,
    /**
     * For real inside one transaction that is always rolled back: the query runs before and after the change (a
     * CREATE INDEX without CONCURRENTLY, a SET LOCAL, CREATE STATISTICS + ANALYZE, or the rewritten query). A
     * CREATE INDEX holds a SHARE lock on the table (writes wait) until the rollback: on a server other than the
     * sandbox only with the DBA's consent.
     */
    ROLLED_BACK
}
