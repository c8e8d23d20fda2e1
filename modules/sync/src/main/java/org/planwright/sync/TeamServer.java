package org.planwright.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.planwright.store.SyncBatch;
import org.planwright.store.SyncChange;

/**
 * The client's side of the team protocol, on one connection as the syncing role. Row-level security on the server
 * decides what the role sees and may write, whatever this code sends. Not thread-safe (one connection).
 */
final class TeamServer implements AutoCloseable {

    /** Rows per multi-row INSERT: 9 parameters each, well under PostgreSQL's 65,535 bind parameters. */
    static final int ROWS_PER_INSERT = 1000;

    /** The server's view of a workspace. */
    record RemoteWorkspace(UUID id, String name, long lastChangeNo, long prunedThrough) {
    }

    /**
     * The answer to an upload.
     *
     * @param inserted     row versions the server stored (0 for a duplicate; versions it had are skipped)
     * @param acknowledged the sequence acknowledged, or 0
     * @param expected     for a gap: the sequence the server expects, else 0
     * @param renumberAs   for a batch the server does not know under its number: the number to send it as, else 0
     */
    record UploadAnswer(long inserted, long acknowledged, long expected, long renumberAs) {

        boolean gap() {
            return expected > 0;
        }
    }

    /** A downloaded page. */
    record Page(List<SyncChange> changes, long lastChangeNo) {
    }

    private final Connection c;

    TeamServer(Connection c) throws SQLException {
        this.c = Objects.requireNonNull(c, "c");
        c.setAutoCommit(false);
    }

