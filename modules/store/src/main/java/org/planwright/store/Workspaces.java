package org.planwright.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The workspaces (client engagements) of the store. Obtain from {@link WorkbenchStore#workspaces()}.
 *
 * <p>A workspace is created, renamed, archived (kept, but hidden from {@link #list()}) and restored, or deleted for
 * good: {@link #delete} removes every record that belongs to it and compacts the file, so ending an engagement
 * leaves none of the client's data behind. Thread-safe; calls block on the database, so call
 * them off the JavaFX application thread. Every method throws {@link StoreException} when the database fails.
 */
public final class Workspaces {

    private static final String COLUMNS = "id, name, created_at, updated_at";
    /** Live and not archived: what the normal lists show. */
    private static final String SHOWN = "deleted_at IS NULL AND archived_at IS NULL";

    private final Jdbc jdbc;
    private final StoreCompaction compaction;

    Workspaces(Jdbc jdbc, StoreCompaction compaction) {
        this.jdbc = jdbc;
        this.compaction = compaction;
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

    /** @return the workspaces in use (not archived), by name (case-insensitive) */
    public List<Workspace> list() {
        return jdbc.read("list the workspaces", c -> Jdbc.list(c, Workspaces::map,
                "SELECT " + COLUMNS + " FROM workspace WHERE " + SHOWN + " ORDER BY LOWER(name), name"));
    }

    /** @return the archived workspaces, by name (case-insensitive); {@link #restore} brings one back */
    public List<Workspace> listArchived() {
        return jdbc.read("list the archived workspaces", c -> Jdbc.list(c, Workspaces::map,
                "SELECT " + COLUMNS + " FROM workspace WHERE deleted_at IS NULL AND archived_at IS NOT NULL"
                        + " ORDER BY LOWER(name), name"));
    }

    /** @return true when the workspace exists and is archived */
    public boolean isArchived(UUID id) {
        Check.required(id, "id");
        return jdbc.read("read a workspace", c -> Jdbc.one(c, rs -> true,
                "SELECT 1 FROM workspace WHERE id = ? AND archived_at IS NOT NULL", id).isPresent());
    }

    /**
     * Archives a workspace: it keeps every record but leaves {@link #list()} (and so the app's menu and the CLI's
     * default choice) until {@link #restore restored}. Archiving an archived workspace changes nothing.
     *
     * @return the workspace, with a new {@code updatedAt}
     * @throws StoreException NOT_FOUND when there is no such workspace
     */
    public Workspace archive(UUID id) {
        return setArchived(id, true);
    }

    /**
     * Brings an archived workspace back into {@link #list()}.
     *
     * @return the workspace, with a new {@code updatedAt}
     * @throws StoreException NOT_FOUND when there is no such workspace
     */
    public Workspace restore(UUID id) {
        return setArchived(id, false);
    }

    private Workspace setArchived(UUID id, boolean archived) {
        Check.required(id, "id");
        return jdbc.write((archived ? "archive" : "restore") + " the workspace", c -> {
            Instant now = jdbc.now();
            int rows = archived
                    ? Jdbc.update(c, "UPDATE workspace SET archived_at = COALESCE(archived_at, ?), updated_at = ?"
                            + " WHERE id = ? AND deleted_at IS NULL", now, now, id)
                    : Jdbc.update(c, "UPDATE workspace SET archived_at = NULL, updated_at = ?"
                            + " WHERE id = ? AND deleted_at IS NULL", now, id);
            if (rows == 0) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "There is no workspace with id " + id + ".");
            }
            return Jdbc.one(c, Workspaces::map, "SELECT " + COLUMNS + " FROM workspace WHERE id = ?", id).orElseThrow();
        });
    }

    /**
     * Counts the workspace's live records of each kind: one entry per table that has a {@code workspace_id} column
     * (read from the schema, so a table added later is counted too), tombstoned rows and this machine's sync
     * bookkeeping ({@code sync_*} tables, not records) left out.
     *
     * @return table name (e.g. {@code plan_capture}) to number of records, in table-name order; zeros included
     */
    public Map<String, Long> recordCounts(UUID id) {
        Check.required(id, "id");
        return jdbc.read("count the workspace's records", c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : SchemaTables.withWorkspaceColumn(c)) {
                if (WorkspaceTables.NOT_RECORDS.contains(table)) {
                    continue;
                }
                String live = SchemaTables.hasColumn(c, table, "deleted_at") ? " AND deleted_at IS NULL" : "";
                counts.put(table, Jdbc.one(c, rs -> rs.getLong(1),
                        "SELECT COUNT(*) FROM " + table + " WHERE workspace_id = ?" + live, id).orElse(0L));
            }
            return counts;
        });
    }

    /** @return the workspace with this id (archived or not), or empty */
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
     * Deletes the workspace and everything that belongs to it, for good: every row of every table with a
     * {@code workspace_id} column and of the tables below them through foreign keys ({@link WorkspaceTables}: read
     * from the schema, so a table added by a later migration is covered without being named), and the workspace
     * itself, in one transaction. Then the text of every tombstoned record in the store is purged
     * ({@link #purgeDeletedText()}), the H2 file is compacted ({@link StoreCompaction}) and the copies taken
     * before schema upgrades ({@code backups/*.zip}) are deleted, so that none of the deleted query text stays
     * readable in the store folder.
     *
     * <p>Compaction closes and reopens the database (about a second for a small store): other calls running at that
     * moment may fail once with a store error; the app runs delete while nothing else writes.
     *
     * @return true when it existed
     * @throws StoreException when the delete fails (nothing was deleted) or when the compaction fails (the rows are
     *                        deleted; the message says the file still needs compacting)
     */
    public boolean delete(UUID id) {
        Check.required(id, "id");
        boolean existed = jdbc.write("delete the workspace", c -> {
            boolean found = Jdbc.one(c, rs -> true, "SELECT 1 FROM workspace WHERE id = ?", id).isPresent();
            // a second pass catches rows that triggers (e.g. a sync outbox) wrote while the first pass deleted
            for (int pass = 0; pass < 3 && deleteRows(c, id) > 0; pass++) {
                // repeat until a pass finds nothing
            }
            Jdbc.update(c, "DELETE FROM workspace WHERE id = ?", id);
            return found;
        });
        if (existed) {
            purgeDeletedText();
            compaction.compact();
            compaction.deleteUpgradeBackups();
        }
        return existed;
    }

    /** Children before parents, so no foreign key (cascading or not) stands in the way. */
    private static int deleteRows(Connection c, UUID id) throws SQLException {
        WorkspaceTables tables = WorkspaceTables.read(c);
        int rows = 0;
        for (String table : tables.tables().reversed()) {
            rows += Jdbc.update(c, "DELETE FROM " + table + " WHERE " + tables.scope(table), id);
        }
        return rows;
    }

    /**
     * Empties the text of every tombstoned record (rows with {@code deleted_at} set, in any table and workspace):
     * each character or binary large object column becomes empty (or NULL where allowed). The tombstone itself (id,
     * workspace, times) stays for sync. Does not compact the file; {@link #delete} does both.
     *
     * @return the number of rows purged
     */
    public int purgeDeletedText() {
        return jdbc.write("purge the text of deleted records", c -> {
            int rows = 0;
            for (String table : SchemaTables.tablesWithColumn(c, "deleted_at")) {
                List<String> sets = new ArrayList<>();
                List<String> anyLeft = new ArrayList<>();
                for (SchemaTables.Column col : SchemaTables.columns(c, table)) {
                    boolean clob = col.type().contains("CHARACTER LARGE OBJECT");
                    boolean blob = col.type().contains("BINARY LARGE OBJECT");
                    if (clob || blob) {
                        String empty = col.nullable() ? "NULL" : clob ? "''" : "X''";
                        sets.add(col.name() + " = " + empty);
                        anyLeft.add(col.nullable() ? col.name() + " IS NOT NULL"
                                : (clob ? "LENGTH(" + col.name() + ") > 0" : "OCTET_LENGTH(" + col.name() + ") > 0"));
                    }
                }
                if (!sets.isEmpty()) {
                    rows += Jdbc.update(c, "UPDATE " + table + " SET " + String.join(", ", sets)
                            + " WHERE deleted_at IS NOT NULL AND (" + String.join(" OR ", anyLeft) + ")");
                }
            }
            return rows;
        });
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
