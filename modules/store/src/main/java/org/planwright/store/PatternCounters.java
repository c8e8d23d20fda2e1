package org.planwright.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Pattern memory's counters: per workspace, pattern signature and recommendation kind, one row per device. Only
 * {@link TrialOutcomes#record} adds to this device's rows; {@link #merge} takes other devices' rows (a grow-only
 * counter per device: the larger value wins, so merging twice or in any order loses nothing and counts nothing
 * twice). Obtain from {@link LearningRecords#patternCounters()}. Thread-safe; blocking; {@link StoreException} on
 * failure.
 */
public final class PatternCounters {

    private final Jdbc jdbc;

    PatternCounters(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** @return every device's row of the workspace, by signature, kind, device */
    public List<PatternCounter> perDevice(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("list the pattern counters", c -> Jdbc.list(c, PatternCounters::map,
                "SELECT workspace_id, pattern_signature, recommendation_kind, device_id, attempts, successes"
                        + " FROM pattern_counter WHERE workspace_id = ?"
                        + " ORDER BY pattern_signature, recommendation_kind, device_id", workspaceId));
    }

    /**
     * @return the totals (sums over devices) per signature and kind; {@code deviceId} of each is the nil UUID
     */
    public List<PatternCounter> totals(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("total the pattern counters", c -> Jdbc.list(c, rs -> new PatternCounter(
                        Jdbc.uuid(rs, "workspace_id"), rs.getString("pattern_signature"), rs.getString("recommendation_kind"),
                        new UUID(0, 0), rs.getLong("a"), rs.getLong("s")),
                "SELECT workspace_id, pattern_signature, recommendation_kind, SUM(attempts) AS a, SUM(successes) AS s"
                        + " FROM pattern_counter WHERE workspace_id = ?"
                        + " GROUP BY workspace_id, pattern_signature, recommendation_kind"
                        + " ORDER BY pattern_signature, recommendation_kind", workspaceId));
    }

    /** @return this installation's device id */
    public UUID thisDevice() {
        return jdbc.write("read the device id", c -> LearningDevice.id(c, jdbc));
    }

    /**
     * Merges rows from another machine's store: per (workspace, signature, kind, device) the larger attempts and
     * successes win. All rows or none.
     *
     * @throws StoreException NOT_FOUND when a workspace does not exist here
     */
    public void merge(List<PatternCounter> rows) {
        Check.required(rows, "rows");
        jdbc.write("merge the pattern counters", c -> {
            for (PatternCounter r : rows) {
                WorkspaceRows.requireWorkspace(c, r.workspaceId());
                int n = Jdbc.update(c, "UPDATE pattern_counter SET attempts = GREATEST(attempts, ?),"
                                + " successes = GREATEST(successes, ?), updated_at = ? WHERE workspace_id = ?"
                                + " AND pattern_signature = ? AND recommendation_kind = ? AND device_id = ?",
                        r.attempts(), r.successes(), jdbc.now(), r.workspaceId(), r.patternSignature(),
                        r.recommendationKind(), r.deviceId());
                if (n == 0) {
                    Jdbc.update(c, "INSERT INTO pattern_counter (workspace_id, pattern_signature, recommendation_kind,"
                                    + " device_id, attempts, successes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            r.workspaceId(), r.patternSignature(), r.recommendationKind(), r.deviceId(), r.attempts(),
                            r.successes(), jdbc.now());
                }
            }
            return null;
        });
    }

    private static PatternCounter map(ResultSet rs) throws SQLException {
        return new PatternCounter(Jdbc.uuid(rs, "workspace_id"), rs.getString("pattern_signature"),
                rs.getString("recommendation_kind"), Jdbc.uuid(rs, "device_id"), rs.getLong("attempts"),
                rs.getLong("successes"));
    }
}
