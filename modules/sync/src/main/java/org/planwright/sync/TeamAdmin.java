package org.planwright.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/**
 * What the team admin does on the team server: create or migrate the schema, grant a role one workspace (creating
 * the workspace there), prune superseded changes. Connections as a role that owns the schema (or a superuser).
 * Blocking; not for the JavaFX thread.
 */
public final class TeamAdmin {

    private final TeamConnections admin;

    public TeamAdmin(TeamConnections admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /**
     * Creates or migrates the team schema ({@code planwright team init}).
     *
     * @return the schema version now
     * @throws SyncException when the server cannot be reached or a migration fails
     */
    public String init() throws SyncException {
        return TeamSchema.migrate(admin);
    }

    /**
     * Lets a PostgreSQL role (and its members) sync one workspace, creating the workspace on the server when it is
     * new there. Idempotent.
     *
     * @param workspace the workspace name, as in the stores (1-200 characters)
     * @param role      an existing PostgreSQL role
     * @return the server's id of the workspace
     * @throws SyncException NOT_ALLOWED naming the missing role; INCOMPATIBLE without a team schema; UNREACHABLE
     */
    public UUID grant(String workspace, String role) throws SyncException {
        if (workspace == null || workspace.isBlank() || workspace.length() > 200) {
            throw new SyncException(SyncException.Reason.FAILED, "The workspace name must be 1 to 200 characters.");
        }
        if (role == null || role.isBlank()) {
            throw new SyncException(SyncException.Reason.FAILED, "Name the role to grant with --role.");
        }
        try (Connection c = admin.open()) {
            c.setAutoCommit(false);
            try {
                if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                    throw new SyncException(SyncException.Reason.NOT_ALLOWED, "There is no role \"" + role
                            + "\" on the team server; create it first (CREATE ROLE \"" + role + "\" LOGIN PASSWORD ...).");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO team.workspace (id, name) VALUES (?, ?)"
                        + " ON CONFLICT (name) DO NOTHING")) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, workspace);
                    ps.executeUpdate();
                }
                UUID id;
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM team.workspace WHERE name = ?")) {
                    ps.setString(1, workspace);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getObject(1, UUID.class);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO team.workspace_grant (workspace_id, role_name)"
                        + " VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setObject(1, id);
                    ps.setString(2, role);
                    ps.executeUpdate();
                }
                String r = quote(role);
                try (Statement st = c.createStatement()) {
                    st.execute("GRANT USAGE ON SCHEMA team TO " + r);
                    st.execute("GRANT EXECUTE ON FUNCTION team.may_sync(UUID, NAME) TO " + r);
                    st.execute("GRANT SELECT ON team.meta TO " + r);
                    st.execute("GRANT SELECT, UPDATE (last_change_no) ON team.workspace TO " + r);
                    st.execute("GRANT SELECT, INSERT, UPDATE ON team.device_stream TO " + r);
                    st.execute("GRANT SELECT, INSERT ON team.change TO " + r);
                }
                c.commit();
                return id;
            } catch (SQLException | SyncException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Sql.translate("granting the workspace", e);
        }
    }

    /**
     * Removes the workspace's changes numbered up to {@code throughChangeNo} that a later change of the same row
     * supersedes (what a device needs from them is in the later one) and records the mark: a device whose cursor is
     * below it pulls everything again on its next round, so nothing is silently skipped.
     *
     * @return the number of changes removed
     * @throws SyncException NOT_ALLOWED for an unknown workspace; UNREACHABLE
     */
    public int prune(String workspace, long throughChangeNo) throws SyncException {
        try (Connection c = admin.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM team.workspace WHERE name = ? FOR UPDATE")) {
                lock.setString(1, workspace);
                UUID id;
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new SyncException(SyncException.Reason.NOT_ALLOWED, "No workspace \"" + workspace
                                + "\" on the team server.");
                    }
                    id = rs.getObject(1, UUID.class);
                }
                int removed;
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM team.change old WHERE old.workspace_id = ?"
                        + " AND old.change_no <= ? AND EXISTS (SELECT 1 FROM team.change newer"
                        + " WHERE newer.workspace_id = old.workspace_id AND newer.table_name = old.table_name"
                        + " AND newer.row_key = old.row_key AND (newer.hlc, newer.device_id) > (old.hlc, old.device_id))")) {
                    ps.setObject(1, id);
                    ps.setLong(2, throughChangeNo);
                    removed = ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE team.workspace SET pruned_through ="
                        + " GREATEST(pruned_through, ?) WHERE id = ?")) {
                    ps.setLong(1, throughChangeNo);
                    ps.setObject(2, id);
                    ps.executeUpdate();
                }
                c.commit();
                return removed;
            } catch (SQLException | SyncException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Sql.translate("pruning the workspace", e);
        }
    }

    private static boolean exists(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** @return a PostgreSQL identifier in double quotes, quotes doubled */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
