package org.planwright.workload;

import java.util.Objects;

/**
 * The counters of one statement as {@code pg_stat_statements} keeps them, or their difference over a window
 * ({@link #minus}). Counters only grow between two resets of the view, so the difference of two snapshots is
 * what happened in between (PoWA's approach).
 *
 * <p>Times are milliseconds, blocks are 8 kB blocks (the server's {@code block_size}), WAL in bytes.
 * {@code sumSquaresExecMs} (ms²) is the sum of the squared execution times, derived from the view's mean and
 * population standard deviation as {@code calls * (stddev² + mean²)}, so that the standard deviation of a window
 * can be computed from two snapshots.
 *
 * @param key                what identifies the statement
 * @param query              the normalised text as the server shows it (constants as {@code $n})
 * @param database           the database's name, or "" when unknown
 * @param calls              times executed
 * @param totalExecMs        total execution time (ms)
 * @param sumSquaresExecMs   sum of squared execution times (ms²)
 * @param totalPlanMs        total planning time (ms); 0 when planning is not tracked
 * @param rows               rows retrieved or affected
 * @param sharedBlksHit      shared buffer hits
 * @param sharedBlksRead     shared blocks read (from the OS: page cache or disk)
 * @param sharedBlksDirtied  shared blocks dirtied
 * @param sharedBlksWritten  shared blocks written
 * @param tempBlksRead       temp blocks read (sorts and hashes spilled to disk)
 * @param tempBlksWritten    temp blocks written
 * @param blkReadTimeMs      time reading blocks (ms; 0 unless {@code track_io_timing})
 * @param blkWriteTimeMs     time writing blocks (ms; 0 unless {@code track_io_timing})
 * @param walBytes           WAL bytes generated (PostgreSQL 13+; 0 before)
 */
public record StatementCounters(StatementKey key, String query, String database, long calls, double totalExecMs,
                                double sumSquaresExecMs, double totalPlanMs, long rows, long sharedBlksHit,
                                long sharedBlksRead, long sharedBlksDirtied, long sharedBlksWritten,
                                long tempBlksRead, long tempBlksWritten, double blkReadTimeMs, double blkWriteTimeMs,
                                long walBytes) {

    public StatementCounters {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(database, "database");
    }

    /**
     * The activity between {@code earlier} and this snapshot of the same statement. When a counter went down the
     * view was reset (or the entry evicted and entered again) in between: then this snapshot's counters are the
     * activity since the reset, and they are returned unchanged.
     *
     * @param earlier the same statement's counters at an earlier time
     * @return counters of the window (calls may be 0)
     * @throws IllegalArgumentException when {@code earlier} is another statement
     */
    public StatementCounters minus(StatementCounters earlier) {
        if (!key.equals(earlier.key)) {
            throw new IllegalArgumentException("not the same statement: " + key + " vs " + earlier.key);
        }
        if (calls < earlier.calls || totalExecMs + 1e-6 < earlier.totalExecMs) {
            return this;
        }
        return new StatementCounters(key, query, database, calls - earlier.calls, totalExecMs - earlier.totalExecMs,
                Math.max(0, sumSquaresExecMs - earlier.sumSquaresExecMs), Math.max(0, totalPlanMs - earlier.totalPlanMs),
                Math.max(0, rows - earlier.rows), Math.max(0, sharedBlksHit - earlier.sharedBlksHit),
                Math.max(0, sharedBlksRead - earlier.sharedBlksRead),
                Math.max(0, sharedBlksDirtied - earlier.sharedBlksDirtied),
                Math.max(0, sharedBlksWritten - earlier.sharedBlksWritten),
                Math.max(0, tempBlksRead - earlier.tempBlksRead), Math.max(0, tempBlksWritten - earlier.tempBlksWritten),
                Math.max(0, blkReadTimeMs - earlier.blkReadTimeMs), Math.max(0, blkWriteTimeMs - earlier.blkWriteTimeMs),
                Math.max(0, walBytes - earlier.walBytes));
    }

    /**
     * @param other the same statement's counters of another window
     * @return both windows' activity together (the query text and database of this one)
     * @throws IllegalArgumentException when {@code other} is another statement
     */
    public StatementCounters plus(StatementCounters other) {
        if (!key.equals(other.key)) {
            throw new IllegalArgumentException("not the same statement: " + key + " vs " + other.key);
        }
        return new StatementCounters(key, query, database, calls + other.calls, totalExecMs + other.totalExecMs,
                sumSquaresExecMs + other.sumSquaresExecMs, totalPlanMs + other.totalPlanMs, rows + other.rows,
                sharedBlksHit + other.sharedBlksHit, sharedBlksRead + other.sharedBlksRead,
                sharedBlksDirtied + other.sharedBlksDirtied, sharedBlksWritten + other.sharedBlksWritten,
                tempBlksRead + other.tempBlksRead, tempBlksWritten + other.tempBlksWritten,
                blkReadTimeMs + other.blkReadTimeMs, blkWriteTimeMs + other.blkWriteTimeMs, walBytes + other.walBytes);
    }

    /** @return mean execution time per call (ms), 0 without calls */
    public double meanExecMs() {
        return calls == 0 ? 0 : totalExecMs / calls;
    }

    /** @return population standard deviation of the execution time (ms), 0 without calls */
    public double stddevExecMs() {
        if (calls == 0) {
            return 0;
        }
        double mean = meanExecMs();
        return Math.sqrt(Math.max(0, sumSquaresExecMs / calls - mean * mean));
    }

    /** @return rows per call, 0 without calls */
    public double rowsPerCall() {
        return calls == 0 ? 0 : (double) rows / calls;
    }

    /** @return shared buffer hit ratio, a fraction in [0, 1]; 1 when no shared block was touched */
    public double hitRatio() {
        long touched = sharedBlksHit + sharedBlksRead;
        return touched == 0 ? 1 : (double) sharedBlksHit / touched;
    }

    /** @return shared blocks touched (hit + read) plus temp blocks read and written, per call (8 kB blocks) */
    public double blocksPerCall() {
        return calls == 0 ? 0
                : (double) (sharedBlksHit + sharedBlksRead + tempBlksRead + tempBlksWritten) / calls;
    }

    /** @return blocks that cost I/O: shared blocks read plus temp blocks read and written (8 kB blocks) */
    public long ioBlocks() {
        return sharedBlksRead + tempBlksRead + tempBlksWritten;
    }
}
