package org.planwright.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The server configuration history of each workspace: an append-only log of change events (applied, kept,
 * reverted, cancelled, prepared, with the measured result) and stored settings snapshots. Obtain from
 * {@link WorkbenchStore#configHistory()}. There is no update and no delete: what happened to a server stays
 * recorded (rows go only with their workspace).
 *
 * <p>Thread-safe; calls block on the database (call them off the JavaFX application thread). Every method throws
 * {@link StoreException} when the database fails.
 */
public final class ConfigHistory {

    /** Most rows one read returns. */
    public static final int MAX_RECENT = 10_000;

    private static final String CHANGE_COLUMNS = "id, workspace_id, connection_id, server, parameter, old_value, "
            + "new_value, setting_context, change_action, changed_by, changed_at, measured_result, run_id";
    private static final String SNAPSHOT_COLUMNS = "id, workspace_id, connection_id, server, label, taken_at, "
            + "server_version";

    private final Jdbc jdbc;

    ConfigHistory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends a change event.
     *
     * @return the event as stored ({@code changedAt} cut to microseconds)
     * @throws StoreException INVALID for a blank server or parameter or an unknown action, NOT_FOUND when the
     *                        workspace does not exist, CONFLICT when the id was recorded before
     */
    public ConfigChangeRecord append(ConfigChangeRecord given) {
        Check.required(given, "change");
        Check.name("server of the change", given.server(), 500);
        Check.name("parameter of the change", given.parameter(), Check.NAME_MAX);
        if (given.action() == null || !ConfigChangeRecord.ACTIONS.contains(given.action())) {
            throw new StoreException(StoreException.Reason.INVALID, "unknown change action '" + given.action()
                    + "': one of " + ConfigChangeRecord.ACTIONS, null);
        }
        ConfigChangeRecord e = new ConfigChangeRecord(given.id(), given.workspaceId(), given.connectionId(),
                given.server(), given.parameter(), limit(given.oldValue()), limit(given.newValue()),
                given.settingContext(), given.action(), given.changedBy(),
                given.changedAt().truncatedTo(ChronoUnit.MICROS), limit(given.measuredResult()), given.runId());
        return jdbc.write("record the configuration change", c -> {
            Instant now = jdbc.now();
            Jdbc.update(c, "INSERT INTO config_change (" + CHANGE_COLUMNS + ", created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.workspaceId(),
                    e.connectionId(), e.server(), e.parameter(), e.oldValue(), e.newValue(), e.settingContext(),
                    e.action(), e.changedBy(), e.changedAt(), e.measuredResult(), e.runId(), now, now);
            return e;
        });
    }

    /**
     * @param workspaceId the workspace
     * @param limit       1 to {@value #MAX_RECENT}
     * @return the workspace's change events, oldest first (a timeline)
     */
    public List<ConfigChangeRecord> changes(UUID workspaceId, int limit) {
        Check.required(workspaceId, "workspaceId");
        checkLimit(limit);
        return jdbc.read("read the configuration history", c -> Jdbc.list(c, ConfigHistory::mapChange,
                "SELECT * FROM (SELECT " + CHANGE_COLUMNS + ", created_at FROM config_change WHERE workspace_id = ?"
                        + " ORDER BY changed_at DESC, created_at DESC FETCH FIRST ? ROWS ONLY) t"
                        + " ORDER BY changed_at, created_at", workspaceId, limit));
    }

    /**
     * Stores a settings snapshot.
     *
     * @return the snapshot as stored
     * @throws StoreException INVALID for a blank server, label or settings text, NOT_FOUND for an unknown workspace
     */
    public ConfigSnapshotRecord saveSnapshot(ConfigSnapshotRecord given) {
        Check.required(given, "snapshot");
        Check.name("server of the snapshot", given.server(), 500);
        Check.name("label of the snapshot", given.label(), Check.NAME_MAX);
        Check.text("settings of the snapshot", given.settingsText());
        ConfigSnapshotRecord s = new ConfigSnapshotRecord(given.id(), given.workspaceId(), given.connectionId(),
                given.server(), given.label(), given.takenAt().truncatedTo(ChronoUnit.MICROS), given.serverVersion(),
                given.settingsText());
        return jdbc.write("store the settings snapshot", c -> {
            Instant now = jdbc.now();
            Jdbc.update(c, "INSERT INTO config_snapshot (" + SNAPSHOT_COLUMNS + ", settings_text, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.workspaceId(), s.connectionId(),
                    s.server(), s.label(), s.takenAt(), s.serverVersion(), s.settingsText(), now, now);
            return s;
        });
    }

    /**
     * @return the workspace's snapshots, newest first, with their settings text
     */
    public List<ConfigSnapshotRecord> snapshots(UUID workspaceId, int limit) {
        Check.required(workspaceId, "workspaceId");
        checkLimit(limit);
        return jdbc.read("read the settings snapshots", c -> Jdbc.list(c, ConfigHistory::mapSnapshot,
                "SELECT " + SNAPSHOT_COLUMNS + ", settings_text FROM config_snapshot WHERE workspace_id = ?"
                        + " ORDER BY taken_at DESC, created_at DESC FETCH FIRST ? ROWS ONLY", workspaceId, limit));
    }

    /** @return one snapshot of the workspace */
    public Optional<ConfigSnapshotRecord> snapshot(UUID workspaceId, UUID id) {
        Check.required(workspaceId, "workspaceId");
        Check.required(id, "id");
        return jdbc.read("read the settings snapshot", c -> Jdbc.one(c, ConfigHistory::mapSnapshot,
                "SELECT " + SNAPSHOT_COLUMNS + ", settings_text FROM config_snapshot WHERE workspace_id = ? AND id = ?",
                workspaceId, id));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_RECENT + ", was " + limit);
        }
    }

    private static String limit(String value) {
        return value == null || value.length() <= 4000 ? value : value.substring(0, 3997) + "...";
    }

    private static ConfigChangeRecord mapChange(ResultSet rs) throws SQLException {
        return new ConfigChangeRecord(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "workspace_id"),
                Jdbc.uuid(rs, "connection_id"), rs.getString("server"), rs.getString("parameter"),
                rs.getString("old_value"), rs.getString("new_value"), rs.getString("setting_context"),
                rs.getString("change_action"), rs.getString("changed_by"), Jdbc.instant(rs, "changed_at"),
                rs.getString("measured_result"), Jdbc.uuid(rs, "run_id"));
    }

    private static ConfigSnapshotRecord mapSnapshot(ResultSet rs) throws SQLException {
        return new ConfigSnapshotRecord(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "workspace_id"),
                Jdbc.uuid(rs, "connection_id"), rs.getString("server"), rs.getString("label"),
                Jdbc.instant(rs, "taken_at"), rs.getString("server_version"), rs.getString("settings_text"));
    }
}
