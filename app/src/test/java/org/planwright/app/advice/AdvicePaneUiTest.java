package org.planwright.app.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.main.Theme;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Advice pane (Monocle headless, or a real display under Xvfb) over Pagila: Advise lists verified
 * recommendations, Try shows the measured before/after. Writes {@code target/screenshots/advice-pane.png} and
 * {@code advice-trial.png} (the copies in docs/screenshots are taken from them).
 */
@ExtendWith(PostgresExtension.class)
class AdvicePaneUiTest {

    private static FxBackgroundExecutor executor;
    private static Stage stage;
    private static AdviceViewModel vm;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open(PostgresFixture pg) throws Exception {
        AdviceActions actions = AdviceViewModelTest.actions(pg);
        FxToolkit.registerPrimaryStage();
        executor = new FxBackgroundExecutor();
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            vm = new AdviceViewModel(executor, actions, (h, q) -> false);
            stage = new Stage();
            stage.setScene(new Scene(new AdvicePane(vm, () -> AdviceViewModelTest.QUERY, t -> { }), 1200, 620));
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
    }

    @AfterAll
    static void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stage.close());
        executor.close();
        AdviceViewModelTest.closeSessions();
        FxToolkit.cleanupStages();
    }

    @Test
    void adviseThenTryShowsTheVerifiedRewriteAndItsMeasuredEffect() throws Exception {
        robot.clickOn("#advise-button");
        waitUntil(() -> !vm.recommendations().isEmpty() && !vm.busyProperty().get(), "advice");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#advice-details").queryTextInputControl().getText()).contains("Same rows verified");
        shoot("advice-pane.png");
        robot.clickOn("#try-button");
        waitUntil(() -> vm.trialProperty().get() != null && !vm.busyProperty().get(), "the trial");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trial-summary").queryAs(Label.class).getText()).contains("Actual improvement");
        shoot("advice-trial.png");
    }

    private void shoot(String name) throws Exception {
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
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
