package org.planwright.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.planwright.targetdb.ConnectionProfile;

/**
 * The connection profiles of each workspace, stored as {@link ConnectionProfile} records. No password is ever
 * stored (the schema has no column for one). Obtain from {@link WorkbenchStore#connectionProfiles()}.
 *
 * <p>Thread-safe; calls block on the database, so call them off the JavaFX application thread. Every method
 * throws {@link StoreException} when the database fails.
 */
public final class ConnectionProfiles {

    private static final String TABLE = "connection_profile";
    private static final String COLUMNS = "id, name, kind, host, port, database_name, user_name, ssl_mode, jdbc_url";

    private final Jdbc jdbc;

    ConnectionProfiles(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the profile, or updates the one with the same id in this workspace (keeping its {@code created_at},
     * and bringing it back if it was deleted).
     *
     * @param workspaceId the workspace it belongs to
     * @param profile     the profile; its name is 1 to 200 characters
     * @return the profile as stored
     * @throws StoreException NOT_FOUND when the workspace does not exist, CONFLICT when the id belongs to another
     *                        workspace, INVALID when a field is too long
     */
    public ConnectionProfile save(UUID workspaceId, ConnectionProfile profile) {
        Check.required(workspaceId, "workspaceId");
        Check.required(profile, "profile");
        Check.limit("connection name", profile.name(), Check.NAME_MAX);
        Check.limit("host name", profile.host(), 255);
        Check.limit("database name", profile.database(), 1000);
        Check.limit("user name", profile.user(), Check.NAME_MAX);
        Check.limit("sslmode", profile.sslMode(), 20);
        Check.limit("JDBC URL", profile.jdbcUrl(), 2000);
        return jdbc.write("save connection \"" + profile.name() + "\"", c -> {
            upsert(c, workspaceId, profile);
            return profile;
        });
    }

    /** @return the live profiles of the workspace, by name (case-insensitive) */
    public List<ConnectionProfile> list(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("list the connections", c -> Jdbc.list(c, ConnectionProfiles::map,
                "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE workspace_id = ? AND deleted_at IS NULL"
                        + " ORDER BY LOWER(name), name", workspaceId));
    }

    /** @return the live profile with this id in this workspace, or empty (also when it belongs to another) */
    public Optional<ConnectionProfile> find(UUID workspaceId, UUID id) {
        Check.required(workspaceId, "workspaceId");
        Check.required(id, "id");
        return jdbc.read("read a connection", c -> Jdbc.one(c, ConnectionProfiles::map,
                "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL",
                workspaceId, id));
    }

    /**
     * Deletes the profile (a tombstone, for sync). Query history and plan captures that ran on it keep its id.
     *
     * @return true when a live profile of this workspace was deleted
     */
    public boolean delete(UUID workspaceId, UUID id) {
        Check.required(workspaceId, "workspaceId");
        Check.required(id, "id");
        return jdbc.write("delete the connection",
                c -> WorkspaceRows.tombstone(c, TABLE, workspaceId, id, jdbc.now()));
    }

    private void upsert(Connection c, UUID workspaceId, ConnectionProfile p) throws SQLException {
        Instant now = jdbc.now();
        int rows = Jdbc.update(c, "UPDATE " + TABLE + " SET name = ?, kind = ?, host = ?, port = ?, database_name = ?,"
                        + " user_name = ?, ssl_mode = ?, jdbc_url = ?, updated_at = ?, deleted_at = NULL"
                        + " WHERE id = ? AND workspace_id = ?",
                p.name(), p.kind(), p.host(), p.port(), p.database(), p.user(), p.sslMode(), p.jdbcUrl(), now,
                p.id(), workspaceId);
        if (rows == 0) {
            WorkspaceRows.requireWorkspace(c, workspaceId);
            WorkspaceRows.requireNotElsewhere(c, TABLE, "connection", workspaceId, p.id());
            Jdbc.update(c, "INSERT INTO " + TABLE + " (id, workspace_id, name, kind, host, port, database_name,"
                            + " user_name, ssl_mode, jdbc_url, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.id(), workspaceId, p.name(), p.kind(), p.host(), p.port(), p.database(), p.user(), p.sslMode(),
                    p.jdbcUrl(), now, now);
        }
    }

    private static ConnectionProfile map(ResultSet rs) throws SQLException {
        return new ConnectionProfile(Jdbc.uuid(rs, "id"), rs.getString("name"),
                ConnectionProfile.Kind.valueOf(rs.getString("kind")), rs.getString("host"), rs.getInt("port"),
                rs.getString("database_name"), rs.getString("user_name"), rs.getString("ssl_mode"),
                rs.getString("jdbc_url"));
    }
}
