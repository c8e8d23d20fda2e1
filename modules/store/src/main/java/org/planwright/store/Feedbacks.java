package org.planwright.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The DBA's feedback records, drafts included. Obtain from {@link LearningRecords#feedback()}. The form's rules
 * (a rating is required to submit, etc.) belong to the learning module; the store checks only what keeps the data
 * sane: rating 1-5, finite non-negative times, a comment of at most {@value #COMMENT_MAX} characters.
 * Thread-safe; blocking; {@link StoreException} on failure.
 */
public final class Feedbacks {

    /** Longest comment kept, characters. */
    public static final int COMMENT_MAX = 10_000;
    private static final String COLUMNS = "id, workspace_id, trial_id, recommendation_kind, rating, would_apply_again,"
            + " comment_text, before_ms, after_ms, metrics_source, estimated_improvement_percent, draft, created_at,"
            + " updated_at";

    private final Jdbc jdbc;

    Feedbacks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the feedback or updates the one with its id (keeping {@code createdAt}); a draft stays a draft until
     * saved with {@code draft = false}.
     *
     * @return the feedback as stored
     * @throws StoreException INVALID for a rating outside 1-5, a negative or non-finite time, a too long comment;
     *                        NOT_FOUND for a missing workspace; CONFLICT when the id belongs to another workspace
     */
    public Feedback save(Feedback f) {
        Check.required(f, "feedback");
        Check.name("recommendation kind", f.recommendationKind(), 40);
        if (f.rating() != null && (f.rating() < 1 || f.rating() > 5)) {
            throw new StoreException(StoreException.Reason.INVALID, "The rating must be 1 to 5 stars, got " + f.rating() + ".");
        }
        time("before", f.beforeMs());
        time("after", f.afterMs());
        if (f.comment() != null) {
            Check.limit("comment", f.comment(), COMMENT_MAX);
        }
        return jdbc.write("save the feedback", c -> {
            Instant now = jdbc.now();
            int rows = Jdbc.update(c, "UPDATE feedback SET trial_id = ?, recommendation_kind = ?, rating = ?,"
                            + " would_apply_again = ?, comment_text = ?, before_ms = ?, after_ms = ?, metrics_source = ?,"
                            + " estimated_improvement_percent = ?, draft = ?, updated_at = ?, deleted_at = NULL"
                            + " WHERE id = ? AND workspace_id = ?", f.trialId(), f.recommendationKind(), f.rating(),
                    f.wouldApplyAgain(), f.comment(), f.beforeMs(), f.afterMs(), f.metricsSource(),
                    f.estimatedImprovementPercent(), f.draft(), now, f.id(), f.workspaceId());
            if (rows == 0) {
                WorkspaceRows.requireWorkspace(c, f.workspaceId());
                WorkspaceRows.requireNotElsewhere(c, "feedback", "feedback", f.workspaceId(), f.id());
                Jdbc.update(c, "INSERT INTO feedback (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        f.id(), f.workspaceId(), f.trialId(), f.recommendationKind(), f.rating(), f.wouldApplyAgain(),
                        f.comment(), f.beforeMs(), f.afterMs(), f.metricsSource(), f.estimatedImprovementPercent(),
                        f.draft(), now, now);
            }
            return find(c, f.id()).orElseThrow();
        });
    }

    /** @return the workspace's live feedback, drafts included, oldest first */
    public List<Feedback> list(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("list the feedback", c -> Jdbc.list(c, Feedbacks::map, "SELECT " + COLUMNS
                + " FROM feedback WHERE workspace_id = ? AND deleted_at IS NULL ORDER BY created_at, id", workspaceId));
    }

    /** @return the newest live draft for this trial in this workspace, or empty */
    public Optional<Feedback> draftFor(UUID workspaceId, UUID trialId) {
        Check.required(workspaceId, "workspaceId");
        Check.required(trialId, "trialId");
        return jdbc.read("read the feedback draft", c -> Jdbc.one(c, Feedbacks::map, "SELECT " + COLUMNS
                + " FROM feedback WHERE workspace_id = ? AND trial_id = ? AND draft AND deleted_at IS NULL"
                + " ORDER BY updated_at DESC LIMIT 1", workspaceId, trialId));
    }

    /** @return true when a live feedback of this workspace was deleted (a tombstone) */
    public boolean delete(UUID workspaceId, UUID id) {
        Check.required(workspaceId, "workspaceId");
        Check.required(id, "id");
        return jdbc.write("delete the feedback", c -> WorkspaceRows.tombstone(c, "feedback", workspaceId, id, jdbc.now()));
    }

    private static void time(String which, Double ms) {
        if (ms != null && (!Double.isFinite(ms) || ms < 0)) {
            throw new StoreException(StoreException.Reason.INVALID,
                    "The " + which + " time must be a number of milliseconds >= 0, got " + ms + ".");
        }
    }

    private static Optional<Feedback> find(Connection c, UUID id) throws SQLException {
        return Jdbc.one(c, Feedbacks::map, "SELECT " + COLUMNS + " FROM feedback WHERE id = ?", id);
    }

    private static Feedback map(ResultSet rs) throws SQLException {
        Boolean again = rs.getBoolean("would_apply_again");
        if (rs.wasNull()) {
            again = null;
        }
        return new Feedback(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "workspace_id"), Jdbc.uuid(rs, "trial_id"),
                rs.getString("recommendation_kind"), Jdbc.intOrNull(rs, "rating"), again, rs.getString("comment_text"),
                Jdbc.doubleOrNull(rs, "before_ms"), Jdbc.doubleOrNull(rs, "after_ms"),
                Feedback.MetricsSource.valueOf(rs.getString("metrics_source")),
                Jdbc.doubleOrNull(rs, "estimated_improvement_percent"), rs.getBoolean("draft"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
