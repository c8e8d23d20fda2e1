package org.planwright.app.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.testfx.api.FxRobot;

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

    private static AdvicePaneStage pane;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open(PostgresFixture pg) throws Exception {
        AdviceLearningTest.open(pg, home);
        pane = AdvicePaneStage.show(AdviceLearningTest.actions(new ArrayList<>(), new ConcurrentHashMap<>()));
    }

    @AfterAll
    static void close() throws TimeoutException {
        pane.close();
        AdviceLearningTest.closeAll();
    }

    @Test
    void theDetailsShowTheLearnedEstimateAndPatternMemory() throws Exception {
        pane.advise();
        assertThat(robot.lookup("#advice-details").queryTextInputControl().getText()).startsWith("Learned estimate: ")
                .contains("model v" + AdviceLearningTest.model.version()).contains("Pattern memory: ");
        assertThat(pane.vm().statusProperty().get()).contains("ranked by expected benefit");
        pane.shoot("advice-learned.png");
    }
}
