package org.planwright.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwright.store.TrialOutcome;

class EstimatorTrainingTest {

    private final LearningSettings settings = LearningSettings.defaults();
    private final UUID ws = UUID.randomUUID();

    @Test
    void belowTheMinimumTheCostOnlyEstimateStaysAndSaysSo() {
        List<TrialOutcome> few = SyntheticOutcomes.generate(settings.minTrainingSize() - 1, ws, 1);
        EstimatorTraining.Result r = EstimatorTraining.train(few, null, settings);
        assertThat(r.candidate()).isNull();
        assertThat(r.deploy()).isFalse();
        Estimate e = Estimator.costOnly(few, settings).estimate(Candidate.of(few.getFirst()), new PatternMemory(few, settings));
        assertThat(e.source()).isEqualTo(Estimate.Source.COST_ONLY);
        assertThat(e.percent()).isEqualTo(few.getFirst().costOnlyEstimatePercent());
        assertThat(e.low()).isLessThan(e.percent());
        assertThat(e.high()).isGreaterThan(e.percent());
        assertThat(e.explanation()).contains("not enough trials");
    }

    @Test
    void aLearnedModelBeatsTheCostOnlyEstimateOnHeldOutTrialsAndIsDeployed() {
        List<TrialOutcome> outcomes = SyntheticOutcomes.generate(250, ws, 7);
        EstimatorTraining.Result r = EstimatorTraining.train(outcomes, null, settings);
        assertThat(r.holdoutSize()).isEqualTo(50);
        assertThat(r.baseline()).isEqualTo("cost-only");
        assertThat(r.holdoutMae()).isLessThan(r.baselineMae());
        assertThat(r.holdoutMedianAe()).isLessThan(r.baselineMedianAe());
        assertThat(r.deploy()).isTrue();
        assertThat(r.cvMae()).isPositive();
        assertThat(r.intervalHalfWidth()).isPositive();

        // the stored bytes come back as the same model
        Estimator learned = Estimator.learned(r.modelBytes(), 1, Estimator.costOnly(outcomes, settings));
        assertThat(learned.isLearned()).isTrue();
        PatternMemory memory = new PatternMemory(outcomes, settings);
        Estimate e = learned.estimate(Candidate.of(outcomes.getLast()), memory);
        assertThat(e.source()).isEqualTo(Estimate.Source.LEARNED);
        assertThat(e.high() - e.low()).isEqualTo(2 * r.intervalHalfWidth(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aCandidateThatIsNotBetterThanTheDeployedModelIsNotDeployed() {
        List<TrialOutcome> outcomes = SyntheticOutcomes.generate(200, ws, 11);
        // the deployed model was trained on nearly everything, the later hold-out included: hard to beat there
        LearningSettings almostNoHoldout = new LearningSettings(10, 50, 30, 0.01, 0.6, 4, 10);
        EstimatorTraining.Result first = EstimatorTraining.train(outcomes, null, almostNoHoldout);
        Estimator deployed = Estimator.learned(first.modelBytes(), 1, Estimator.costOnly(outcomes, settings));
        EstimatorTraining.Result again = EstimatorTraining.train(outcomes, deployed, settings);
        assertThat(again.baseline()).isEqualTo("model v1");
        assertThat(again.holdoutMae()).isGreaterThan(again.baselineMae());
        assertThat(again.deploy()).isFalse();
    }

    @Test
    void unreadableModelBytesFallBackToCostOnly() {
        Estimator fallback = Estimator.costOnly(List.of(), settings);
        assertThat(Estimator.learned(new byte[] {1, 2, 3}, 4, fallback)).isSameAs(fallback);
    }
}
