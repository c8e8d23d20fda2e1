package org.planwright.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.EstimatorModel;
import org.planwright.store.Feedback;
import org.planwright.store.TrialOutcome;
import org.planwright.store.Workspace;
import org.planwright.store.WorkbenchStore;

/** The loop over a real H2 store file: record, retrain, version, report; figures survive a restart. */
class LearningServiceTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-03T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void outcomesTrainAVersionedModelAndTheReportIsTheSameAfterARestart() {
        LearningReport first;
        UUID wsId;
        try (WorkbenchStore store = WorkbenchStore.open(dir, clock)) {
            Workspace ws = store.workspaces().create("acme");
            wsId = ws.id();
            LearningService service = new LearningService(store, LearningSettings.defaults(), clock);
            List<TrialOutcome> outcomes = SyntheticOutcomes.generate(120, ws.id(), 21);
            for (TrialOutcome o : outcomes.subList(0, 20)) {
                assertThat(service.record(o)).isTrue();
            }
            assertThat(service.record(outcomes.getFirst())).isFalse();
            assertThat(service.retrainIfDue(ws.id())).as("20 < 30 outcomes").isEmpty();
            assertThat(service.estimator(ws.id()).isLearned()).isFalse();
            outcomes.subList(20, 120).forEach(service::record);

            EstimatorModel v1 = service.retrainIfDue(ws.id()).orElseThrow();
            assertThat(v1.version()).isEqualTo(1);
            assertThat(v1.deployed()).isTrue();
            assertThat(v1.holdoutMae()).isLessThan(v1.baselineMae());
            assertThat(service.retrainIfDue(ws.id())).as("no new outcomes").isEmpty();
            Estimate e = service.estimator(ws.id()).estimate(Candidate.of(outcomes.getLast()), service.patternMemory(ws.id()));
            assertThat(e.source()).isEqualTo(Estimate.Source.LEARNED);
            assertThat(e.modelVersion()).isEqualTo(1);

            store.learning().feedback().save(new Feedback(UUID.randomUUID(), ws.id(), outcomes.getLast().trialId(),
                    "index", 5, true, "great", 200.0, 50.0, Feedback.MetricsSource.MEASURED, 70.0, false, null, null));
            first = service.report(ws);
            assertThat(first.trials()).isEqualTo(120);
            assertThat(first.feedback()).isEqualTo(1);
            assertThat(first.estimator()).isEqualTo("learned model v1");
            assertThat(first.learnedHoldoutMae()).isLessThan(first.costOnlyHoldoutMae());
            assertThat(first.models()).hasSize(1);
            assertThat(first.topPatterns()).isNotEmpty();
            assertThat(first.bias()).extracting(LearningReport.KindBias::kind).contains("index", "statistics");
            assertThat(LearningReports.text(first)).contains("learned model v1", "Bias by recommendation kind");
            assertThat(LearningReports.markdown(first)).contains("# Learning report: acme", "| kind |");
        }
        try (WorkbenchStore again = WorkbenchStore.open(dir, clock)) {
            Workspace ws = again.workspaces().find(wsId).orElseThrow();
            LearningReport second = new LearningService(again, LearningSettings.defaults(), clock).report(ws);
            assertThat(second).isEqualTo(first);
        }
    }
}
