package org.planwright.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One execution plan as it was captured from a server, with everything needed to read it again later: the query,
 * the raw plan exactly as the server returned it, how it was asked for, and the server's settings.
 *
 * @param id             stable key (UUID)
 * @param workspaceId    the workspace it belongs to
 * @param connectionId   the connection profile it was captured on, or null (pasted or ad-hoc)
 * @param queryText      the query that was explained; never blank
 * @param planText       the raw plan text or document, unchanged; never blank
 * @param format         the format of {@code planText}
 * @param explainOptions the EXPLAIN options used, e.g. "ANALYZE, BUFFERS, SETTINGS, FORMAT JSON"; at most 500
 *                       characters; null when unknown
 * @param settingsJson   the server settings in force, as a JSON object of name to value; null when not captured
 * @param serverVersion  the server's {@code server_version}, e.g. "15.4"; at most 200 characters; null when unknown
 * @param capturedAt     when the plan was captured (UTC)
 * @param metrics        summary figures worked out by the caller; never null (use {@link PlanMetrics#UNKNOWN})
 * @param createdAt      when it was stored (UTC, microseconds); null on a capture not yet saved
 * @param updatedAt      when it was last stored; null on a capture not yet saved
 */
public record PlanCapture(UUID id, UUID workspaceId, UUID connectionId, String queryText, String planText,
                          PlanFormat format, String explainOptions, String settingsJson, String serverVersion,
                          Instant capturedAt, PlanMetrics metrics, Instant createdAt, Instant updatedAt) {

    public PlanCapture {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(capturedAt, "capturedAt");
        metrics = metrics == null ? PlanMetrics.UNKNOWN : metrics;
    }

    /**
     * @return a new, not yet saved capture with a random id
     */
    public static PlanCapture create(UUID workspaceId, UUID connectionId, String queryText, String planText,
                                     PlanFormat format, String explainOptions, String settingsJson,
                                     String serverVersion, Instant capturedAt, PlanMetrics metrics) {
        return new PlanCapture(UUID.randomUUID(), workspaceId, connectionId, queryText, planText, format,
                explainOptions, settingsJson, serverVersion, capturedAt, metrics, null, null);
    }
}
