package org.planwright.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The learning loop's trial outcomes, and with each new one the pattern counters of this device. Obtain from
 * {@link LearningRecords#trialOutcomes()}.
 *
 * <p>Thread-safe; calls block on the database (call them off the JavaFX application thread). Every method throws
 * {@link StoreException} when the database fails.
 */
public final class TrialOutcomes {

    private static final String COLUMNS = "id, workspace_id, recommendation_kind, fingerprint, pattern_signature,"
            + " estimated_improvement_percent, what_if_cost_ratio, actual_improvement_percent, features, started_at,"
            + " finished_at";
    private static final Pattern FEATURE_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

    private final Jdbc jdbc;

    TrialOutcomes(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an outcome once: a second call with the same trial id changes nothing, so that re-importing trials
     * never counts one twice. A new outcome also adds one attempt (and one success when {@code success}) to this
     * device's counter for its pattern and kind, in the same transaction.
     *
     * @param outcome the outcome
     * @param success whether it counts as a success (the learning loop's threshold decides)
     * @return true when it was new
     * @throws StoreException INVALID for a blank kind or signature, a feature name outside {@code [A-Za-z0-9_.-]}
     *                        or a non-finite number; NOT_FOUND when the workspace does not exist
     */
    public boolean record(TrialOutcome outcome, boolean success) {
        Check.required(outcome, "outcome");
        String kind = Check.name("recommendation kind", outcome.recommendationKind(), 40);
        String signature = Check.name("pattern signature", outcome.patternSignature(), 1000);
        Check.name("fingerprint", outcome.fingerprint(), 64);
        finite("estimated improvement", outcome.estimatedImprovementPercent());
        finite("actual improvement", outcome.actualImprovementPercent());
        if (outcome.whatIfCostRatio() != null) {
            finite("what-if cost ratio", outcome.whatIfCostRatio());
        }
        String features = encode(outcome.features());
        return jdbc.write("record the trial outcome", c -> {
            if (Jdbc.one(c, rs -> 1, "SELECT 1 FROM trial_outcome WHERE id = ?", outcome.trialId()).isPresent()) {
                return false;
            }
            WorkspaceRows.requireWorkspace(c, outcome.workspaceId());
            UUID device = LearningDevice.id(c, jdbc);
            Instant now = jdbc.now();
            Jdbc.update(c, "INSERT INTO trial_outcome (" + COLUMNS + ", success, device_id, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", outcome.trialId(),
                    outcome.workspaceId(), kind, outcome.fingerprint(), signature,
                    outcome.estimatedImprovementPercent(), outcome.whatIfCostRatio(),
                    outcome.actualImprovementPercent(), features, outcome.startedAt(), outcome.finishedAt(), success,
                    device, now, now);
            int rows = Jdbc.update(c, "UPDATE pattern_counter SET attempts = attempts + 1, successes = successes + ?,"
                            + " updated_at = ? WHERE workspace_id = ? AND pattern_signature = ? AND recommendation_kind = ?"
                            + " AND device_id = ?", success ? 1 : 0, now, outcome.workspaceId(), signature, kind, device);
            if (rows == 0) {
                Jdbc.update(c, "INSERT INTO pattern_counter (workspace_id, pattern_signature, recommendation_kind,"
                                + " device_id, attempts, successes, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
                        outcome.workspaceId(), signature, kind, device, success ? 1 : 0, now);
            }
            return true;
        });
    }

    /** @return the workspace's outcomes, oldest finished first */
    public List<TrialOutcome> list(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("list the trial outcomes", c -> Jdbc.list(c, TrialOutcomes::map, "SELECT " + COLUMNS
                + " FROM trial_outcome WHERE workspace_id = ? AND deleted_at IS NULL ORDER BY finished_at, id", workspaceId));
    }

    /** @return the outcome of this trial in this workspace, or empty */
    public java.util.Optional<TrialOutcome> find(UUID workspaceId, UUID trialId) {
        Check.required(workspaceId, "workspaceId");
        Check.required(trialId, "trialId");
        return jdbc.read("read the trial outcome", c -> Jdbc.one(c, TrialOutcomes::map, "SELECT " + COLUMNS
                + " FROM trial_outcome WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL", workspaceId, trialId));
    }

    /** @return the number of the workspace's outcomes */
    public int count(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("count the trial outcomes", c -> Jdbc.one(c, rs -> rs.getInt(1),
                "SELECT COUNT(*) FROM trial_outcome WHERE workspace_id = ? AND deleted_at IS NULL", workspaceId)
                .orElse(0));
    }

    private static void finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new StoreException(StoreException.Reason.INVALID, "The " + field + " must be a finite number, got " + v + ".");
        }
    }

    /** Features as "name=value" lines, value in Java's round-trip decimal form. */
    static String encode(Map<String, Double> features) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Double> e : features.entrySet()) {
            if (!FEATURE_NAME.matcher(e.getKey()).matches()) {
                throw new StoreException(StoreException.Reason.INVALID, "The feature name \"" + e.getKey()
                        + "\" may hold only letters, digits, '_', '.' and '-' (1-100 characters).");
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new StoreException(StoreException.Reason.INVALID, "The feature \"" + e.getKey()
                        + "\" must be a finite number, got " + e.getValue() + ".");
            }
            s.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return s.toString();
    }

    static Map<String, Double> decode(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), Double.valueOf(line.substring(eq + 1)));
            }
        }
        return out;
    }

    private static TrialOutcome map(ResultSet rs) throws SQLException {
        return new TrialOutcome(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "workspace_id"), rs.getString("recommendation_kind"),
                rs.getString("fingerprint"), rs.getString("pattern_signature"),
                rs.getDouble("estimated_improvement_percent"), Jdbc.doubleOrNull(rs, "what_if_cost_ratio"),
                rs.getDouble("actual_improvement_percent"), decode(rs.getString("features")),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"));
    }

}
