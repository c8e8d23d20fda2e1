package org.planwright.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One statement the user ran, as the query history keeps it.
 *
 * @param id           stable key (UUID)
 * @param workspaceId  the workspace it ran in
 * @param connectionId the connection profile it ran on, or null (an ad-hoc connection); may name a deleted profile
 * @param sql          the statement text as sent, never blank
 * @param startedAt    when it was sent (UTC)
 * @param elapsedMs    wall-clock time until the result or error, in milliseconds; null when unknown
 * @param rowCount     rows returned or affected; null when unknown or failed
 * @param errorMessage the server's error message when it failed, else null
 */
public record QueryHistoryEntry(UUID id, UUID workspaceId, UUID connectionId, String sql, Instant startedAt,
                                Double elapsedMs, Long rowCount, String errorMessage) {

    public QueryHistoryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** @return an entry, with a new id, for a statement that succeeded */
    public static QueryHistoryEntry succeeded(UUID workspaceId, UUID connectionId, String sql, Instant startedAt,
                                              double elapsedMs, Long rowCount) {
        return new QueryHistoryEntry(UUID.randomUUID(), workspaceId, connectionId, sql, startedAt, elapsedMs,
                rowCount, null);
    }

    /** @return an entry, with a new id, for a statement that failed with the given server message */
    public static QueryHistoryEntry failed(UUID workspaceId, UUID connectionId, String sql, Instant startedAt,
                                           double elapsedMs, String errorMessage) {
        return new QueryHistoryEntry(UUID.randomUUID(), workspaceId, connectionId, sql, startedAt, elapsedMs, null,
                Objects.requireNonNull(errorMessage, "errorMessage"));
    }

    /** @return true when the statement failed */
    public boolean isFailure() {
        return errorMessage != null;
    }
}
