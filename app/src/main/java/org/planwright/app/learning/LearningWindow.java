package org.planwright.app.learning;

import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.learning.LearningService;
import org.planwright.learning.LearningSettings;
import org.planwright.store.Workspace;
import org.planwright.store.WorkbenchStore;

/**
 * The Learning window (View › Learning…): a {@link LearningPage} over the active workspace, and the feedback form
 * for a trial picked on it; a submitted feedback refreshes the page, and so does coming back to the window (trials
 * and feedback from the Advice pane). Each load first retrains the estimator in the
 * background when enough new trials arrived ({@link LearningService#retrainIfDue}). FX thread only.
 */
public final class LearningWindow {

    private final Stage stage = new Stage();

    /**
     * @param store     opens the store (blocking; called on a worker)
     * @param workspace the active workspace (read on the FX thread)
     */
    public LearningWindow(Window owner, Context context) {
        this(owner, context.executor(), context.store(), context.workspace());
    }

    /**
     * What the page needs, wired by the main view model.
     *
     * @param executor  background work
     * @param store     the workbench store (opened on first use; blocking)
     * @param workspace the active workspace
     */
    public record Context(BackgroundExecutor executor, Supplier<WorkbenchStore> store, Supplier<Workspace> workspace) {
    }

    public LearningWindow(Window owner, BackgroundExecutor executor, Supplier<WorkbenchStore> store,
                          Supplier<Workspace> workspace) {
        Workspace ws = workspace.get();
        stage.initOwner(owner);
        stage.setTitle("Learning — " + (ws == null ? "no workspace" : ws.name()));
        LearningPageViewModel vm = new LearningPageViewModel(executor, () -> {
            LearningService service = new LearningService(store.get(), LearningSettings.defaults(),
                    java.time.Clock.systemUTC());
            service.retrainIfDue(ws.id()); // on the worker: enough new trials since the last version train a new one
            return service.snapshot(ws);
        });
        FeedbackFormViewModel.FeedbackGateway gateway = new StoreFeedbackGateway(() -> store.get().learning().feedback());
        LearningPage page = new LearningPage(vm, trial -> new FeedbackForm(stage, new FeedbackFormViewModel(executor,
                gateway, new FeedbackFormViewModel.Subject(trial.workspaceId(), trial.trialId(),
                trial.recommendationKind(), trial.estimatedImprovementPercent(), null, null), f -> vm.refresh())).show());
        stage.setScene(new Scene(page, 1280, 900));
        if (ws != null) {
            vm.refresh();
            // trials and feedback recorded from the Advice pane meanwhile show when the DBA comes back here
            stage.focusedProperty().addListener((o, was, is) -> {
                if (is) {
                    vm.refresh();
                }
            });
        }
    }

    public void show() {
        stage.show();
    }
}
