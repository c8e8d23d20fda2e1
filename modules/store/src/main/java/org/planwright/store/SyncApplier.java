package org.planwright.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies downloaded changes to the store inside the caller's transaction, with the merge rules of docs/sync.md:
 * <ul>
 *   <li>last writer wins by (hybrid logical clock, device id); a version whose base is the one held here is its
 *       successor, anything else from another device is a concurrent edit whose loser goes to {@code sync_history};</li>
 *   <li>counters ({@link SyncTable.Merge#COUNTER_MAX}): each counter column takes the max;</li>
 *   <li>a change this store cannot apply (a constraint refuses it, an unknown table) is rolled back to its own
 *       savepoint and kept in {@code sync_rejected}: it never blocks the rest of the page.</li>
 * </ul>
 * The outbox trigger is switched off for the thread meanwhile, so nothing applied is queued back. One per page;
 * not thread-safe.
 */
final class SyncApplier {

    /** A version: (hlc, device), with the version it replaced. */
    private record Version(long hlc, UUID device, long baseHlc, UUID baseDevice) {
    }

    private final Connection c;
    private final UUID workspaceId;
    private final HybridClock clock;
    private final Instant now;
    private final Map<String, TableShape> shapes = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private int applied;
    private int unchanged;
    private int conflicts;
    private int rejected;

    private final boolean isolateRows;

    /**
     * @param isolateRows true: each change behind its own savepoint, a failing one set aside; false: the first
     *                    failure is thrown (the caller rolls back and retries isolated)
     */
    SyncApplier(Connection c, UUID workspaceId, HybridClock clock, Instant now, boolean isolateRows) {
        this.isolateRows = isolateRows;
        this.c = c;
        this.workspaceId = workspaceId;
        this.clock = clock;
        this.now = now;
    }

    SyncApplyResult apply(List<SyncChange> page) throws SQLException {
        OutboxTrigger.applying(true);
        try {
            for (SyncChange change : page) {
                clock.observe(change.hlc());
                if (!isolateRows) {
                    applyOne(change);
                    continue;
                }
                Savepoint sp = c.setSavepoint();
                try {
                    applyOne(change);
                    c.releaseSavepoint(sp);
                } catch (SQLException | RuntimeException e) {
                    c.rollback(sp);
                    reject(change, reason(e));
                }
            }
        } finally {
            OutboxTrigger.applying(false);
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }
        return new SyncApplyResult(applied, unchanged, conflicts, rejected);
    }

    private void applyOne(SyncChange change) throws SQLException {
        SyncTable table = SyncTables.byName(change.table()).orElseThrow(() -> new SQLException("unknown table "
                + change.table() + " (written by a newer Planwright? update this one)"));
        TableShape shape = shape(table.name());
        Map<String, Object> values = RowCodec.decode(change.payload());
        String wsKey = table.isGlobal() ? "" : workspaceId.toString();
        Version local = version(table, wsKey, change.rowKey());
        Version incoming = new Version(change.hlc(), change.deviceId(), change.baseHlc(), change.baseDevice());
        if (table.merge() == SyncTable.Merge.COUNTER_MAX) {
            applyCounter(table, shape, values, wsKey, change, local, incoming);
            return;
        }
        if (local != null && local.hlc == incoming.hlc && local.device.equals(incoming.device)) {
            unchanged++;
            return;
        }
        boolean incomingWins = local == null || newer(incoming, local);
        boolean concurrent = local != null && !local.device.equals(incoming.device)
                && !(incoming.baseHlc == local.hlc && local.device.equals(incoming.baseDevice))
                && !(local.baseHlc == incoming.hlc && incoming.device.equals(local.baseDevice));
        if (incomingWins) {
            if (concurrent) {
                Object[] row = readRow(table, shape, values);
                if (row != null) {
                    keepLoser(table, change.rowKey(), local.hlc, local.device, RowCodec.encode(table, shape, row),
                            incoming);
                }
                conflicts++;
            }
            // no version here: the row is new to this store, a plain INSERT (MERGE would look the key up first); the
            // rare row that exists without a version fails the fast path, and the isolated retry MERGEs it
            boolean absent = local == null && !isolateRows;
            writeRow(table, shape, values, absent);
            setVersion(table, wsKey, change.rowKey(), incoming, absent);
            applied++;
        } else if (concurrent) {
            keepLoser(table, change.rowKey(), incoming.hlc, incoming.device, change.payload(), local);
            conflicts++;
        } else {
            unchanged++;
        }
    }

    private void applyCounter(SyncTable table, TableShape shape, Map<String, Object> values, String wsKey,
                              SyncChange change, Version local, Version incoming) throws SQLException {
        Object[] row = readRow(table, shape, values);
        boolean raised = row == null;
        if (row != null) {
            for (String column : RowCodec.counterColumns(table)) {
                long held = ((Number) row[shape.indexOf(column)]).longValue();
                long got = ((Number) values.get(column)).longValue();
                if (got > held) {
                    raised = true;
                } else {
                    values.put(column, held);
                }
            }
        }
        if (!raised) {
            unchanged++;
            return;
        }
        writeRow(table, shape, values, false);
        setVersion(table, wsKey, change.rowKey(), local == null || newer(incoming, local) ? incoming : local,
                local == null && !isolateRows);
        applied++;
    }

    private static boolean newer(Version a, Version b) {
        return a.hlc != b.hlc ? a.hlc > b.hlc : a.device.compareTo(b.device) > 0;
    }

    /** Versions written in this page (a page may touch a row twice). */
    private final Map<String, Version> versions = new HashMap<>();
    private final java.util.Set<String> fetched = new java.util.HashSet<>();

    private static String versionKey(String table, String wsKey, String rowKey) {
        return table + '\u001e' + wsKey + '\u001e' + rowKey;
    }

    private Version version(SyncTable table, String wsKey, String rowKey) throws SQLException {
        String k = versionKey(table.name(), wsKey, rowKey);
        if (fetched.contains(k)) {
            return versions.get(k);
        }
        PreparedStatement ps = statement("SELECT hlc, device_id, base_hlc, base_device FROM sync_row_version"
                + " WHERE table_name = ? AND ws_key = ? AND row_key = ?");
        ps.setString(1, table.name());
        ps.setString(2, wsKey);
        ps.setString(3, rowKey);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Version(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3),
                    rs.getObject(4, UUID.class)) : null;
        }
    }

    /**
     * @param absent true when this page's lookup found no version of the row: a plain INSERT (a MERGE looks the key
     *               up once more); only on the fast path, whose failure the isolated retry repeats with MERGE
     */
    private void setVersion(SyncTable table, String wsKey, String rowKey, Version v, boolean absent)
            throws SQLException {
        PreparedStatement ps = statement(absent
                ? "INSERT INTO sync_row_version (table_name, ws_key, row_key, workspace_id, hlc, device_id, base_hlc,"
                        + " base_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                : "MERGE INTO sync_row_version (table_name, ws_key, row_key, workspace_id, hlc, device_id, base_hlc,"
                        + " base_device) KEY (table_name, ws_key, row_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setString(1, table.name());
        ps.setString(2, wsKey);
        ps.setString(3, rowKey);
        ps.setObject(4, table.isGlobal() ? null : workspaceId);
        ps.setLong(5, v.hlc);
        ps.setObject(6, v.device);
        ps.setLong(7, v.baseHlc);
        ps.setObject(8, v.baseDevice);
        ps.executeUpdate();
        String k = versionKey(table.name(), wsKey, rowKey);
        versions.put(k, v);
        fetched.add(k);
    }

    /**
     * MERGE (or, for a row known to be new, INSERT) of the columns this table has (a newer Planwright's extra columns
     * are ignored), workspace set here. The statement is built once per table and column set.
     */
    private void writeRow(SyncTable table, TableShape shape, Map<String, Object> values, boolean insert)
            throws SQLException {
        List<String> columns = new ArrayList<>(shape.columns().size());
        List<Object> params = new ArrayList<>(shape.columns().size());
        for (int i = 0; i < shape.columns().size(); i++) {
            String column = shape.columns().get(i);
            if (column.equals(table.workspaceColumn())) {
                columns.add(column);
                params.add(workspaceId);
            } else if (values.containsKey(column)) {
                columns.add(column);
                params.add(RowCodec.toColumn(values.get(column), shape.types().get(i)));
            }
        }
        Map<List<String>, String> byColumns = writeSql.computeIfAbsent(table.name() + (insert ? "+" : "="),
                t -> new HashMap<>());
        String sql = byColumns.get(columns);
        if (sql == null) {
            List<String> key = new ArrayList<>(table.keyColumns());
            if (table.merge() == SyncTable.Merge.COUNTER_MAX) {
                key.add(table.workspaceColumn());
            }
            sql = (insert ? "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ")"
                    : "MERGE INTO " + table.name() + " (" + String.join(", ", columns) + ") KEY ("
                            + String.join(", ", key) + ")")
                    + " VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
            byColumns.put(List.copyOf(columns), sql);
        }
        PreparedStatement ps = statement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        ps.executeUpdate();
    }

    /** The row-writing SQL per table (+ insert, = merge) and column set, built once per page. */
    private final Map<String, Map<List<String>, String>> writeSql = new HashMap<>();

    /** @return the row held here with the key of these values, in column order, or null */
    private Object[] readRow(SyncTable table, TableShape shape, Map<String, Object> values) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (String column : table.keyColumns()) {
            where.append(where.isEmpty() ? "" : " AND ").append(column).append(" = ?");
            params.add(RowCodec.toColumn(values.get(column), shape.typeOf(column)));
        }
        if (table.merge() == SyncTable.Merge.COUNTER_MAX) {
            where.append(" AND ").append(table.workspaceColumn()).append(" = ?");
            params.add(workspaceId);
        }
        PreparedStatement ps = statement("SELECT * FROM " + table.name() + " WHERE " + where);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            Object[] row = new Object[shape.columns().size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return materialize(row); // LOBs are read before the result set closes
        }
    }

    private static Object[] materialize(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (row[i] instanceof java.sql.Clob clob) {
                row[i] = clob.getSubString(1, (int) clob.length());
            } else if (row[i] instanceof java.sql.Blob blob) {
                row[i] = blob.getBytes(1, (int) blob.length());
            }
        }
        return row;
    }

    private void keepLoser(SyncTable table, String rowKey, long hlc, UUID device, String payload, Version winner)
            throws SQLException {
        PreparedStatement ps = statement("INSERT INTO sync_history (workspace_id, table_name, row_key, hlc, device_id,"
                + " payload, winner_hlc, winner_device, recorded_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM sync_history WHERE table_name = ? AND row_key = ? AND hlc = ? AND device_id = ?)");
        ps.setObject(1, table.isGlobal() ? null : workspaceId);
        ps.setString(2, table.name());
        ps.setString(3, rowKey);
        ps.setLong(4, hlc);
        ps.setObject(5, device);
        ps.setString(6, payload);
        ps.setLong(7, winner.hlc);
        ps.setObject(8, winner.device);
        ps.setObject(9, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        ps.setString(10, table.name());
        ps.setString(11, rowKey);
        ps.setLong(12, hlc);
        ps.setObject(13, device);
        ps.executeUpdate();
    }

    private void reject(SyncChange change, String reason) throws SQLException {
        Jdbc.update(c, "INSERT INTO sync_rejected (workspace_id, table_name, row_key, hlc, device_id, payload, reason,"
                        + " recorded_at) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sync_rejected"
                        + " WHERE table_name = ? AND row_key = ? AND hlc = ? AND device_id = ?)",
                workspaceId, change.table(), change.rowKey(), change.hlc(), change.deviceId(), change.payload(),
                reason, now, change.table(), change.rowKey(), change.hlc(), change.deviceId());
        rejected++;
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.lines().findFirst().orElse(m);
        return m.length() > 3900 ? m.substring(0, 3900) : m;
    }

    private TableShape shape(String table) throws SQLException {
        TableShape s = shapes.get(table);
        if (s == null) {
            s = TableShape.of(c, table);
            shapes.put(table, s);
        }
        return s;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }
}
