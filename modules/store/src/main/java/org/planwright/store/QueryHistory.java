package org.planwright.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The query history of each workspace: every statement run, newest first. Obtain from
 * {@link WorkbenchStore#queryHistory()}.
 *
 * <p>Thread-safe; calls block on the database, so call them off the JavaFX application thread. Every method
 * throws {@link StoreException} when the database fails.
 */
public final class QueryHistory {

    /** Most entries one {@link #recent} call returns. */
    public static final int MAX_RECENT = 10_000;

    private static final String TABLE = "query_history";
    private static final String COLUMNS =
            "id, workspace_id, connection_id, sql_text, started_at, elapsed_ms, row_count, error_message";

    private final Jdbc jdbc;

    QueryHistory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry.
     *
     * @return the entry as stored: as given, with {@code startedAt} cut to microseconds
     * @throws StoreException INVALID for blank SQL, NOT_FOUND when the workspace does not exist, CONFLICT when the
     *                        id was recorded before
     */
    public QueryHistoryEntry record(QueryHistoryEntry given) {
        Check.required(given, "entry");
        Check.text("SQL text of the history entry", given.sql());
        QueryHistoryEntry entry = new QueryHistoryEntry(given.id(), given.workspaceId(), given.connectionId(),
                given.sql(), given.startedAt().truncatedTo(ChronoUnit.MICROS), given.elapsedMs(), given.rowCount(),
                given.errorMessage());
        return jdbc.write("record the statement in the history", c -> {
            Instant now = jdbc.now();
            Jdbc.update(c, "INSERT INTO " + TABLE + " (" + COLUMNS + ", created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    entry.id(), entry.workspaceId(), entry.connectionId(), entry.sql(), entry.startedAt(),
                    entry.elapsedMs(), entry.rowCount(), entry.errorMessage(), now, now);
            return entry;
        });
    }

    /**
     * @param workspaceId the workspace
     * @param limit       how many entries at most, 1 to {@value #MAX_RECENT}
     * @return the newest entries of the workspace, newest {@code startedAt} first
     * @throws IllegalArgumentException when limit is out of range
     */
    public List<QueryHistoryEntry> recent(UUID workspaceId, int limit) {
        Check.required(workspaceId, "workspaceId");
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_RECENT + ", was " + limit);
        }
        return jdbc.read("read the query history", c -> Jdbc.list(c, QueryHistory::map,
                "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE workspace_id = ? AND deleted_at IS NULL"
                        + " ORDER BY started_at DESC, created_at DESC FETCH FIRST ? ROWS ONLY", workspaceId, limit));
    }

    /**
     * Deletes one entry (a tombstone, for sync).
     *
     * @return true when a live entry of this workspace was deleted
     */
    public boolean delete(UUID workspaceId, UUID id) {
        Check.required(workspaceId, "workspaceId");
        Check.required(id, "id");
        return jdbc.write("delete the history entry", c -> WorkspaceRows.tombstone(c, TABLE, workspaceId, id, jdbc.now()));
    }

    /**
     * Deletes the whole history of a workspace (tombstones, for sync).
     *
     * @return how many entries were deleted
     */
    public int clear(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.write("clear the query history", c -> {
            Instant now = jdbc.now();
            return Jdbc.update(c, "UPDATE " + TABLE + " SET deleted_at = ?, updated_at = ?"
                    + " WHERE workspace_id = ? AND deleted_at IS NULL", now, now, workspaceId);
        });
    }

    private static QueryHistoryEntry map(ResultSet rs) throws SQLException {
        return new QueryHistoryEntry(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "workspace_id"),
                Jdbc.uuid(rs, "connection_id"), rs.getString("sql_text"), Jdbc.instant(rs, "started_at"),
                Jdbc.doubleOrNull(rs, "elapsed_ms"), Jdbc.longOrNull(rs, "row_count"), rs.getString("error_message"));
    }
}
