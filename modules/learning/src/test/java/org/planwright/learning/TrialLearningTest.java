package org.planwright.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.Evidence;
import org.planwright.advice.QueryIdentity;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.trial.RunSummary;
import org.planwright.advice.trial.TrialMode;
import org.planwright.advice.trial.TrialResult;
import org.planwright.sqltext.fingerprint.QueryPatterns;
import org.planwright.store.TrialOutcome;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;

/** A finished trial becomes the learning loop's outcome, and it is recorded once in a real store. */
class TrialLearningTest {

    private static final String QUERY = "SELECT count(*) FROM lineitem WHERE l_partkey = 42";

    private static TrialResult trial() {
        Recommendation rec = new Recommendation(RecommendationKind.INDEX, "Index lineitem (l_partkey)",
                QueryIdentity.target(QUERY), "CREATE INDEX CONCURRENTLY ON lineitem (l_partkey)",
                "DROP INDEX CONCURRENTLY IF EXISTS lineitem_l_partkey_idx",
                List.of(new Evidence("Seq Scan on lineitem", "119,998 rows removed by filter")),
                new EstimatedImprovement(97.5, 0.7, "HypoPG: plain EXPLAIN total cost 2,600 -> 65"),
                QueryIdentity.patternSignature(QUERY));
        Instant t0 = Instant.parse("2026-12-03T15:00:00Z");
        return new TrialResult(rec, QUERY, TrialMode.ROLLED_BACK, List.of(), List.of(),
                new RunSummary(12.0, 11.0, 14.0, 1.5, 0), new RunSummary(0.3, 0.25, 0.4, 0.05, 0), 97.5, 0.008,
                2600, 65, "", "", "15.18", Map.of(), t0, t0.plusSeconds(4));
    }

    @Test
    void theOutcomeCarriesKindFingerprintSignatureEstimateActualAndCostRatio() {
        UUID trialId = UUID.randomUUID();
        UUID ws = UUID.randomUUID();
        TrialOutcome o = TrialLearning.outcome(trialId, ws, trial());
        assertThat(o.trialId()).isEqualTo(trialId);
        assertThat(o.recommendationKind()).isEqualTo("index");
        assertThat(o.fingerprint()).isEqualTo(QueryPatterns.of(QUERY).fingerprint().id());
        assertThat(o.patternSignature()).isEqualTo(QueryIdentity.patternSignature(QUERY));
        assertThat(o.estimatedImprovementPercent()).isEqualTo(97.5);
        assertThat(o.actualImprovementPercent()).isEqualTo(97.5);
        assertThat(o.whatIfCostRatio()).isEqualTo(65.0 / 2600);
        assertThat(o.features()).containsEntry("planCost", 2600.0).containsEntry("executionMs", 12.0);
    }

    @Test
    void anIndexForAWorkloadTakesTheMeasuredQuerysSignatureAndItsWidth() {
        TrialResult t = trial();
        Recommendation workloadIndex = new Recommendation(RecommendationKind.INDEX, "Index lineitem (l_partkey)",
                "workload", "CREATE INDEX CONCURRENTLY i ON lineitem (l_partkey, l_suppkey) INCLUDE (l_quantity);",
                "DROP INDEX CONCURRENTLY IF EXISTS i;", List.of(), t.recommendation().estimate(), "");
        TrialResult r = new TrialResult(workloadIndex, t.querySql(), t.mode(), t.before(), t.after(),
                t.beforeSummary(), t.afterSummary(), t.actualImprovementPercent(), t.pValue(), t.costBefore(),
                t.costAfter(), t.beforePlan(), t.afterPlan(), t.serverVersion(), t.settings(), t.startedAt(),
                t.finishedAt());
        TrialOutcome o = TrialLearning.outcome(UUID.randomUUID(), UUID.randomUUID(), r);
        assertThat(o.patternSignature()).isEqualTo(QueryIdentity.patternSignature(QUERY)).isNotBlank();
        assertThat(o.features()).containsEntry("indexWidth", 3.0);
    }

    @Test
    void aHypotheticalTrialMeasuredNothingToLearnFrom() {
        TrialResult t = trial();
        TrialResult hypothetical = new TrialResult(t.recommendation(), t.querySql(), TrialMode.HYPOTHETICAL,
                List.of(), List.of(), null, null, Double.NaN, Double.NaN, 2600, 65, "", "", "15.18", Map.of(),
                t.startedAt(), t.finishedAt());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrialLearning.outcome(UUID.randomUUID(),
                UUID.randomUUID(), hypothetical)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hypothetical");
    }

    @Test
    void aRecordedOutcomeIsCountedOnceAndSurvivesReopeningTheStore(@TempDir Path home) {
        UUID trialId = UUID.randomUUID();
        Workspace ws;
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            ws = store.workspaces().create("Acme");
            LearningService learning = new LearningService(store, LearningSettings.defaults(), Clock.systemUTC());
            assertThat(learning.record(TrialLearning.outcome(trialId, ws.id(), trial()))).isTrue();
            assertThat(learning.record(TrialLearning.outcome(trialId, ws.id(), trial()))).as("again").isFalse();
        }
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            assertThat(store.learning().trialOutcomes().count(ws.id())).isEqualTo(1);
            assertThat(new LearningService(store, LearningSettings.defaults(), Clock.systemUTC()).report(ws).trials())
                    .isEqualTo(1);
        }
    }
}
