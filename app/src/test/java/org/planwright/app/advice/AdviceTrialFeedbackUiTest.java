package org.planwright.app.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.Recommendation;
import org.planwright.advice.trial.AppliedChange;
import org.planwright.advice.trial.TrialResult;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.main.Theme;
import org.planwright.learning.LearningService;
import org.planwright.learning.LearningSettings;
import org.planwright.learning.TrialLearning;
import org.planwright.store.Feedback;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The feedback form right after a trial (issue 10), on the real Advice pane (Monocle headless, or Xvfb) over Pagila
 * and a real H2 store: when the trial finishes, the form opens by itself, modeless, pre-filled with the measured
 * before/after medians; closed half-filled it keeps a draft that the Feedback… button restores; submitted, the
 * feedback is stored against that trial and the Learning page's snapshot counts it. Writes
 * {@code target/screenshots/advice-feedback.png}.
 */
@ExtendWith(PostgresExtension.class)
class AdviceTrialFeedbackUiTest {

    @TempDir
    static Path home;

    private static FxBackgroundExecutor executor;
    private static Stage stage;
    private static AdviceViewModel vm;
    private static WorkbenchStore store;
    private static Workspace workspace;
    private static final Map<TrialResult, UUID> STORED = new ConcurrentHashMap<>();
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open(PostgresFixture pg) throws Exception {
        store = WorkbenchStore.open(home);
        workspace = store.workspaces().create("Pagila");
        LearningService learning = new LearningService(store, LearningSettings.defaults(), Clock.systemUTC());
        AdviceActions real = AdviceViewModelTest.actions(pg);
        // stored and recorded as AdviceHost does it
        AdviceActions storing = new AdviceActions() {
            @Override
            public List<Recommendation> advise(String sql, ProgressListener p, Cancellation c) throws Exception {
                return real.advise(sql, p, c);
            }

            @Override
            public TrialResult tryOut(Recommendation rec, String sql, boolean consent, ProgressListener p,
                                      Cancellation c) throws Exception {
                TrialResult r = real.tryOut(rec, sql, consent, p, c);
                UUID recId = store.adviceRecords().saveRecommendation(workspace.id(), null, sql, rec).id();
                UUID trialId = store.adviceRecords().saveTrial(workspace.id(), recId, r);
                learning.record(TrialLearning.outcome(trialId, workspace.id(), r));
                STORED.put(r, trialId);
                return r;
            }

            @Override
            public AppliedChange apply(Recommendation rec) throws Exception {
                return real.apply(rec);
            }
        };
        FxToolkit.registerPrimaryStage();
        executor = new FxBackgroundExecutor();
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            vm = new AdviceViewModel(executor, storing, (h, q) -> false);
            stage = new Stage();
            stage.setScene(new Scene(new AdvicePane(vm, () -> AdviceViewModelTest.QUERY, t -> { },
                    TrialFeedback.opener(stage, executor, STORED::get, workspace::id,
                            () -> Optional.of(store.learning().feedback()), f -> { })), 1200, 620));
            stage.show();
        });
    }

    @AfterAll
    static void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stage.close());
        executor.close();
        AdviceViewModelTest.closeSessions();
        FxToolkit.cleanupStages();
        store.close();
    }

    @Test
    void theFormOpensAfterATrialPrefilledKeepsADraftAndStoresTheFeedbackAgainstTheTrial() throws Exception {
        robot.clickOn("#advise-button");
        waitUntil(() -> !vm.recommendations().isEmpty() && !vm.busyProperty().get(), "advice");
        robot.clickOn("#try-button");
        waitUntil(() -> vm.trialProperty().get() != null && !vm.busyProperty().get(), "the trial");
        // the form fills its fields one after another on the FX thread: wait for both measured medians
        waitUntil(() -> robot.lookup("#before-ms").tryQuery().isPresent()
                && robot.lookup("#after-ms").tryQuery().isPresent()
                && !robot.lookup("#before-ms").queryAs(TextField.class).getText().isEmpty()
                && !robot.lookup("#after-ms").queryAs(TextField.class).getText().isEmpty(), "the form");
        TrialResult trial = vm.trialProperty().get();
        UUID trialId = STORED.get(trial);
        TextField before = robot.lookup("#before-ms").queryAs(TextField.class);
        TextField after = robot.lookup("#after-ms").queryAs(TextField.class);
        assertThat(Double.parseDouble(before.getText())).isEqualTo(trial.beforeSummary().medianMillis(),
                org.assertj.core.data.Offset.offset(0.051));
        assertThat(Double.parseDouble(after.getText())).isEqualTo(trial.afterSummary().medianMillis(),
                org.assertj.core.data.Offset.offset(0.051));
        Stage form = formStage();
        assertThat(form.getModality()).isEqualTo(javafx.stage.Modality.NONE);
        robot.clickOn("#stars-4");
        WaitForAsyncUtils.waitForFxEvents();
        shoot(form, "advice-feedback.png");

        // closed half-filled: a draft against the trial
        robot.interact(form::close);
        waitUntil(() -> store.learning().feedback().draftFor(workspace.id(), trialId).isPresent(), "the draft");
        assertThat(store.learning().feedback().draftFor(workspace.id(), trialId).get().rating()).isEqualTo(4);

        // Feedback… opens it again with the draft; submitted, it is the trial's feedback
        robot.clickOn("#feedback-button");
        waitUntil(() -> robot.lookup("#stars-4").tryQuery().isPresent()
                && robot.lookup("#stars-4").queryAs(javafx.scene.control.ToggleButton.class).isSelected(), "the draft");
        robot.clickOn("#submit-feedback");
        waitUntil(() -> store.learning().feedback().list(workspace.id()).stream()
                .anyMatch(f -> trialId.equals(f.trialId()) && !f.draft()), "the submitted feedback");
        Feedback stored = store.learning().feedback().list(workspace.id()).stream()
                .filter(f -> trialId.equals(f.trialId()) && !f.draft()).findFirst().orElseThrow();
        assertThat(stored.metricsSource()).isEqualTo(Feedback.MetricsSource.MEASURED);
        assertThat(stored.recommendationKind()).isEqualTo(trial.recommendation().kind().jsonName());
        assertThat(new LearningService(store, LearningSettings.defaults(), Clock.systemUTC()).snapshot(workspace)
                .report().feedback()).isEqualTo(1);
    }

    private static Stage formStage() {
        return (Stage) Window.getWindows().stream().filter(w -> w != stage && w.getScene() != null
                && w.getScene().lookup("#before-ms") != null).findFirst().orElseThrow();
    }

    private void shoot(Stage s, String name) throws Exception {
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = s.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what + ": " + vm.statusProperty().get(), e);
        }
    }
}
