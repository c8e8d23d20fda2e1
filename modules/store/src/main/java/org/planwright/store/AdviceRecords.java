package org.planwright.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.Evidence;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.trial.RunSummary;
import org.planwright.advice.trial.TrialMode;
import org.planwright.advice.trial.TrialResult;
import org.planwright.advice.trial.TrialRun;

/**
 * Optimization advice of each workspace: recommendations (with their evidence) and trials (with every run and the
 * settings snapshot), in explicit columns for the learning work (schema V3). Obtain from
 * {@link WorkbenchStore#adviceRecords()}.
 *
 * <p>Thread-safe; calls block on the database. Each save is one transaction: a failure leaves nothing half-written.
 * Every method throws {@link StoreException} when the database fails. NaN numbers are stored as NULL and read back
 * as NaN.
 */
public final class AdviceRecords {

    private final Jdbc jdbc;

    AdviceRecords(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param workspaceId  the workspace
     * @param connectionId the connection the advice was found on, or null
     * @param queryText    the query as written
     * @param rec          the recommendation
     * @return it as stored, with a new id
     * @throws StoreException NOT_FOUND when the workspace does not exist; INVALID for a blank query
     */
    public StoredRecommendation saveRecommendation(UUID workspaceId, UUID connectionId, String queryText,
                                                   Recommendation rec) {
        Check.required(workspaceId, "workspaceId");
        Check.required(rec, "recommendation");
        Check.text("query text of the recommendation", queryText);
        UUID id = UUID.randomUUID();
        return jdbc.write("save the recommendation", c -> {
            WorkspaceRows.requireWorkspace(c, workspaceId);
            Instant now = jdbc.now();
            EstimatedImprovement e = rec.estimate();
            Jdbc.update(c, "INSERT INTO advice_recommendation (id, workspace_id, connection_id, kind, title, target,"
                            + " pattern_signature, query_text, sql_text, undo_sql, estimated_percent, confidence,"
                            + " estimate_method, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, workspaceId, connectionId, rec.kind().jsonName(), rec.title(), rec.target(),
                    rec.patternSignature(), queryText, rec.sql(), rec.undoSql(), e.percent(), e.confidence(),
                    e.method(), now, now);
            int position = 0;
            for (Evidence ev : rec.evidence()) {
                Jdbc.update(c, "INSERT INTO advice_evidence (recommendation_id, position, label, detail)"
                        + " VALUES (?, ?, ?, ?)", id, position++, ev.label(), ev.detail());
            }
            return new StoredRecommendation(id, workspaceId, connectionId, queryText, rec, now);
        });
    }

    /** @return the workspace's live recommendations, newest first */
    public List<StoredRecommendation> recommendations(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("list the recommendations", c -> {
            List<StoredRecommendation> out = new ArrayList<>();
            for (Object[] row : Jdbc.list(c, rs -> new Object[] {Jdbc.uuid(rs, "id")}, "SELECT id FROM"
                    + " advice_recommendation WHERE workspace_id = ? AND deleted_at IS NULL ORDER BY created_at DESC,"
                    + " id", workspaceId)) {
                recommendation(c, workspaceId, (UUID) row[0]).ifPresent(out::add);
            }
            return out;
        });
    }

    /**
     * @param workspaceId      the workspace
     * @param recommendationId the stored recommendation the trial tried
     * @param r                the finished trial
     * @return the trial's new id
     * @throws StoreException NOT_FOUND when the recommendation is not in this workspace
     */
    public UUID saveTrial(UUID workspaceId, UUID recommendationId, TrialResult r) {
        Check.required(workspaceId, "workspaceId");
        Check.required(recommendationId, "recommendationId");
        Check.required(r, "trial");
        UUID id = UUID.randomUUID();
        return jdbc.write("save the trial", c -> {
            if (recommendation(c, workspaceId, recommendationId).isEmpty()) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "The recommendation of this trial is not"
                        + " in the workspace", null);
            }
            Instant now = jdbc.now();
            RunSummary b = r.beforeSummary();
            RunSummary a = r.afterSummary();
            Jdbc.update(c, "INSERT INTO advice_trial (id, workspace_id, recommendation_id, mode, query_text,"
                            + " runs_per_side, estimated_percent, actual_percent, p_value, before_median_ms,"
                            + " after_median_ms, before_min_ms, before_max_ms, after_min_ms, after_max_ms, before_iqr_ms,"
                            + " after_iqr_ms, cost_before, cost_after, before_plan, after_plan, server_version,"
                            + " started_at, finished_at, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, workspaceId, recommendationId, r.mode(), r.querySql(), r.after().size(),
                    r.recommendation().estimate().percent(), num(r.actualImprovementPercent()), num(r.pValue()),
                    b == null ? null : b.medianMillis(), a == null ? null : a.medianMillis(),
                    b == null ? null : b.minMillis(), b == null ? null : b.maxMillis(),
                    a == null ? null : a.minMillis(), a == null ? null : a.maxMillis(),
                    b == null ? null : b.iqrMillis(), a == null ? null : a.iqrMillis(), num(r.costBefore()),
                    num(r.costAfter()), r.beforePlan(), r.afterPlan(), r.serverVersion(), r.startedAt(),
                    r.finishedAt(), now, now);
            for (TrialRun run : concat(r.before(), r.after())) {
                Jdbc.update(c, "INSERT INTO advice_trial_run (trial_id, phase, run_number, execution_ms, planning_ms,"
                                + " timed_out, shared_hit_blocks, shared_read_blocks, temp_blocks, result_rows)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, run.phase(), run.number(),
                        run.executionMillis(), run.planningMillis(), run.timedOut(), run.sharedHitBlocks(),
                        run.sharedReadBlocks(), run.tempBlocks(), run.rows());
            }
            for (Map.Entry<String, String> s : r.settings().entrySet()) {
                Jdbc.update(c, "INSERT INTO advice_trial_setting (trial_id, name, setting_value) VALUES (?, ?, ?)",
                        id, s.getKey(), s.getValue());
            }
            return id;
        });
    }

    /** @return the trials of a recommendation in this workspace, newest first */
    public List<StoredTrial> trials(UUID workspaceId, UUID recommendationId) {
        Check.required(workspaceId, "workspaceId");
        Check.required(recommendationId, "recommendationId");
        return jdbc.read("list the trials", c -> {
            Optional<StoredRecommendation> rec = recommendation(c, workspaceId, recommendationId);
            if (rec.isEmpty()) {
                return List.of();
            }
            List<StoredTrial> out = new ArrayList<>();
            for (TrialRow t : Jdbc.list(c, AdviceRecords::trialRow, "SELECT * FROM advice_trial WHERE workspace_id = ?"
                    + " AND recommendation_id = ? AND deleted_at IS NULL ORDER BY started_at DESC", workspaceId,
                    recommendationId)) {
                List<TrialRun> runs = Jdbc.list(c, AdviceRecords::run, "SELECT * FROM advice_trial_run WHERE trial_id = ?"
                        + " ORDER BY phase DESC, run_number", t.id());
                Map<String, String> settings = new LinkedHashMap<>();
                for (String[] kv : Jdbc.list(c, rs -> new String[] {rs.getString(1), rs.getString(2)},
                        "SELECT name, setting_value FROM advice_trial_setting WHERE trial_id = ? ORDER BY name", t.id())) {
                    settings.put(kv[0], kv[1]);
                }
                List<TrialRun> before = runs.stream().filter(x -> x.phase() == TrialRun.Phase.BEFORE).toList();
                List<TrialRun> after = runs.stream().filter(x -> x.phase() == TrialRun.Phase.AFTER).toList();
                out.add(new StoredTrial(t.id(), recommendationId, new TrialResult(rec.get().recommendation(),
                        t.query(), t.mode(), before, after, before.isEmpty() ? null : RunSummary.of(before),
                        after.isEmpty() ? null : RunSummary.of(after), t.actual(), t.p(), t.costBefore(),
                        t.costAfter(), t.beforePlan(), t.afterPlan(), t.serverVersion(), settings, t.started(),
                        t.finished())));
            }
            return out;
        });
    }

    private record TrialRow(UUID id, String query, TrialMode mode, double actual, double p, double costBefore,
                            double costAfter, String beforePlan, String afterPlan, String serverVersion,
                            Instant started, Instant finished) {
    }

    private static TrialRow trialRow(ResultSet rs) throws SQLException {
        return new TrialRow(Jdbc.uuid(rs, "id"), rs.getString("query_text"), TrialMode.valueOf(rs.getString("mode")),
                dbl(rs, "actual_percent"), dbl(rs, "p_value"), dbl(rs, "cost_before"), dbl(rs, "cost_after"),
                rs.getString("before_plan"), rs.getString("after_plan"), rs.getString("server_version"),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"));
    }

    private static TrialRun run(ResultSet rs) throws SQLException {
        return new TrialRun(TrialRun.Phase.valueOf(rs.getString("phase")), rs.getInt("run_number"),
                rs.getDouble("execution_ms"), rs.getDouble("planning_ms"), rs.getBoolean("timed_out"),
                rs.getLong("shared_hit_blocks"), rs.getLong("shared_read_blocks"), rs.getLong("temp_blocks"),
                rs.getDouble("result_rows"));
    }

    private static Optional<StoredRecommendation> recommendation(Connection c, UUID workspaceId, UUID id)
            throws SQLException {
        Optional<StoredRecommendation> head = Jdbc.one(c, rs -> new StoredRecommendation(Jdbc.uuid(rs, "id"),
                Jdbc.uuid(rs, "workspace_id"), Jdbc.uuid(rs, "connection_id"), rs.getString("query_text"),
                new Recommendation(kind(rs.getString("kind")), rs.getString("title"), rs.getString("target"),
                        rs.getString("sql_text"), rs.getString("undo_sql"), List.of(),
                        new EstimatedImprovement(rs.getDouble("estimated_percent"), rs.getDouble("confidence"),
                                rs.getString("estimate_method")), rs.getString("pattern_signature")),
                Jdbc.instant(rs, "created_at")), "SELECT * FROM advice_recommendation WHERE workspace_id = ? AND id = ?"
                + " AND deleted_at IS NULL", workspaceId, id);
        if (head.isEmpty()) {
            return head;
        }
        List<Evidence> evidence = Jdbc.list(c, rs -> new Evidence(rs.getString(1), rs.getString(2)),
                "SELECT label, detail FROM advice_evidence WHERE recommendation_id = ? ORDER BY position", id);
        StoredRecommendation s = head.get();
        Recommendation r = s.recommendation();
        return Optional.of(new StoredRecommendation(s.id(), s.workspaceId(), s.connectionId(), s.queryText(),
                new Recommendation(r.kind(), r.title(), r.target(), r.sql(), r.undoSql(), evidence, r.estimate(),
                        r.patternSignature()), s.createdAt()));
    }

    private static RecommendationKind kind(String jsonName) {
        for (RecommendationKind k : RecommendationKind.values()) {
            if (k.jsonName().equals(jsonName)) {
                return k;
            }
        }
        throw new IllegalStateException("unknown recommendation kind in the store: " + jsonName);
    }

    private static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private static double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static List<TrialRun> concat(List<TrialRun> a, List<TrialRun> b) {
        List<TrialRun> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
