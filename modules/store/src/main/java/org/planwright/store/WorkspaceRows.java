package org.planwright.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Rules shared by the tables whose rows belong to a workspace: tombstone deletes ({@code deleted_at}) and keeping
 * one workspace from writing over another's record. Table names come from code, never from input.
 */
final class WorkspaceRows {

    private WorkspaceRows() {
    }

    /**
     * Marks a live row deleted (sets {@code deleted_at} and {@code updated_at}); reads skip it from then on.
     *
     * @return true when a live row of that workspace was marked
     */
    static boolean tombstone(Connection c, String table, UUID workspaceId, UUID id, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE " + table + " SET deleted_at = ?, updated_at = ?"
                + " WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL", now, now, id, workspaceId) > 0;
    }

    /**
     * @param noun what the user calls the record, e.g. "connection profile"
     * @throws StoreException CONFLICT when the id is already used by a record of another workspace
     */
    static void requireNotElsewhere(Connection c, String table, String noun, UUID workspaceId, UUID id)
            throws SQLException {
        boolean elsewhere = Jdbc.one(c, rs -> true,
                "SELECT 1 FROM " + table + " WHERE id = ? AND workspace_id <> ?", id, workspaceId).isPresent();
        if (elsewhere) {
            throw new StoreException(StoreException.Reason.CONFLICT, "The " + noun + " " + id
                    + " belongs to another workspace; save a copy with a new id instead.");
        }
    }

    /** @throws StoreException NOT_FOUND when the workspace does not exist */
    static void requireWorkspace(Connection c, UUID workspaceId) throws SQLException {
        boolean exists = Jdbc.one(c, rs -> true, "SELECT 1 FROM workspace WHERE id = ?", workspaceId).isPresent();
        if (!exists) {
            throw new StoreException(StoreException.Reason.NOT_FOUND,
                    "There is no workspace with id " + workspaceId + " (was it deleted?).");
        }
    }
}
