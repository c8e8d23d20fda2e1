package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.Evidence;
import org.planwright.advice.QueryIdentity;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.trial.RunSummary;
import org.planwright.advice.trial.TrialMode;
import org.planwright.advice.trial.TrialResult;
import org.planwright.advice.trial.TrialRun;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.workload.DatabaseCounters;
import org.planwright.workload.IndexCounters;
import org.planwright.workload.StatementCounters;
import org.planwright.workload.StatementKey;
import org.planwright.workload.TableCounters;
import org.planwright.workload.WorkloadWindow;

/**
 * One record of every kind the store keeps, written through the repositories into one workspace, each carrying a
 * tag in its query text so tests can find (or fail to find) it in files. {@link #assertCoversEverySchemaTable}
 * fails when a migration adds a table that this fixture does not fill yet: extend {@link #fill} then.
 */
final class EveryKind {

    /** What {@link #fill} wrote, for tests that read it back. */
    record Filled(UUID workspaceId, String queryText, ConnectionProfile profile, SavedQuery savedQuery,
                  QueryHistoryEntry history, PlanCapture plan, StoredRecommendation recommendation, UUID trialId,
                  TrialOutcome outcome, Feedback feedback, EstimatorModel model, ConfigChangeRecord change,
                  ConfigSnapshotRecord snapshot, StoredWorkloadWindow window) {
    }

    private EveryKind() {
    }

    /**
     * @param tag a unique word: every query text written contains it
     */
    static Filled fill(WorkbenchStore store, Workspace w, String tag, Instant now) {
        String sql = "SELECT * FROM orders_" + tag + " WHERE customer = 'secret_" + tag + "'";
        ConnectionProfile profile = store.connectionProfiles().save(w.id(), new ConnectionProfile(UUID.randomUUID(),
                tag + "-prod", ConnectionProfile.Kind.POSTGRESQL, tag + ".db.example", 5432, "orders", "dba", null,
                null));
        SavedQuery saved = store.savedQueries().save(SavedQuery.create(w.id(), tag + " report", sql));
        QueryHistoryEntry history = store.queryHistory().record(QueryHistoryEntry.succeeded(w.id(), profile.id(), sql,
                now, 12.5, 1L));
        PlanCapture plan = store.planCaptures().save(PlanCapture.create(w.id(), profile.id(), sql,
                "Seq Scan on orders_" + tag + "  (cost=0.00..35.50 rows=2550 width=4)", PlanFormat.TEXT, "COSTS",
                "{\"work_mem\":\"4MB\"}", "18.1", now, new PlanMetrics(1, 35.5, null, null)));
        Recommendation rec = new Recommendation(RecommendationKind.INDEX, "Index orders_" + tag + " (customer)",
                QueryIdentity.target(sql), "CREATE INDEX ON orders_" + tag + " (customer)",
                "DROP INDEX IF EXISTS orders_" + tag + "_customer_idx",
                List.of(new Evidence("Seq Scan on orders_" + tag, "2,550 rows removed by filter")),
                new EstimatedImprovement(90.0, 0.7, "HypoPG: cost 35.5 -> 8.3"), QueryIdentity.patternSignature(sql));
        StoredRecommendation stored = store.adviceRecords().saveRecommendation(w.id(), profile.id(), sql, rec);
        List<TrialRun> before = List.of(new TrialRun(TrialRun.Phase.BEFORE, 1, 40.0, 0.1, false, 100, 7, 0, 1));
        List<TrialRun> after = List.of(new TrialRun(TrialRun.Phase.AFTER, 1, 4.0, 0.1, false, 10, 0, 0, 1));
        TrialResult trial = new TrialResult(rec, sql, TrialMode.ROLLED_BACK, before, after, RunSummary.of(before),
                RunSummary.of(after), 90.0, 0.05, 35.5, 8.3, "[{\"Plan\":{}}]", "[{\"Plan\":{}}]", "18.1",
                Map.of("work_mem", "4MB"), now, now.plusSeconds(2));
        UUID trialId = store.adviceRecords().saveTrial(w.id(), stored.id(), trial);
        TrialOutcome outcome = new TrialOutcome(trialId, w.id(), "index", "0123456789abcdef", "SELECT orders_" + tag,
                90.0, 0.2, 85.0, Map.of("planRows", 2550.0), now, now.plusSeconds(2));
        store.learning().trialOutcomes().record(outcome, true);
        Feedback feedback = store.learning().feedback().save(new Feedback(UUID.randomUUID(), w.id(), trialId, "index",
                4, true, "worked for orders_" + tag, 40.0, 4.0, Feedback.MetricsSource.MANUAL, 90.0, false, null,
                null));
        EstimatorModel model = store.learning().estimatorModels().add(new EstimatorModel(UUID.randomUUID(), w.id(), 0,
                "gbt", "smile-core 6.2.5", 60, 9.0, 8.0, 12.0, 10.0, true, new byte[] {1, 2, 3}, null));
        ConfigChangeRecord change = store.configHistory().append(new ConfigChangeRecord(UUID.randomUUID(), w.id(),
                null, tag + ".db.example:5432/orders", "work_mem", "4MB", "64MB", "user", "APPLIED", "dba", now,
                "orders_" + tag + " 40 ms -> 4 ms"));
        ConfigSnapshotRecord snapshot = store.configHistory().saveSnapshot(new ConfigSnapshotRecord(UUID.randomUUID(),
                w.id(), null, tag + ".db.example:5432/orders", "before " + tag, now, "18.1", "work_mem\t4096\tkB\n"));
        StatementCounters statement = new StatementCounters(new StatementKey(10, 5, 42, true), sql, "orders", 3, 12.0,
                1.0, 0.5, 3, 30, 2, 0, 0, 0, 0, 0.1, 0, 0);
        WorkloadWindow ww = new WorkloadWindow(now.minusSeconds(300), now, List.of(statement),
                List.of(new DatabaseCounters("orders", 3, 0, 2, 30, 100, 3, 0, 0, 0, 0, 0)),
                List.of(new TableCounters("public", "orders_" + tag, 1, 100, 0, 0, 0, 0, 0, 0, 100, 0)),
                List.of(new IndexCounters("public", "orders_" + tag, "orders_" + tag + "_pkey", 0, 0, 0)));
        StoredWorkloadWindow window = store.workloadWindows().save(new StoredWorkloadWindow(UUID.randomUUID(), w.id(),
                profile.id(), tag + ".db.example:5432/orders", 180001, ww));
        return new Filled(w.id(), sql, profile, saved, history, plan, stored, trialId, outcome, feedback, model, change,
                snapshot, window);
    }

    /**
     * Fails when a record table of the schema (other than the global ones and the sync bookkeeping, which the
     * store fills by itself) has no row of this workspace.
     */
    static void assertCoversEverySchemaTable(WorkbenchStore store, UUID workspaceId) throws SQLException {
        try (Connection c = store.dataSource().getConnection()) {
            for (String table : WorkspaceTables.read(c).recordTables()) {
                long n = Jdbc.one(c, rs -> rs.getLong(1), "SELECT COUNT(*) FROM " + table + " WHERE "
                        + WorkspaceTables.read(c).scope(table), workspaceId).orElseThrow();
                assertThat(n).as("rows of the workspace in " + table + " (extend EveryKind.fill)").isPositive();
            }
        }
    }
}