    /** Refuses a server that needs a newer client, and a role with no grant at all (no access to the schema). */
    void checkProtocol(String workspace, String role) throws SyncException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM team.meta WHERE name = 'min_client_protocol'");
             ResultSet rs = ps.executeQuery()) {
            int min = rs.next() ? Integer.parseInt(rs.getString(1).trim()) : 1;
            c.commit();
            if (min > TeamSchema.PROTOCOL) {
                throw new SyncException(SyncException.Reason.INCOMPATIBLE, "The team server needs sync protocol " + min
                        + " or later; this Planwright speaks " + TeamSchema.PROTOCOL + ". Update Planwright, then sync"
                        + " again (nothing is lost meanwhile: changes wait in the outbox).");
            }
        } catch (SQLException e) {
            rollbackQuietly();
            if ("42501".equals(e.getSQLState())) {
                throw notAllowed(workspace, role);
            }
            throw Sql.translate("reading the protocol version", e);
        }
    }

    /** @return the workspace, or NOT_ALLOWED when it does not exist or the role has no grant on it */
    RemoteWorkspace workspace(String name, String role) throws SyncException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, last_change_no, pruned_through"
                + " FROM team.workspace WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                RemoteWorkspace w = rs.next() ? new RemoteWorkspace(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getLong(3), rs.getLong(4)) : null;
                c.commit();
                if (w == null) {
                    throw notAllowed(name, role);
                }
                return w;
            }
        } catch (SQLException e) {
            rollbackQuietly();
            throw Sql.translate("looking up the workspace", e);
        }
    }

    /**
     * Applies one batch in one transaction: a duplicate (sequence at or below the device's last) is acknowledged
     * again without applying; a gap is answered with the sequence expected; otherwise the changes are numbered
     * after the workspace's last and the device's sequence moves on.
     */
    UploadAnswer upload(UUID remoteWorkspace, SyncBatch batch) throws SyncException {
        try {
            UUID device = batch.deviceId();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO team.device_stream (workspace_id, device_id,"
                    + " last_seq) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")) {
                ps.setObject(1, remoteWorkspace);
                ps.setObject(2, device);
                ps.executeUpdate();
            }
            long last;
            String lastChecksum;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_checksum FROM team.device_stream"
                    + " WHERE workspace_id = ? AND device_id = ? FOR UPDATE")) {
                ps.setObject(1, remoteWorkspace);
                ps.setObject(2, device);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("the device stream is not visible to this role", "42501");
                    }
                    last = rs.getLong(1);
                    lastChecksum = rs.getString(2);
                }
            }
            String checksum = batch.checksum();
            if (batch.sequence() == last && checksum.equals(lastChecksum)) {
                c.commit();
                return new UploadAnswer(0, batch.sequence(), 0, 0);
            }
            if (batch.sequence() <= last) {
                c.rollback();
                return new UploadAnswer(0, 0, 0, last + 1);
            }
            if (batch.sequence() > last + 1) {
                c.rollback();
                return new UploadAnswer(0, 0, last + 1, 0);
            }
            long next;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_change_no FROM team.workspace WHERE id = ?"
                    + " FOR UPDATE")) {
                ps.setObject(1, remoteWorkspace);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("the workspace is not visible to this role", "42501");
                    }
                    next = rs.getLong(1);
                }
            }
            List<SyncChange> changes = batch.changes();
            long inserted = 0;
            for (int from = 0; from < changes.size(); from += ROWS_PER_INSERT) {
                int to = Math.min(changes.size(), from + ROWS_PER_INSERT);
                inserted += insert(remoteWorkspace, batch.sequence(), changes.subList(from, to), next + from);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE team.workspace SET last_change_no = ? WHERE id = ?")) {
                ps.setLong(1, next + changes.size());
                ps.setObject(2, remoteWorkspace);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE team.device_stream SET last_seq = ?, last_checksum = ?,"
                    + " updated_at = now() WHERE workspace_id = ? AND device_id = ?")) {
                ps.setLong(1, batch.sequence());
                ps.setString(2, checksum);
                ps.setObject(3, remoteWorkspace);
                ps.setObject(4, device);
                ps.executeUpdate();
            }
            c.commit();
            return new UploadAnswer(inserted, batch.sequence(), 0, 0);
        } catch (SQLException e) {
            rollbackQuietly();
            throw Sql.translate("uploading batch " + batch.sequence(), e);
        }
    }

    private int insert(UUID workspace, long batchSeq, List<SyncChange> rows, long numberBefore) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO team.change (workspace_id, change_no, table_name, row_key,"
                + " hlc, device_id, base_hlc, base_device, payload, batch_seq) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append(" ON CONFLICT (workspace_id, table_name, row_key, hlc, device_id) DO NOTHING");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            long no = numberBefore;
            for (SyncChange ch : rows) {
                ps.setObject(p++, workspace);
                ps.setLong(p++, ++no);
                ps.setString(p++, ch.table());
                ps.setString(p++, ch.rowKey());
                ps.setLong(p++, ch.hlc());
                ps.setObject(p++, ch.deviceId());
                ps.setLong(p++, ch.baseHlc());
                ps.setObject(p++, ch.baseDevice());
                ps.setString(p++, ch.payload());
                ps.setLong(p++, batchSeq);
            }
            return ps.executeUpdate();
        }
    }

    /** @return up to {@code limit} changes numbered after {@code cursor}, in order */
    Page download(UUID remoteWorkspace, long cursor, int limit) throws SyncException {
        try (PreparedStatement ps = c.prepareStatement("SELECT change_no, table_name, row_key, hlc, device_id, base_hlc,"
                + " base_device, payload FROM team.change WHERE workspace_id = ? AND change_no > ?"
                + " ORDER BY change_no LIMIT ?")) {
            ps.setObject(1, remoteWorkspace);
            ps.setLong(2, cursor);
            ps.setInt(3, limit);
            ps.setFetchSize(limit);
            List<SyncChange> out = new ArrayList<>();
            long lastNo = cursor;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lastNo = rs.getLong(1);
                    out.add(new SyncChange(lastNo, rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getObject(5, UUID.class), rs.getLong(6), rs.getObject(7, UUID.class), rs.getString(8)));
                }
            }
            c.commit();
            return new Page(out, lastNo);
        } catch (SQLException e) {
            rollbackQuietly();
            throw Sql.translate("downloading changes", e);
        }
    }

    static SyncException notAllowed(String workspace, String role) {
        return new SyncException(SyncException.Reason.NOT_ALLOWED, "The role \"" + role + "\" may not sync the"
                + " workspace \"" + workspace + "\" (it is not granted, or not on the team server); the team admin runs"
                + " `planwright team grant --workspace \"" + workspace + "\" --role " + role + "`.");
    }

    private void rollbackQuietly() {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the server rolled back
        }
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already gone
        }
    }
}
