package org.planwright.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.planwright.workload.DatabaseCounters;
import org.planwright.workload.IndexCounters;
import org.planwright.workload.StatementCounters;
import org.planwright.workload.StatementKey;
import org.planwright.workload.TableCounters;
import org.planwright.workload.WorkloadWindow;

/**
 * The workload analyzer's windows of each workspace: per window, the statements' and databases' counters of what
 * ran in it (deltas of two snapshots). Obtain from {@link WorkbenchStore#workloadWindows()}.
 *
 * <p>Thread-safe; calls block on the database, so call them off the JavaFX application thread. Every method
 * throws {@link StoreException} when the database fails.
 */
public final class WorkloadWindows {

    /** Default retention of windows, days (PoWA keeps a week to a month; Planwright's default). */
    public static final int DEFAULT_RETENTION_DAYS = 30;

    private final Jdbc jdbc;

    WorkloadWindows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Saves a window with all its rows in one transaction.
     *
     * @return the record as stored (times cut to microseconds)
     * @throws StoreException INVALID when the window's start is unknown or a blank label; NOT_FOUND when the
     *                        workspace does not exist
     */
    public StoredWorkloadWindow save(StoredWorkloadWindow given) {
        Check.required(given, "window");
        Check.text("server label of the workload window", given.serverLabel());
        WorkloadWindow w = given.window();
        if (w.start().equals(Instant.EPOCH)) {
            throw new StoreException(StoreException.Reason.INVALID,
                    "A workload window needs a known start: take two snapshots and store their difference.");
        }
        WorkloadWindow cut = new WorkloadWindow(w.start().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                w.end().truncatedTo(java.time.temporal.ChronoUnit.MICROS), w.statements(), w.databases(), w.tables(),
                w.indexes());
        StoredWorkloadWindow record = new StoredWorkloadWindow(given.id(), given.workspaceId(), given.connectionId(),
                given.serverLabel(), given.serverVersion(), cut);
        return jdbc.write("save the workload window", c -> {
            WorkspaceRows.requireWorkspace(c, record.workspaceId());
            Instant now = jdbc.now();
            Jdbc.update(c, "INSERT INTO workload_window (id, workspace_id, connection_id, server_label, window_start,"
                            + " window_end, server_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    record.id(), record.workspaceId(), record.connectionId(), record.serverLabel(), cut.start(),
                    cut.end(), record.serverVersion(), now, now);
            for (StatementCounters s : cut.statements()) {
                StatementKey k = s.key();
                Jdbc.update(c, "INSERT INTO workload_statement (window_id, user_id, db_id, query_id, top_level,"
                                + " query_text, database_name, calls, total_exec_ms, sum_squares_exec_ms, total_plan_ms,"
                                + " row_count, shared_blks_hit, shared_blks_read, shared_blks_dirtied, shared_blks_written,"
                                + " temp_blks_read, temp_blks_written, blk_read_ms, blk_write_ms, wal_bytes)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        record.id(), k.userId(), k.dbId(), k.queryId(), k.topLevel(), s.query(), s.database(),
                        s.calls(), s.totalExecMs(), s.sumSquaresExecMs(), s.totalPlanMs(), s.rows(), s.sharedBlksHit(),
                        s.sharedBlksRead(), s.sharedBlksDirtied(), s.sharedBlksWritten(), s.tempBlksRead(),
                        s.tempBlksWritten(), s.blkReadTimeMs(), s.blkWriteTimeMs(), s.walBytes());
            }
            for (DatabaseCounters d : cut.databases()) {
                Jdbc.update(c, "INSERT INTO workload_database (window_id, database_name, xact_commit, xact_rollback,"
                                + " blks_read, blks_hit, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted,"
                                + " temp_files, temp_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        record.id(), d.database(), d.xactCommit(), d.xactRollback(), d.blksRead(), d.blksHit(),
                        d.tupReturned(), d.tupFetched(), d.tupInserted(), d.tupUpdated(), d.tupDeleted(),
                        d.tempFiles(), d.tempBytes());
            }
            for (TableCounters t : cut.tables()) {
                Jdbc.update(c, "INSERT INTO workload_table (window_id, schema_name, table_name, seq_scan, seq_tup_read,"
                                + " idx_scan, idx_tup_fetch, n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd, n_live_tup,"
                                + " n_dead_tup) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        record.id(), t.schema(), t.table(), t.seqScan(), t.seqTupRead(), t.idxScan(), t.idxTupFetch(),
                        t.nTupIns(), t.nTupUpd(), t.nTupDel(), t.nTupHotUpd(), t.nLiveTup(), t.nDeadTup());
            }
            for (IndexCounters i : cut.indexes()) {
                Jdbc.update(c, "INSERT INTO workload_index (window_id, schema_name, table_name, index_name, idx_scan,"
                                + " idx_tup_read, idx_tup_fetch) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        record.id(), i.schema(), i.table(), i.index(), i.idxScan(), i.idxTupRead(), i.idxTupFetch());
            }
            return record;
        });
    }

    /**
     * @param workspaceId the workspace
     * @return the server labels that have windows, in name order
     */
    public List<String> serverLabels(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("list the servers with workload history", c -> Jdbc.list(c, rs -> rs.getString(1),
                "SELECT DISTINCT server_label FROM workload_window WHERE workspace_id = ? AND deleted_at IS NULL"
                        + " ORDER BY server_label", workspaceId));
    }

    /**
     * @param workspaceId the workspace
     * @param serverLabel the server
     * @param from        earliest window end to include (inclusive)
     * @param to          latest window end to include (inclusive)
     * @return the windows, oldest first, each with its statements and databases
     */
    public List<StoredWorkloadWindow> list(UUID workspaceId, String serverLabel, Instant from, Instant to) {
        Check.required(workspaceId, "workspaceId");
        Check.required(serverLabel, "serverLabel");
        return jdbc.read("read the workload history", c -> {
            List<WindowRow> windows = Jdbc.list(c, WorkloadWindows::windowRow,
                    "SELECT id, workspace_id, connection_id, server_label, window_start, window_end, server_version"
                            + " FROM workload_window WHERE workspace_id = ? AND server_label = ? AND deleted_at IS NULL"
                            + " AND window_end BETWEEN ? AND ? ORDER BY window_end, id", workspaceId, serverLabel,
                    from, to);
            List<StoredWorkloadWindow> out = new ArrayList<>(windows.size());
            for (WindowRow w : windows) {
                out.add(load(c, w));
            }
            return out;
        });
    }

    /**
     * Removes the windows whose end is before {@code cutoff}, with their rows (retention: a purge, not a tombstone;
     * old statistics have no value to replicate).
     *
     * @return how many windows were removed
     */
    public int prune(UUID workspaceId, Instant cutoff) {
        Check.required(workspaceId, "workspaceId");
        Check.required(cutoff, "cutoff");
        return jdbc.write("prune the workload history", c -> Jdbc.update(c,
                "DELETE FROM workload_window WHERE workspace_id = ? AND window_end < ?", workspaceId, cutoff));
    }

    private record WindowRow(UUID id, UUID workspaceId, UUID connectionId, String label, Instant start, Instant end,
                             int version) {
    }

    private static WindowRow windowRow(ResultSet rs) throws SQLException {
        return new WindowRow(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "workspace_id"), Jdbc.uuid(rs, "connection_id"),
                rs.getString("server_label"), Jdbc.instant(rs, "window_start"), Jdbc.instant(rs, "window_end"),
                rs.getInt("server_version"));
    }

