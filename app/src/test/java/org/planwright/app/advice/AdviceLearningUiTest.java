package org.planwright.app.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.main.Theme;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Advice pane (Monocle headless, or Xvfb) with a workspace whose learning loop has a deployed model
 * ({@link AdviceLearningTest}'s store): after Advise the details start with the learned estimate, its interval and
 * model version, and pattern memory's word, and the status says the order is by expected benefit. Writes
 * {@code target/screenshots/advice-learned.png} (the copy in docs/screenshots is taken from it).
 */
@ExtendWith(PostgresExtension.class)
class AdviceLearningUiTest {

    @TempDir
    static Path home;

    private static FxBackgroundExecutor executor;
    private static Stage stage;
    private static AdviceViewModel vm;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open(PostgresFixture pg) throws Exception {
        AdviceLearningTest.open(pg, home);
        AdviceActions actions = AdviceLearningTest.actions(new ArrayList<>(), new ConcurrentHashMap<>());
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
        AdviceLearningTest.closeAll();
        FxToolkit.cleanupStages();
    }

    @Test
    void theDetailsShowTheLearnedEstimateAndPatternMemory() throws Exception {
        robot.clickOn("#advise-button");
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !vm.recommendations().isEmpty() && !vm.busyProperty().get());
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for advice: " + vm.statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#advice-details").queryTextInputControl().getText()).startsWith("Learned estimate: ")
                .contains("model v" + AdviceLearningTest.model.version()).contains("Pattern memory: ");
        assertThat(vm.statusProperty().get()).contains("ranked by expected benefit");
        Path out = Path.of("target", "screenshots", "advice-learned.png");
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }
}
