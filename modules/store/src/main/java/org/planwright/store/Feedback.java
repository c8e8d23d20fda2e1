package org.planwright.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The DBA's feedback on one trial or applied recommendation.
 *
 * @param id                          the feedback's id
 * @param workspaceId                 its workspace
 * @param trialId                     the trial it is about, or null for a recommendation applied outside a trial
 * @param recommendationKind          the recommendation kind by name
 * @param rating                      1-5 stars, or null when not (yet) rated
 * @param wouldApplyAgain             the answer, or null when not given
 * @param comment                     free text, or null
 * @param beforeMs                    median execution time before, ms (pre-filled from the trial or typed), or null
 * @param afterMs                     median execution time after, ms, or null
 * @param metricsSource               where before/after came from
 * @param estimatedImprovementPercent the estimate shown with the recommendation, percent, or null
 * @param draft                       true while the form is half filled (kept when closed; not in the statistics)
 * @param createdAt                   set by the store
 * @param updatedAt                   set by the store
 */
public record Feedback(UUID id, UUID workspaceId, UUID trialId, String recommendationKind, Integer rating,
                       Boolean wouldApplyAgain, String comment, Double beforeMs, Double afterMs,
                       MetricsSource metricsSource, Double estimatedImprovementPercent, boolean draft,
                       Instant createdAt, Instant updatedAt) {

    /** Where the before/after figures came from. */
    public enum MetricsSource {
        /** Measured by Planwright's trial and left as measured. */
        MEASURED,
        /** Typed or corrected by the DBA (e.g. measured on production). */
        MANUAL,
        /** No figures. */
        NONE
    }

    public Feedback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(recommendationKind, "recommendationKind");
        Objects.requireNonNull(metricsSource, "metricsSource");
    }

    /** @return the improvement the before/after figures show, percent, or null when either is missing or before is 0 */
    public Double actualImprovementPercent() {
        if (beforeMs == null || afterMs == null || beforeMs <= 0) {
            return null;
        }
        return 100.0 * (beforeMs - afterMs) / beforeMs;
    }
}
