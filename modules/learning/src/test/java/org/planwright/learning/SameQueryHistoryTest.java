package org.planwright.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwright.store.TrialOutcome;

/** The same-query history features (FeatureVector) and the correction the learned estimator fits (EstimatorTraining). */
class SameQueryHistoryTest {

    private static final UUID WS = UUID.randomUUID();
    private static final String SIGNATURE = "SELECT_INNER_JOIN(1)_GROUP_BY";

    private static TrialOutcome outcome(String kind, String fingerprint, double costRatio, double actual, int minute) {
        Instant at = Instant.parse("2026-12-04T08:00:00Z").plusSeconds(60L * minute);
        return new TrialOutcome(UUID.randomUUID(), WS, kind, fingerprint, SIGNATURE, 50, costRatio, actual,
                Map.of("executionMs", 10.0), at, at.plusSeconds(5));
    }

    private static double feature(double[] v, String name) {
        return v[List.of(FeatureVector.names()).indexOf(name)];
    }

    @Test
    void earlierTrialsOfTheSameKindOnTheSameQueryCorrectTheCostOnlyEstimate() {
        // the planner said 20 % and 30 %; the trials measured 70 % and 60 %: median error +40 points
        List<TrialOutcome> earlier = List.of(outcome("setting", "fp-a", 0.8, 70, 0), outcome("setting", "fp-a", 0.7, 60, 1),
                outcome("index", "fp-a", 0.1, 95, 2), outcome("setting", "fp-b", 0.9, -5, 3));
        PatternMemory memory = new PatternMemory(earlier, LearningSettings.defaults());
        Candidate next = Candidate.of(outcome("setting", "fp-a", 0.75, 0, 4));

        List<double[]> history = memory.sameQuery("fp-a", "setting");
        assertThat(history).hasSize(2);
        double[] v = FeatureVector.of(next, 0.5, List.of(), history);
        assertThat(feature(v, "sameQueryTrials")).isEqualTo(2);
        assertThat(feature(v, "sameQueryMedian")).isEqualTo(65);
        assertThat(feature(v, "costOnlyCorrected")).as("25 + median(50, 30)").isCloseTo(65, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void withoutHistoryTheHistoryFeaturesAreTheCostOnlyEstimate() {
        PatternMemory memory = new PatternMemory(List.of(outcome("index", "fp-a", 0.1, 95, 0)), LearningSettings.defaults());
        Candidate unknownQuery = new Candidate("index", SIGNATURE, 0.6, 40, Map.of());
        assertThat(memory.sameQuery(unknownQuery.fingerprint(), "index")).isEmpty();
        assertThat(memory.sameQuery("fp-a", "setting")).as("another kind on the same query").isEmpty();
        double[] v = FeatureVector.of(unknownQuery, 0.5, List.of(), List.of());
        assertThat(feature(v, "sameQueryTrials")).isZero();
        assertThat(feature(v, "sameQueryMedian")).isCloseTo(40, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(feature(v, "costOnlyCorrected")).isCloseTo(40, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theModelFitsTheCostOnlyEstimatesErrorAndAddsItBack() {
        double[] x = FeatureVector.of(Candidate.of(outcome("index", "fp-a", 0.4, 0, 0)), 0.5, List.of(), List.of());
        double[] row = EstimatorTraining.row(x, 75);
        assertThat(row[row.length - 1]).as("target: actual 75 - cost-only 60").isCloseTo(15, org.assertj.core.data.Offset.offset(1e-9));
        // a model fitted on rows that all say "the planner under-estimates by 15 points" adds 15 to the cost-only estimate
        double[][] rows = new double[40][];
        for (int i = 0; i < rows.length; i++) {
            double ratio = 0.2 + 0.015 * i;
            double[] xi = FeatureVector.of(Candidate.of(outcome("index", "fp-" + i, ratio, 0, i)), 0.5, List.of(), List.of());
            rows[i] = EstimatorTraining.row(xi, 100 * (1 - ratio) + 15);
        }
        LearnedEstimator model = new LearnedEstimator(EstimatorTraining.fit(rows), 0);
        assertThat(model.predict(x)).isCloseTo(75, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void theAlgorithmNameFitsTheStoresColumn() {
        assertThat(EstimatorTraining.ALGORITHM).hasSizeLessThanOrEqualTo(100); // V4__learning.sql: VARCHAR(100)
    }
}
