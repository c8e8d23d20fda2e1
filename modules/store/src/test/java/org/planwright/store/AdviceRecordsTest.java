package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.Evidence;
import org.planwright.advice.QueryIdentity;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.trial.RunSummary;
import org.planwright.advice.trial.TrialMode;
import org.planwright.advice.trial.TrialResult;
import org.planwright.advice.trial.TrialRun;

/** Recommendations and trials stored completely in a real H2 file, read back equal; explicit columns; no leaks. */
class AdviceRecordsTest extends StoreTestBase {

    private static final String QUERY = "SELECT count(*) FROM lineitem WHERE l_partkey = 42";

    private static Recommendation rec() {
        return new Recommendation(RecommendationKind.INDEX, "Index lineitem (l_partkey)", QueryIdentity.target(QUERY),
                "CREATE INDEX CONCURRENTLY lineitem_l_partkey_idx ON lineitem (l_partkey)",
                "DROP INDEX CONCURRENTLY IF EXISTS lineitem_l_partkey_idx",
                List.of(new Evidence("Seq Scan on lineitem", "299,970 rows removed by filter of 300,000"),
                        new Evidence("HypoPG", "cost 8,123 -> 12")),
                new EstimatedImprovement(99.1, 0.7, "HypoPG: plain EXPLAIN total cost 8,123 -> 12"),
                QueryIdentity.patternSignature(QUERY));
    }

    private static TrialResult trial(Recommendation rec) {
        List<TrialRun> before = List.of(run(TrialRun.Phase.BEFORE, 1, 41.5, false), run(TrialRun.Phase.BEFORE, 2, 43.0,
                false), run(TrialRun.Phase.BEFORE, 3, 30000, true));
        List<TrialRun> after = List.of(run(TrialRun.Phase.AFTER, 1, 0.21, false), run(TrialRun.Phase.AFTER, 2, 0.19,
                false), run(TrialRun.Phase.AFTER, 3, 0.2, false));
        return new TrialResult(rec, QUERY, TrialMode.ROLLED_BACK, before, after, RunSummary.of(before),
                RunSummary.of(after), 99.5, 0.1, 8123, 12.5, "[{\"Plan\":{}}]", "[{\"Plan\":{\"x\":1}}]", "18.1",
                Map.of("work_mem", "4MB", "max_connections", "100"), Instant.parse("2026-12-03T10:00:00Z"),
                Instant.parse("2026-12-03T10:00:02.5Z"));
    }

    private static TrialRun run(TrialRun.Phase phase, int n, double ms, boolean timedOut) {
        return new TrialRun(phase, n, ms, 0.1 * n, timedOut, 100 * n, 7, 0, timedOut ? -1 : 1);
    }

    @Test
    void aRecommendationAndItsTrialAreStoredCompletelyAndReadBackEqual() throws Exception {
        Workspace w = store.workspaces().create("advice");
        StoredRecommendation s = store.adviceRecords().saveRecommendation(w.id(), null, QUERY, rec());
        assertThat(store.adviceRecords().recommendations(w.id())).singleElement().satisfies(r -> {
            assertThat(r.recommendation()).isEqualTo(rec());
            assertThat(r.queryText()).isEqualTo(QUERY);
        });
        TrialResult t = trial(s.recommendation());
        UUID id = store.adviceRecords().saveTrial(w.id(), s.id(), t);
        assertThat(store.adviceRecords().trials(w.id(), s.id())).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo(id);
            assertThat(x.result()).usingRecursiveComparison().isEqualTo(t);
        });
        assertThat(rows("advice_trial_run")).isEqualTo(6);
        assertThat(rows("advice_trial_setting")).isEqualTo(2);
        assertThat(rows("advice_evidence")).isEqualTo(2);
    }

    @Test
    void theLearningColumnsAreExplicit() throws Exception {
        Workspace w = store.workspaces().create("advice");
        StoredRecommendation s = store.adviceRecords().saveRecommendation(w.id(), null, QUERY, rec());
        store.adviceRecords().saveTrial(w.id(), s.id(), trial(s.recommendation()));
        try (var c = store.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT r.kind, r.target, r.pattern_signature, r.estimated_percent, r.confidence,"
                     + " t.actual_percent, t.p_value, t.before_median_ms, t.after_median_ms, t.server_version"
                     + " FROM advice_recommendation r JOIN advice_trial t ON t.recommendation_id = r.id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("index");
            assertThat(rs.getString(2)).isEqualTo(QueryIdentity.target(QUERY)).endsWith("l_partkey = $1");
            assertThat(rs.getString(3)).startsWith("SELECT");
            assertThat(rs.getDouble(4)).isEqualTo(99.1);
            assertThat(rs.getDouble(5)).isEqualTo(0.7);
            assertThat(rs.getDouble(6)).isEqualTo(99.5);
            assertThat(rs.getDouble(7)).isEqualTo(0.1);
            assertThat(rs.getDouble(8)).isEqualTo(43.0);
            assertThat(rs.getDouble(9)).isEqualTo(0.2);
            assertThat(rs.getString(10)).isEqualTo("18.1");
        }
    }

    @Test
    void aTrialOfAnotherWorkspacesRecommendationIsRefusedAndLeavesNothing() throws Exception {
        Workspace a = store.workspaces().create("a");
        Workspace b = store.workspaces().create("b");
        StoredRecommendation s = store.adviceRecords().saveRecommendation(a.id(), null, QUERY, rec());
        assertThatThrownBy(() -> store.adviceRecords().saveTrial(b.id(), s.id(), trial(s.recommendation())))
                .isInstanceOf(StoreException.class);
        assertThat(rows("advice_trial")).isZero();
        assertThat(store.adviceRecords().recommendations(b.id())).isEmpty();
        assertThat(store.adviceRecords().trials(b.id(), s.id())).isEmpty();
    }

    @Test
    void aHypotheticalTrialWithoutRunsKeepsItsNaNsAsNaN() {
        Workspace w = store.workspaces().create("advice");
        StoredRecommendation s = store.adviceRecords().saveRecommendation(w.id(), null, QUERY, rec());
        TrialResult h = new TrialResult(s.recommendation(), QUERY, TrialMode.HYPOTHETICAL, List.of(), List.of(), null,
                null, Double.NaN, Double.NaN, 8123, 12, "[]", "[]", "15.8", Map.of(), Instant.parse(
                "2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T10:00:01Z"));
        store.adviceRecords().saveTrial(w.id(), s.id(), h);
        assertThat(store.adviceRecords().trials(w.id(), s.id())).singleElement().satisfies(x -> {
            assertThat(x.result().actualImprovementPercent()).isNaN();
            assertThat(x.result().pValue()).isNaN();
            assertThat(x.result().mode()).isEqualTo(TrialMode.HYPOTHETICAL);
            assertThat(x.result().beforeSummary()).isNull();
        });
    }
}
