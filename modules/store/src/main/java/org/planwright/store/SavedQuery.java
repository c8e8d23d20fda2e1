package org.planwright.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A named SQL text the user keeps in a workspace.
 *
 * @param id          stable key (UUID)
 * @param workspaceId the workspace it belongs to
 * @param name        what the user calls it, 1 to 200 characters
 * @param sql         the SQL text as typed (one or more statements), never blank
 * @param createdAt   when it was first saved (UTC, microseconds); null on a record not yet saved
 * @param updatedAt   when it was last saved; null on a record not yet saved
 */
public record SavedQuery(UUID id, UUID workspaceId, String name, String sql, Instant createdAt, Instant updatedAt) {

    public SavedQuery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
    }

    /**
     * @return a new, not yet saved query with a random id
     */
    public static SavedQuery create(UUID workspaceId, String name, String sql) {
        return new SavedQuery(UUID.randomUUID(), workspaceId, name, sql, null, null);
    }

    /** @return this query with another name and SQL text (same id: saving it updates the stored one) */
    public SavedQuery withText(String newName, String newSql) {
        return new SavedQuery(id, workspaceId, newName, newSql, createdAt, updatedAt);
    }
}
