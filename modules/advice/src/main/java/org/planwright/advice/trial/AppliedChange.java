package org.planwright.advice.trial;

import java.time.Instant;
import java.util.Objects;
import org.planwright.advice.Recommendation;

/**
 * A recommendation applied for real (committed).
 *
 * @param recommendation what was applied
 * @param appliedSql     the statements as run (CREATE INDEX CONCURRENTLY where allowed)
 * @param undoSql        the statements that undo it; empty when nothing can or needs to be undone (ANALYZE, VACUUM)
 * @param appliedAt      when it finished
 */
public record AppliedChange(Recommendation recommendation, String appliedSql, String undoSql, Instant appliedAt) {
    public AppliedChange {
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(appliedSql, "appliedSql");
        Objects.requireNonNull(undoSql, "undoSql");
    }
}
