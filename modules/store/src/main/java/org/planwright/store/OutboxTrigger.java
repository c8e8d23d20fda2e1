package org.planwright.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.h2.api.Trigger;

/**
 * The H2 row trigger behind the sync outbox (public only because H2 instantiates it by name; not an API). After
 * every INSERT or UPDATE of a {@linkplain SyncTables synced table} it writes, on the same connection and so in the
 * same transaction, the row's new version to {@code sync_row_version} (hybrid logical clock, device, and the
 * version it replaced) and an entry with the row as JSON to {@code sync_outbox}. While {@link #applying} is set on
 * the current thread (the sync applier writing downloaded changes) it does nothing, so incoming changes are never
 * queued back.
 *
 * <p>Thread rules: H2 calls {@link #fire} on the thread of the statement; one instance per table.
 */
public final class OutboxTrigger implements Trigger {

    /** Longest payload kept in the outbox's VARCHAR column (characters); longer ones go to the CLOB column. */
    static final int INLINE_PAYLOAD = 1_000_000;

    private static final ThreadLocal<Boolean> APPLYING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private SyncTable table;
    private TableShape shape;
    private String databasePath;
    private int workspaceIndex = -1;
    private int parentIndex = -1;

    /** H2 makes triggers with this constructor. */
    public OutboxTrigger() {
    }

    /** Marks the current thread as applying downloaded changes (true) or back to normal (false). */
    static void applying(boolean on) {
        if (on) {
            APPLYING.set(Boolean.TRUE);
        } else {
            APPLYING.remove();
        }
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        table = SyncTables.byName(tableName).orElseThrow(() -> new SQLException(tableName + " is not a synced table"));
        shape = TableShape.of(conn, tableName);
        databasePath = SyncContext.databasePath(conn);
        if (table.workspaceColumn() != null) {
            workspaceIndex = shape.indexOf(table.workspaceColumn());
        }
        if (table.parentColumn() != null) {
            parentIndex = shape.indexOf(table.parentColumn());
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (APPLYING.get() || newRow == null) {
            return;
        }
        SyncContext context = SyncContext.of(databasePath, conn);
        if (!context.enabled().get()) {
            return; // this store has never synced: nothing to queue (enabling queues every row once)
        }
        UUID workspace = workspaceOf(conn, newRow);
        String key = RowCodec.key(table, shape, newRow);
        String wsKey = table.isGlobal() ? "" : String.valueOf(workspace);
        Optional<Object[]> base = Jdbc.one(conn, rs -> new Object[] {rs.getLong(1), Jdbc.uuid(rs, "device_id")},
                "SELECT hlc, device_id FROM sync_row_version WHERE table_name = ? AND ws_key = ? AND row_key = ?",
                table.name(), wsKey, key);
        long baseHlc = base.map(b -> (Long) b[0]).orElse(0L);
        UUID baseDevice = base.map(b -> (UUID) b[1]).orElse(null);
        long hlc = context.clock().tick();
        Jdbc.update(conn, "MERGE INTO sync_row_version (table_name, ws_key, row_key, workspace_id, hlc, device_id,"
                        + " base_hlc, base_device) KEY (table_name, ws_key, row_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                table.name(), wsKey, key, workspace, hlc, context.deviceId(), baseHlc, baseDevice);
        String payload = RowCodec.encode(table, shape, newRow);
        boolean small = payload.length() <= INLINE_PAYLOAD;
        Jdbc.update(conn, "INSERT INTO sync_outbox (workspace_id, table_name, row_key, hlc, device_id, base_hlc,"
                        + " base_device, payload, payload_lob) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                workspace, table.name(), key, hlc, context.deviceId(), baseHlc, baseDevice, small ? payload : null,
                small ? null : payload);
    }

    private UUID workspaceOf(Connection conn, Object[] row) throws SQLException {
        if (workspaceIndex >= 0) {
            return (UUID) row[workspaceIndex];
        }
        if (parentIndex >= 0) {
            return Jdbc.one(conn, rs -> Jdbc.uuid(rs, "workspace_id"),
                    "SELECT workspace_id FROM " + table.parentTable() + " WHERE id = ?", row[parentIndex]).orElse(null);
        }
        return null;
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public void remove() {
        // nothing held
    }
}
