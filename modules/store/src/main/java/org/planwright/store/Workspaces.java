package org.planwright.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The workspaces (client engagements) of the store. Obtain from {@link WorkbenchStore#workspaces()}.
 *
 * <p>Deleting a workspace removes it and, through {@code ON DELETE CASCADE}, every record that belongs to it:
 * ending an engagement leaves none of the client's data behind. Thread-safe; calls block on the database, so call
 * them off the JavaFX application thread. Every method throws {@link StoreException} when the database fails.
 */
public final class Workspaces {

    private static final String COLUMNS = "id, name, created_at, updated_at";

    private final Jdbc jdbc;

    Workspaces(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param name 1 to 200 characters after stripping
     * @return the new workspace
     * @throws StoreException INVALID for a blank or too long name, CONFLICT when the name is in use
     */
    public Workspace create(String name) {
        String n = Check.name("workspace name", name, Check.NAME_MAX);
        return jdbc.write("create workspace \"" + n + "\"", c -> {
            if (findByName(c, n).isPresent()) {
                throw nameInUse(n);
            }
            return insert(c, n);
        });
    }

    /**
     * Returns the workspace with this name, creating it when there is none (safe against concurrent callers).
     *
     * @param name 1 to 200 characters after stripping
     * @return the existing or new workspace
     * @throws StoreException INVALID for a blank or too long name
     */
    public Workspace ensure(String name) {
        String n = Check.name("workspace name", name, Check.NAME_MAX);
        String what = "open workspace \"" + n + "\"";
        try {
            return jdbc.write(what, c -> {
                Optional<Workspace> existing = findByName(c, n);
                return existing.isPresent() ? existing.get() : insert(c, n);
            });
        } catch (StoreException e) {
            if (e.reason() != StoreException.Reason.CONFLICT) {
                throw e;
            }
            // another thread created it between our read and our insert: read it again
            return jdbc.read(what, c -> findByName(c, n)).orElseThrow(() -> e);
        }
    }

    /** @return all workspaces, by name (case-insensitive) */
    public List<Workspace> list() {
        return jdbc.read("list the workspaces", c -> Jdbc.list(c, Workspaces::map,
                "SELECT " + COLUMNS + " FROM workspace WHERE deleted_at IS NULL ORDER BY LOWER(name), name"));
    }

    /** @return the workspace with this id, or empty */
    public Optional<Workspace> find(UUID id) {
        Check.required(id, "id");
        return jdbc.read("read a workspace", c -> Jdbc.one(c, Workspaces::map,
                "SELECT " + COLUMNS + " FROM workspace WHERE id = ? AND deleted_at IS NULL", id));
    }

    /**
     * @param id      the workspace
     * @param newName 1 to 200 characters after stripping
     * @return the renamed workspace, with a new {@code updatedAt}
     * @throws StoreException NOT_FOUND, INVALID, or CONFLICT when another workspace has that name
     */
    public Workspace rename(UUID id, String newName) {
        Check.required(id, "id");
        String n = Check.name("workspace name", newName, Check.NAME_MAX);
        return jdbc.write("rename the workspace to \"" + n + "\"", c -> {
            Optional<Workspace> clash = findByName(c, n);
            if (clash.isPresent() && !clash.get().id().equals(id)) {
                throw nameInUse(n);
            }
            Instant now = jdbc.now();
            int rows = Jdbc.update(c, "UPDATE workspace SET name = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                    n, now, id);
            if (rows == 0) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "There is no workspace with id " + id + ".");
            }
            return Jdbc.one(c, Workspaces::map, "SELECT " + COLUMNS + " FROM workspace WHERE id = ?", id).orElseThrow();
        });
    }

    /**
     * Deletes the workspace and everything that belongs to it (connection profiles, saved queries, history, plans).
     *
     * @return true when it existed
     */
    public boolean delete(UUID id) {
        Check.required(id, "id");
        return jdbc.write("delete the workspace", c -> Jdbc.update(c, "DELETE FROM workspace WHERE id = ?", id) > 0);
    }

    private Workspace insert(Connection c, String name) throws SQLException {
        Instant now = jdbc.now();
        UUID id = UUID.randomUUID();
        Jdbc.update(c, "INSERT INTO workspace (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)", id, name, now, now);
        return new Workspace(id, name, now, now);
    }

    private static Optional<Workspace> findByName(Connection c, String name) throws SQLException {
        return Jdbc.one(c, Workspaces::map, "SELECT " + COLUMNS + " FROM workspace WHERE name = ?", name);
    }

    private static StoreException nameInUse(String name) {
        return new StoreException(StoreException.Reason.CONFLICT,
                "A workspace named \"" + name + "\" already exists; choose another name.");
    }

    private static Workspace map(ResultSet rs) throws SQLException {
        return new Workspace(Jdbc.uuid(rs, "id"), rs.getString("name"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }
}
