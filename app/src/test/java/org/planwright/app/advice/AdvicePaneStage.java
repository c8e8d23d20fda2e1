package org.planwright.app.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.main.Theme;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Test harness: the real Advice pane on a stage of its own (light theme, 1200 x 620, at the origin) over the given
 * actions and {@link AdviceViewModelTest#QUERY}, with waiting and a screenshot into {@code target/screenshots}. Open it
 * in {@code @BeforeAll} and close it in {@code @AfterAll}.
 */
final class AdvicePaneStage {

    private final FxBackgroundExecutor executor;
    private final FxRobot robot = new FxRobot();
    private AdviceViewModel vm;
    private Stage stage;

    private AdvicePaneStage(AdviceActions actions) throws TimeoutException {
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

    static AdvicePaneStage show(AdviceActions actions) throws TimeoutException {
        return new AdvicePaneStage(actions);
    }

    AdviceViewModel vm() {
        return vm;
    }

    /** Clicks Advise and waits for the recommendations. */
    void advise() {
        robot.clickOn("#advise-button");
        waitUntil(() -> !vm.recommendations().isEmpty() && !vm.busyProperty().get(), "advice");
        WaitForAsyncUtils.waitForFxEvents();
    }

    void waitUntil(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what + ": " + vm.statusProperty().get(), e);
        }
    }

    /** Writes the stage's scene to {@code target/screenshots/NAME}. */
    void shoot(String name) throws Exception {
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }

    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stage.close());
        executor.close();
        FxToolkit.cleanupStages();
    }
}
