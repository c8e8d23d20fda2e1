package org.planwright.store;

import java.time.Instant;
import java.util.UUID;
import org.planwright.advice.Recommendation;

/**
 * A recommendation as the workspace keeps it.
 *
 * @param id             key
 * @param workspaceId    its workspace
 * @param connectionId   the connection it was found on, or null
 * @param queryText      the query it is for, as written (for a workload summary: "workload")
 * @param recommendation the recommendation, complete
 * @param createdAt      when it was stored
 */
public record StoredRecommendation(UUID id, UUID workspaceId, UUID connectionId, String queryText,
                                   Recommendation recommendation, Instant createdAt) {
}
