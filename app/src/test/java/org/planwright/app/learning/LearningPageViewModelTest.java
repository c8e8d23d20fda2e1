package org.planwright.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.learning.LearningService;
import org.planwright.learning.LearningSettings;
import org.planwright.learning.SyntheticOutcomes;
import org.planwright.store.Feedback;
import org.planwright.store.TrialOutcome;
import org.planwright.store.Workspace;
import org.planwright.store.WorkbenchStore;

/** The Learning page's view model over a real H2 store: the snapshot, its messages, live refresh after feedback. */
class LearningPageViewModelTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyWorkspaceSaysSoAndTheCostOnlyEstimateIsExplained() {
        try (WorkbenchStore store = WorkbenchStore.open(dir)) {
            Workspace ws = store.workspaces().create("acme");
            LearningService service = new LearningService(store, LearningSettings.defaults(), Clock.systemUTC());
            LearningPageViewModel vm = new LearningPageViewModel(new SameThreadExecutor(), () -> service.snapshot(ws));
            vm.refresh();
            assertThat(vm.messageProperty().get()).startsWith("No trials yet");
            assertThat(vm.snapshotProperty().get().estimatorNote()).contains("0 of 30 trials needed");
            assertThat(vm.loadingProperty().get()).isFalse();
        }
    }

    @Test
    void trialsAndFeedbackAppearAndARefreshFollowsNewFeedback() {
        try (WorkbenchStore store = WorkbenchStore.open(dir)) {
            Workspace ws = store.workspaces().create("acme");
            LearningService service = new LearningService(store, LearningSettings.defaults(), Clock.systemUTC());
            List<TrialOutcome> outcomes = SyntheticOutcomes.generate(60, ws.id(), 3);
            outcomes.forEach(service::record);
            LearningPageViewModel vm = new LearningPageViewModel(new SameThreadExecutor(), () -> service.snapshot(ws));
            vm.refresh();
            assertThat(vm.messageProperty().get()).isEqualTo("60 trials, 0 feedback records");
            assertThat(vm.snapshotProperty().get().accuracy()).hasSize(60);
            assertThat(vm.snapshotProperty().get().estimates()).hasSize(60);
            assertThat(vm.snapshotProperty().get().recentTrials().getFirst()).isEqualTo(outcomes.getLast());

            store.learning().feedback().save(new Feedback(UUID.randomUUID(), ws.id(), outcomes.getLast().trialId(), "index",
                    4, true, null, 100.0, 40.0, Feedback.MetricsSource.MEASURED, 50.0, false, null, null));
            vm.refresh();
            assertThat(vm.messageProperty().get()).isEqualTo("60 trials, 1 feedback records");
            assertThat(vm.snapshotProperty().get().report().feedbackOverall().approvalRate()).isEqualTo(1.0);
        }
    }

    @Test
    void aFailingLoadShowsAMessage() {
        LearningPageViewModel vm = new LearningPageViewModel(new SameThreadExecutor(), () -> {
            throw new IllegalStateException("store locked");
        });
        vm.refresh();
        assertThat(vm.messageProperty().get()).isEqualTo("Could not read the learning data: store locked");
        assertThat(vm.snapshotProperty().get()).isNull();
    }
}
