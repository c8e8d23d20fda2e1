package org.planwright.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store's side of sync (docs/sync.md, ADR 0016): the outbox the triggers fill, sealed upload batches, and the
 * application of downloaded pages with the merge rules. The sync module drives it; it never sees the schema.
 *
 * <p>Streams are per workspace: each has its own batch sequence (1, 2, 3 ... per device and workspace), its own
 * download cursor. Global rows (preferences) travel in whichever workspace's stream seals them first.
 *
 * <p>Thread rules: thread-safe (each call is one transaction on a pooled connection); blocking: call off the
 * JavaFX application thread. Every method throws {@link StoreException} when the database fails.
 */
public final class SyncStore {

    private final Jdbc jdbc;
    private final SyncContext context;

    SyncStore(Jdbc jdbc, SyncContext context) {
        this.jdbc = jdbc;
        this.context = context;
    }

    /** @return this store's device id (the one pattern counters are written under, too) */
    public UUID deviceId() {
        return context.deviceId();
    }

    /**
     * Turns change capture on for this store (the first sync does it): from now on every write to a synced table is
     * queued, and the first time every row already there is queued once. Until then a store keeps no outbox.
     * Idempotent.
     */
    public void enable() {
        jdbc.write("turn sync on", c -> {
            SyncTables.enable(c, context);
            return null;
        });
    }

    /** @return true once capture is on ({@link #enable}) */
    public boolean enabled() {
        return context.enabled().get();
    }

    /** @return outbox entries of the workspace not yet acknowledged, the global ones (preferences) included */
    public long pendingChanges(UUID workspaceId) {
        return jdbc.read("count the changes waiting to sync", c -> Jdbc.one(c, rs -> rs.getLong(1),
                "SELECT COUNT(*) FROM sync_outbox WHERE workspace_id = ? OR (workspace_id IS NULL"
                        + " AND (sealed_workspace_id IS NULL OR sealed_workspace_id = ?))", workspaceId, workspaceId)
                .orElse(0L));
    }

    /**
     * The batch to upload next: the sealed one not yet acknowledged if there is one (unchanged), else a new one
     * sealed now from up to {@code maxChanges} pending entries in capture order, numbered last sealed + 1.
     *
     * @param maxChanges the most changes a new batch takes (≥ 1)
     * @return the batch, or empty when nothing is waiting
     */
    public Optional<SyncBatch> nextBatch(UUID workspaceId, int maxChanges) {
        if (maxChanges < 1) {
            throw new IllegalArgumentException("maxChanges must be at least 1: " + maxChanges);
        }
        return jdbc.write("seal a sync batch", c -> {
            ensureStream(c, workspaceId);
            Optional<Long> sealed = Jdbc.one(c, rs -> rs.getLong(1), "SELECT batch_seq FROM sync_outbox"
                    + " WHERE sealed_workspace_id = ? ORDER BY batch_seq LIMIT 1", workspaceId);
            long sequence;
            if (sealed.isPresent()) {
                sequence = sealed.get();
            } else {
                sequence = Jdbc.one(c, rs -> rs.getLong(1), "SELECT last_sealed_seq FROM sync_stream"
                        + " WHERE workspace_id = ?", workspaceId).orElseThrow() + 1;
                // the first maxChanges pending entries of the stream in capture order: the workspace's and the global
                // ones, each read as a range of sync_outbox_pending_idx (batch_seq NULL, workspace_id, seq) in index
                // order and stopped after maxChanges, then merged by seq. Ordering by the index's columns lets H2 skip
                // the sort, so a batch costs in proportion to its size, not to the whole outbox (JFR profile,
                // docs/sync.md)
                List<SyncChange> pending = mergeBySeq(
                        Jdbc.list(c, SyncStore::change, PENDING + " AND workspace_id = ?" + PENDING_ORDER, workspaceId,
                                maxChanges),
                        Jdbc.list(c, SyncStore::change, PENDING + " AND workspace_id IS NULL" + PENDING_ORDER,
                                maxChanges), maxChanges);
                if (pending.isEmpty()) {
                    return Optional.<SyncBatch>empty();
                }
                long upTo = pending.getLast().number();
                // the same two ranges, up to the last entry taken
                int taken = Jdbc.update(c, "UPDATE sync_outbox SET batch_seq = ?, sealed_workspace_id = ? WHERE"
                        + " batch_seq IS NULL AND workspace_id = ? AND seq <= ?", sequence, workspaceId, workspaceId, upTo)
                        + Jdbc.update(c, "UPDATE sync_outbox SET batch_seq = ?, sealed_workspace_id = ? WHERE"
                        + " batch_seq IS NULL AND workspace_id IS NULL AND seq <= ?", sequence, workspaceId, upTo);
                if (taken == 0) {
                    return Optional.<SyncBatch>empty();
                }
                Jdbc.update(c, "UPDATE sync_stream SET last_sealed_seq = ? WHERE workspace_id = ?", sequence,
                        workspaceId);
                if (taken == pending.size()) {
                    // nothing committed meanwhile below upTo: the batch is exactly the entries read
                    return Optional.of(new SyncBatch(workspaceId, context.deviceId(), sequence, pending));
                }
            }
            List<SyncChange> changes = Jdbc.list(c, SyncStore::change, "SELECT " + OUTBOX_COLUMNS + " FROM sync_outbox"
                    + " WHERE sealed_workspace_id = ? AND batch_seq = ? ORDER BY seq", workspaceId, sequence);
            return Optional.of(new SyncBatch(workspaceId, context.deviceId(), sequence, changes));
        });
    }