    private static StoredWorkloadWindow load(Connection c, WindowRow w) throws SQLException {
        List<StatementCounters> statements = Jdbc.list(c, rs -> new StatementCounters(
                        new StatementKey(rs.getLong("user_id"), rs.getLong("db_id"), rs.getLong("query_id"),
                                rs.getBoolean("top_level")),
                        rs.getString("query_text"), rs.getString("database_name"), rs.getLong("calls"),
                        rs.getDouble("total_exec_ms"), rs.getDouble("sum_squares_exec_ms"), rs.getDouble("total_plan_ms"),
                        rs.getLong("row_count"), rs.getLong("shared_blks_hit"), rs.getLong("shared_blks_read"),
                        rs.getLong("shared_blks_dirtied"), rs.getLong("shared_blks_written"),
                        rs.getLong("temp_blks_read"), rs.getLong("temp_blks_written"), rs.getDouble("blk_read_ms"),
                        rs.getDouble("blk_write_ms"), rs.getLong("wal_bytes")),
                "SELECT * FROM workload_statement WHERE window_id = ? ORDER BY total_exec_ms DESC, query_id", w.id());
        List<DatabaseCounters> databases = Jdbc.list(c, rs -> new DatabaseCounters(rs.getString("database_name"),
                        rs.getLong("xact_commit"), rs.getLong("xact_rollback"), rs.getLong("blks_read"),
                        rs.getLong("blks_hit"), rs.getLong("tup_returned"), rs.getLong("tup_fetched"),
                        rs.getLong("tup_inserted"), rs.getLong("tup_updated"), rs.getLong("tup_deleted"),
                        rs.getLong("temp_files"), rs.getLong("temp_bytes")),
                "SELECT * FROM workload_database WHERE window_id = ? ORDER BY database_name", w.id());
        List<TableCounters> tables = Jdbc.list(c, rs -> new TableCounters(rs.getString("schema_name"),
                        rs.getString("table_name"), rs.getLong("seq_scan"), rs.getLong("seq_tup_read"),
                        rs.getLong("idx_scan"), rs.getLong("idx_tup_fetch"), rs.getLong("n_tup_ins"),
                        rs.getLong("n_tup_upd"), rs.getLong("n_tup_del"), rs.getLong("n_tup_hot_upd"),
                        rs.getLong("n_live_tup"), rs.getLong("n_dead_tup")),
                "SELECT * FROM workload_table WHERE window_id = ? ORDER BY schema_name, table_name", w.id());
        List<IndexCounters> indexes = Jdbc.list(c, rs -> new IndexCounters(rs.getString("schema_name"),
                        rs.getString("table_name"), rs.getString("index_name"), rs.getLong("idx_scan"),
                        rs.getLong("idx_tup_read"), rs.getLong("idx_tup_fetch")),
                "SELECT * FROM workload_index WHERE window_id = ? ORDER BY schema_name, index_name", w.id());
        return new StoredWorkloadWindow(w.id(), w.workspaceId(), w.connectionId(), w.label(), w.version(),
                new WorkloadWindow(w.start(), w.end(), statements, databases, tables, indexes));
    }
}
