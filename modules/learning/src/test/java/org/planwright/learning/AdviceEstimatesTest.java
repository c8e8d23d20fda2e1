package org.planwright.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.sqltext.fingerprint.QueryPatterns;
import org.planwright.store.TrialOutcome;

/** New advice seen through pattern memory and the estimator in use (issue 10: proven advice comes first). */
class AdviceEstimatesTest {

    private static final String QUERY = "SELECT c.customer_id, count(*) FROM customer c JOIN rental r"
            + " ON r.customer_id = c.customer_id WHERE r.rental_date > '2022-06-01' GROUP BY c.customer_id";
    private static final String SIGNATURE = QueryPatterns.of(QUERY).signature().text();
    private static final UUID WS = UUID.randomUUID();
    private final LearningSettings settings = LearningSettings.defaults();

    private static Recommendation rec(RecommendationKind kind, String sql, double percent) {
        return new Recommendation(kind, kind.jsonName() + " " + sql, "q", sql, "", List.of(),
                new EstimatedImprovement(percent, 0.5, "what-if"), SIGNATURE);
    }

    private static List<TrialOutcome> history(String kind, double actual, int n) {
        List<TrialOutcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(600L * i + (kind.equals("index") ? 0 : 300));
            out.add(new TrialOutcome(UUID.randomUUID(), WS, kind, "other query " + i, SIGNATURE, 40, 0.6, actual,
                    Map.of(), at, at.plusSeconds(10)));
        }
        return out;
    }

    @Test
    void adviceProvenOnThisQueryShapeComesBeforeAdviceThatFailedThereAtTheSameEstimate() {
        List<TrialOutcome> past = new ArrayList<>(history("setting", -8, 6));
        past.addAll(history("index", 55, 6));
        PatternMemory memory = new PatternMemory(past, settings);
        Recommendation setting = rec(RecommendationKind.SETTING, "SET LOCAL work_mem = '64MB'", 40);
        Recommendation index = rec(RecommendationKind.INDEX, "CREATE INDEX ON rental (rental_date, customer_id)", 40);

        List<AdviceEstimates.Estimated> ranked = AdviceEstimates.rank(List.of(setting, index), QUERY, Map.of(), memory,
                Estimator.costOnly(past, settings));

        assertThat(ranked).extracting(AdviceEstimates.Estimated::recommendation).containsExactly(index, setting);
        AdviceEstimates.Estimated first = ranked.getFirst();
        AdviceEstimates.Estimated last = ranked.getLast();
        assertThat(first.confidence()).as("raised by 6 successes of 6").isGreaterThan(0.5);
        assertThat(last.confidence()).as("lowered by 6 failures of 6").isLessThan(0.5);
        assertThat(first.estimate().source()).isEqualTo(Estimate.Source.COST_ONLY);
        assertThat(first.estimate().percent()).as("an index's cost-only estimate: its what-if cost cut").isEqualTo(40,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.estimate().low()).isLessThan(40);
        assertThat(first.estimate().high()).isGreaterThan(40);
        assertThat(first.describe()).contains("cost-only estimate").contains("Pattern memory: this query shape")
                .contains("6 index trials").contains("confidence 50 % -> ");
    }

    @Test
    void withoutHistoryTheAdvisorsOrderAndConfidenceStayAndTheNoteSaysSo() {
        PatternMemory empty = new PatternMemory(List.of(), settings);
        Recommendation big = rec(RecommendationKind.INDEX, "CREATE INDEX ON rental (rental_date)", 70);
        Recommendation small = rec(RecommendationKind.REWRITE, QUERY, 20);
        List<AdviceEstimates.Estimated> ranked = AdviceEstimates.rank(List.of(big, small), QUERY, Map.of(), empty,
                Estimator.costOnly(List.of(), settings));
        assertThat(ranked).extracting(AdviceEstimates.Estimated::recommendation).containsExactly(big, small);
        assertThat(ranked.getFirst().confidence()).isEqualTo(0.5);
        assertThat(ranked.getFirst().describe()).contains("no index trials on this or a similar query shape yet");
    }

    @Test
    void noEstimateNorIntervalPromisesMoreThanTheWholeExecutionTime() {
        List<TrialOutcome> past = history("index", 20, 6); // cost-only said 40 %, trials measured 20 %: wide interval
        Recommendation index = rec(RecommendationKind.INDEX, "CREATE INDEX ON rental (rental_date)", 99);
        Estimate e = AdviceEstimates.rank(List.of(index), QUERY, Map.of(), new PatternMemory(past, settings),
                Estimator.costOnly(past, settings)).getFirst().estimate();
        assertThat(e.percent()).isEqualTo(99, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(e.high()).isEqualTo(100);
        assertThat(e.low()).isLessThan(99);
    }

    @Test
    void aDeployedModelGivesTheLearnedEstimateWithItsIntervalAndVersion() {
        List<TrialOutcome> outcomes = SyntheticOutcomes.generate(200, WS, 3);
        EstimatorTraining.Result r = EstimatorTraining.train(outcomes, null, settings);
        Estimator learned = Estimator.of(r.candidate(), 2);
        Recommendation index = rec(RecommendationKind.INDEX, "CREATE INDEX ON rental (rental_date) INCLUDE (customer_id)", 60);

        AdviceEstimates.Estimated e = AdviceEstimates.rank(List.of(index), QUERY,
                Map.of("executionMs", 12.0, "planCost", 900.0), new PatternMemory(outcomes, settings), learned).getFirst();

        assertThat(e.estimate().source()).isEqualTo(Estimate.Source.LEARNED);
        assertThat(e.estimate().modelVersion()).isEqualTo(2);
        assertThat(e.estimate().low()).isEqualTo(e.estimate().percent() - r.intervalHalfWidth(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(e.estimate().high()).isEqualTo(Math.min(100, e.estimate().percent() + r.intervalHalfWidth()),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(e.describe()).contains("Learned estimate").contains("model v2").contains("advisor's own estimate: 60 %");
        Candidate c = AdviceEstimates.candidate(index, QUERY, Map.of("executionMs", 12.0));
        assertThat(c.features()).containsEntry("indexWidth", 2.0).containsEntry("executionMs", 12.0);
        assertThat(c.fingerprint()).isEqualTo(QueryPatterns.of(QUERY).fingerprint().id());
        assertThat(c.costOnlyPercent()).isEqualTo(60, org.assertj.core.data.Offset.offset(1e-9));
    }
}
