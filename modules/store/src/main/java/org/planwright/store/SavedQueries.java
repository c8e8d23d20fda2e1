package org.planwright.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The saved queries of each workspace. Obtain from {@link WorkbenchStore#savedQueries()}.
 *
 * <p>Thread-safe; calls block on the database, so call them off the JavaFX application thread. Every method
 * throws {@link StoreException} when the database fails.
 */
public final class SavedQueries {

    private static final String TABLE = "saved_query";
    private static final String COLUMNS = "id, workspace_id, name, sql_text, created_at, updated_at";

    private final Jdbc jdbc;

    SavedQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the query, or updates the one with the same id in its workspace (keeping {@code createdAt}).
     *
     * @return the query as stored, with its timestamps
     * @throws StoreException INVALID for a blank or too long name or blank SQL, NOT_FOUND when the workspace does
     *                        not exist, CONFLICT when the id belongs to another workspace
     */
    public SavedQuery save(SavedQuery query) {
        return saveAll(List.of(query)).getFirst();
    }

    /**
     * Saves several queries in one transaction (an import): all of them, or, when any one fails, none.
     *
     * @param queries the queries, in any workspaces
     * @return the queries as stored, in the same order
     * @throws StoreException as {@link #save}; the message names the query (1-based position and name)
     */
    public List<SavedQuery> saveAll(List<SavedQuery> queries) {
        Check.required(queries, "queries");
        List<SavedQuery> checked = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            SavedQuery q = Check.required(queries.get(i), "queries[" + i + "]");
            String field = queries.size() == 1 ? "saved query" : "saved query #" + (i + 1);
            String name = Check.name(field + " name", q.name(), Check.NAME_MAX);
            Check.text("SQL text of " + field + " \"" + name + "\"", q.sql());
            checked.add(q.withText(name, q.sql()));
        }
        String what = checked.size() == 1 ? "save query \"" + checked.getFirst().name() + "\""
                : "save " + checked.size() + " queries";
        return jdbc.write(what, c -> {
            List<SavedQuery> stored = new ArrayList<>(checked.size());
            for (SavedQuery q : checked) {
                stored.add(upsert(c, q));
            }
            return stored;
        });
    }

    /** @return the live saved queries of the workspace, by name (case-insensitive) */
    public List<SavedQuery> list(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("list the saved queries", c -> Jdbc.list(c, SavedQueries::map,
                "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE workspace_id = ? AND deleted_at IS NULL"
                        + " ORDER BY LOWER(name), name", workspaceId));
    }

    /** @return the live saved query with this id in this workspace, or empty (also when it belongs to another) */
    public Optional<SavedQuery> find(UUID workspaceId, UUID id) {
        Check.required(workspaceId, "workspaceId");
        Check.required(id, "id");
        return jdbc.read("read a saved query", c -> Jdbc.one(c, SavedQueries::map,
                "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL",
                workspaceId, id));
    }

    /**
     * Deletes the saved query (a tombstone, for sync).
     *
     * @return true when a live query of this workspace was deleted
     */
    public boolean delete(UUID workspaceId, UUID id) {
        Check.required(workspaceId, "workspaceId");
        Check.required(id, "id");
        return jdbc.write("delete the saved query", c -> WorkspaceRows.tombstone(c, TABLE, workspaceId, id, jdbc.now()));
    }

    private SavedQuery upsert(Connection c, SavedQuery q) throws SQLException {
        Instant now = jdbc.now();
        int rows = Jdbc.update(c, "UPDATE " + TABLE + " SET name = ?, sql_text = ?, updated_at = ?, deleted_at = NULL"
                + " WHERE id = ? AND workspace_id = ?", q.name(), q.sql(), now, q.id(), q.workspaceId());
        if (rows == 0) {
            WorkspaceRows.requireWorkspace(c, q.workspaceId());
            WorkspaceRows.requireNotElsewhere(c, TABLE, "saved query", q.workspaceId(), q.id());
            Jdbc.update(c, "INSERT INTO " + TABLE + " (id, workspace_id, name, sql_text, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", q.id(), q.workspaceId(), q.name(), q.sql(), now, now);
        }
        return Jdbc.one(c, SavedQueries::map, "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = ?", q.id())
                .orElseThrow();
    }

    private static SavedQuery map(ResultSet rs) throws SQLException {
        return new SavedQuery(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "workspace_id"), rs.getString("name"),
                rs.getString("sql_text"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