    /** The outbox columns a {@link SyncChange} is read from ({@link #change}). */
    private static final String OUTBOX_COLUMNS = "seq, table_name, row_key, hlc, device_id, base_hlc, base_device,"
            + " payload, payload_lob";
    /** Pending entries, to be narrowed to one workspace or the global ones. */
    private static final String PENDING = "SELECT " + OUTBOX_COLUMNS + " FROM sync_outbox WHERE batch_seq IS NULL";
    /** The order of sync_outbox_pending_idx (equal to seq order within one workspace), so H2 reads it unsorted. */
    private static final String PENDING_ORDER = " ORDER BY batch_seq, workspace_id, seq LIMIT ?";

    private static SyncChange change(java.sql.ResultSet rs) throws SQLException {
        String payload = rs.getString("payload");
        return new SyncChange(rs.getLong("seq"), rs.getString("table_name"), rs.getString("row_key"),
                rs.getLong("hlc"), Jdbc.uuid(rs, "device_id"), rs.getLong("base_hlc"), Jdbc.uuid(rs, "base_device"),
                payload != null ? payload : rs.getString("payload_lob"));
    }

    /** @return the first {@code limit} entries of two lists each ordered by seq, in seq order */
    private static List<SyncChange> mergeBySeq(List<SyncChange> a, List<SyncChange> b, int limit) {
        List<SyncChange> out = new java.util.ArrayList<>(Math.min(limit, a.size() + b.size()));
        int i = 0;
        int j = 0;
        while (out.size() < limit && (i < a.size() || j < b.size())) {
            if (j >= b.size() || (i < a.size() && a.get(i).number() < b.get(j).number())) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }

    /**
     * Records the server's acknowledgement: the batches up to {@code sequence} leave the outbox. Idempotent.
     */
    public void acknowledge(UUID workspaceId, long sequence) {
        jdbc.write("record a sync acknowledgement", c -> {
            ensureStream(c, workspaceId);
            Jdbc.update(c, "DELETE FROM sync_outbox WHERE sealed_workspace_id = ? AND batch_seq <= ?", workspaceId,
                    sequence);
            Jdbc.update(c, "UPDATE sync_stream SET last_acked_seq = GREATEST(last_acked_seq, ?) WHERE workspace_id = ?",
                    sequence, workspaceId);
            return null;
        });
    }

    /**
     * Renumbers the sealed batch {@code from} as {@code to} (content unchanged), when the server has already applied
     * batches up to {@code to - 1} from this device: this store lost its latest commits (a killed process) and with
     * them its record of those batches. The server stores each row version once, so resending is safe.
     */
    public void resequence(UUID workspaceId, long from, long to) {
        jdbc.write("renumber a sync batch", c -> {
            ensureStream(c, workspaceId);
            Jdbc.update(c, "UPDATE sync_outbox SET batch_seq = ? WHERE sealed_workspace_id = ? AND batch_seq = ?", to,
                    workspaceId, from);
            Jdbc.update(c, "UPDATE sync_stream SET last_sealed_seq = ?, last_acked_seq = ? WHERE workspace_id = ?", to,
                    to - 1, workspaceId);
            return null;
        });
    }

    /** @return where the workspace's sync stands (a fresh state before its first round) */
    public SyncStreamState stream(UUID workspaceId) {
        long pending = pendingChanges(workspaceId);
        return jdbc.read("read the sync state", c -> Jdbc.one(c, rs -> new SyncStreamState(workspaceId,
                        rs.getLong("last_sealed_seq"), rs.getLong("last_acked_seq"), rs.getLong("download_cursor"),
                        Jdbc.uuid(rs, "remote_workspace_id"), pending, Jdbc.instant(rs, "last_sync_at"),
                        rs.getString("last_error")),
                "SELECT * FROM sync_stream WHERE workspace_id = ?", workspaceId)
                .orElse(new SyncStreamState(workspaceId, 0, 0, 0, null, pending, null, null)));
    }

    /**
     * Binds the workspace to the server's workspace id, turning capture on ({@link #enable}) if it was off. When it was bound to another one (another team server, or
     * the workspace re-created there) the download cursor restarts at 0 (a full pull; merges are idempotent).
     *
     * @return true when the cursor was reset
     */
    public boolean bindRemote(UUID workspaceId, UUID remoteWorkspaceId) {
        return jdbc.write("bind the workspace to the team server", c -> {
            SyncTables.enable(c, context);
            ensureStream(c, workspaceId);
            int changed = Jdbc.update(c, "UPDATE sync_stream SET remote_workspace_id = ?, download_cursor = 0"
                    + " WHERE workspace_id = ? AND (remote_workspace_id IS NULL OR remote_workspace_id <> ?)",
                    remoteWorkspaceId, workspaceId, remoteWorkspaceId);
            return changed > 0;
        });
    }

    /** Sets the download cursor back to 0: the next download is a full pull (after the server pruned the cursor). */
    public void restartDownload(UUID workspaceId) {
        jdbc.write("restart the download", c -> {
            ensureStream(c, workspaceId);
            Jdbc.update(c, "UPDATE sync_stream SET download_cursor = 0 WHERE workspace_id = ?", workspaceId);
            return null;
        });
    }

    /**
     * Applies one downloaded page and moves the download cursor to {@code cursorAfter}, in one transaction: after a
     * crash either both happened or neither.
     *
     * @param page        changes in the server's order
     * @param cursorAfter the server's change number of the page's last change
     * @return what the merge did
     */
    public SyncApplyResult applyPage(UUID workspaceId, List<SyncChange> page, long cursorAfter) {
        Instant now = jdbc.now();
        return jdbc.write("apply downloaded changes", c -> {
            SyncApplyResult result;
            try {
                // fast path: the whole page without a savepoint per row
                result = new SyncApplier(c, workspaceId, context.clock(), now, false).apply(page);
            } catch (SQLException | RuntimeException e) {
                // some row failed: start the page again, each row behind its own savepoint, the bad ones set aside
                c.rollback();
                result = new SyncApplier(c, workspaceId, context.clock(), now, true).apply(page);
            }
            ensureStream(c, workspaceId);
            Jdbc.update(c, "UPDATE sync_stream SET download_cursor = ? WHERE workspace_id = ?", cursorAfter,
                    workspaceId);
            return result;
        });
    }

    /**
     * Records how a round ended, for the status bar.
     *
     * @param error one line naming the cause and the remedy, or null when it succeeded
     */
    public void recordRound(UUID workspaceId, String error) {
        Instant now = jdbc.now();
        jdbc.write("record the sync round", c -> {
            ensureStream(c, workspaceId);
            if (error == null) {
                Jdbc.update(c, "UPDATE sync_stream SET last_sync_at = ?, last_error = NULL WHERE workspace_id = ?", now,
                        workspaceId);
            } else {
                Jdbc.update(c, "UPDATE sync_stream SET last_error = ? WHERE workspace_id = ?", error, workspaceId);
            }
            return null;
        });
    }

    /** @return how many losers of concurrent edits the workspace's history holds */
    public long conflictHistoryCount(UUID workspaceId) {
        return count("SELECT COUNT(*) FROM sync_history WHERE workspace_id = ? OR workspace_id IS NULL", workspaceId);
    }

    /** @return how many downloaded changes this store could not apply, for the workspace */
    public long rejectedCount(UUID workspaceId) {
        return count("SELECT COUNT(*) FROM sync_rejected WHERE workspace_id = ?", workspaceId);
    }

    private long count(String sql, UUID workspaceId) {
        return jdbc.read("count sync records", c -> Jdbc.one(c, rs -> rs.getLong(1), sql, workspaceId).orElse(0L));
    }

    private static void ensureStream(Connection c, UUID workspaceId) throws SQLException {
        Jdbc.update(c, "INSERT INTO sync_stream (workspace_id, last_sealed_seq, last_acked_seq, download_cursor)"
                + " SELECT ?, 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM sync_stream WHERE workspace_id = ?)",
                workspaceId, workspaceId);
    }
}
