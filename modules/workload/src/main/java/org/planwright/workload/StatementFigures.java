package org.planwright.workload;

/**
 * The figures of one statement over a window, as a DBA reads them from {@code pg_stat_statements}.
 *
 * @param counters      the statement's counters in the window
 * @param access        whether it reads or writes (by its leading command word)
 * @param shareOfTotal  its share of the window's total execution time, a fraction in [0, 1]
 */
public record StatementFigures(StatementCounters counters, Access access, double shareOfTotal) {

    /** What a statement does to data, by its command word (SELECT/VALUES/TABLE read; INSERT ... MERGE write). */
    public enum Access {
        /** Queries: SELECT, VALUES, TABLE, WITH ... SELECT. */
        READ,
        /** INSERT, UPDATE, DELETE, MERGE, data-modifying WITH. */
        WRITE,
        /** Everything else: BEGIN, COMMIT, SET, DDL, VACUUM, COPY, ... */
        OTHER
    }

    /** @return the normalised query text */
    public String query() {
        return counters.query();
    }

    /** @return calls in the window */
    public long calls() {
        return counters.calls();
    }

    /** @return total execution time (ms) */
    public double totalExecMs() {
        return counters.totalExecMs();
    }

    /** @return mean execution time (ms) */
    public double meanExecMs() {
        return counters.meanExecMs();
    }

    /** @return standard deviation of the execution time (ms) */
    public double stddevExecMs() {
        return counters.stddevExecMs();
    }

    /** @return rows per call */
    public double rowsPerCall() {
        return counters.rowsPerCall();
    }

    /** @return shared buffer hit ratio, fraction */
    public double hitRatio() {
        return counters.hitRatio();
    }

    /** @return temp blocks written (sorts and hashes spilled to disk; 8 kB blocks) */
    public long tempBlksWritten() {
        return counters.tempBlksWritten();
    }

    /** @return blocks that cost I/O: shared read plus temp read and written (8 kB blocks) */
    public long ioBlocks() {
        return counters.ioBlocks();
    }
}
