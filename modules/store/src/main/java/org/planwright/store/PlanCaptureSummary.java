package org.planwright.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A line in the list of captured plans: everything but the plan itself. Load the full capture with
 * {@link PlanCaptures#load}.
 *
 * @param id            the capture's key
 * @param workspaceId   the workspace it belongs to
 * @param connectionId  the connection profile it was captured on, or null
 * @param queryPreview  the first {@value PlanCaptures#PREVIEW_LENGTH} characters of the query text
 * @param format        the format of the raw plan
 * @param serverVersion the server's version, or null
 * @param capturedAt    when it was captured (UTC)
 * @param metrics       the summary figures stored with it
 */
public record PlanCaptureSummary(UUID id, UUID workspaceId, UUID connectionId, String queryPreview,
                                 PlanFormat format, String serverVersion, Instant capturedAt, PlanMetrics metrics) {
}
