package org.planwright.tuning.advice;

import java.util.List;

/**
 * What the server's statistics views say about its workload, summed over its databases. Counters are cumulative
 * since {@code statsSeconds} ago (the last statistics reset) unless a collector takes deltas over a window.
 *
 * @param statsSeconds            seconds the counters cover (since stats_reset or the window), 0 when unknown
 * @param databaseBytes           total size of the databases ({@code pg_database_size}), bytes
 * @param blocksHit               {@code pg_stat_database.blks_hit}: reads served by shared_buffers (8 kB blocks)
 * @param blocksRead              {@code blks_read}: reads that went to the OS (8 kB blocks)
 * @param tempFiles               {@code temp_files}: temporary files written by sorts and hashes
 * @param tempBytes               {@code temp_bytes}: bytes written to them
 * @param transactions            commits + rollbacks
 * @param connections             client backends now ({@code pg_stat_activity})
 * @param activeConnections       of which running a statement
 * @param idleConnections         of which idle (idle in transaction included)
 * @param oldestConnectionSeconds age of the oldest client connection, s
 * @param checkpointsTimed        checkpoints started by checkpoint_timeout
 * @param checkpointsRequested    checkpoints forced by max_wal_size (or asked for)
 * @param checkpointSeconds       seconds the checkpoint counters cover
 * @param seqScans                {@code pg_stat_user_tables.seq_scan} summed
 * @param indexScans              {@code idx_scan} summed
 * @param parallelWorkersToLaunch {@code pg_stat_database.parallel_workers_to_launch} (PostgreSQL 18), -1 unknown
 * @param parallelWorkersLaunched {@code parallel_workers_launched} (PostgreSQL 18), -1 unknown
 * @param vacuumLag               tables whose dead rows exceed autovacuum's threshold and wait, worst first
 * @param statements              pg_stat_statements rows, by total time (empty without the extension)
 * @param scannedTable            the largest table of the connected database read whole by sequential scans at
 *                                least twice ({@code seq_tup_read >= 2 x} its rows: {@code pg_class.reltuples}, else
 *                                {@code n_live_tup}), or null when none
 */
public record WorkloadEvidence(double statsSeconds, double databaseBytes, double blocksHit, double blocksRead,
                               double tempFiles, double tempBytes, double transactions, int connections,
                               int activeConnections, int idleConnections, double oldestConnectionSeconds,
                               double checkpointsTimed, double checkpointsRequested, double checkpointSeconds,
                               double seqScans, double indexScans, double parallelWorkersToLaunch,
                               double parallelWorkersLaunched, List<TableVacuumLag> vacuumLag,
                               List<StatementStat> statements, ScannedTable scannedTable) {

    public WorkloadEvidence {
        vacuumLag = List.copyOf(vacuumLag);
        statements = List.copyOf(statements);
    }

    /** The evidence without a sequentially scanned table (recorded inputs that have none). */
    public WorkloadEvidence(double statsSeconds, double databaseBytes, double blocksHit, double blocksRead,
                            double tempFiles, double tempBytes, double transactions, int connections,
                            int activeConnections, int idleConnections, double oldestConnectionSeconds,
                            double checkpointsTimed, double checkpointsRequested, double checkpointSeconds,
                            double seqScans, double indexScans, double parallelWorkersToLaunch,
                            double parallelWorkersLaunched, List<TableVacuumLag> vacuumLag,
                            List<StatementStat> statements) {
        this(statsSeconds, databaseBytes, blocksHit, blocksRead, tempFiles, tempBytes, transactions, connections,
                activeConnections, idleConnections, oldestConnectionSeconds, checkpointsTimed, checkpointsRequested,
                checkpointSeconds, seqScans, indexScans, parallelWorkersToLaunch, parallelWorkersLaunched, vacuumLag,
                statements, null);
    }

    /**
     * A table sequential scans read whole again and again.
     *
     * @param table     schema.table
     * @param bytes     its heap size ({@code pg_relation_size}), bytes
     * @param seqScans  {@code seq_scan}
     * @param rowsRead  {@code seq_tup_read}
     * @param liveRows  its rows: {@code pg_class.reltuples}, else {@code n_live_tup}
     */
    public record ScannedTable(String table, double bytes, double seqScans, double rowsRead, double liveRows) {
    }

    /** @return blocks hit / (hit + read), or NaN when nothing was read */
    public double cacheHitRatio() {
        double all = blocksHit + blocksRead;
        return all == 0 ? Double.NaN : blocksHit / all;
    }

    /** @return requested / all checkpoints, or NaN when there were none */
    public double requestedCheckpointShare() {
        double all = checkpointsTimed + checkpointsRequested;
        return all == 0 ? Double.NaN : checkpointsRequested / all;
    }

    /**
     * One pg_stat_statements row.
     *
     * @param query           normalised text
     * @param calls           executions
     * @param totalMs         total execution time, ms
     * @param meanMs          mean execution time, ms
     * @param tempBlksWritten temp blocks written (8 kB)
     * @param sharedBlksHit   shared blocks hit
     * @param sharedBlksRead  shared blocks read
     */
    public record StatementStat(String query, double calls, double totalMs, double meanMs, double tempBlksWritten,
                                double sharedBlksHit, double sharedBlksRead) {
    }

    /**
     * A table autovacuum is behind on.
     *
     * @param table                  schema.table
     * @param liveRows               n_live_tup
     * @param deadRows               n_dead_tup
     * @param threshold              autovacuum's trigger: threshold + scale_factor x live rows
     * @param secondsSinceAutovacuum since last_autovacuum (or since ever: -1)
     */
    public record TableVacuumLag(String table, double liveRows, double deadRows, double threshold,
                                 double secondsSinceAutovacuum) {
    }
}
