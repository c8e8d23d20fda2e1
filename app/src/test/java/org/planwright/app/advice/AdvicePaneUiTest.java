package org.planwright.app.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Advice pane (Monocle headless, or a real display under Xvfb) over Pagila: Advise lists verified
 * recommendations, Try shows the measured before/after. Writes {@code target/screenshots/advice-pane.png} and
 * {@code advice-trial.png} (the copies in docs/screenshots are taken from them).
 */
@ExtendWith(PostgresExtension.class)
class AdvicePaneUiTest {

    private static AdvicePaneStage pane;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open(PostgresFixture pg) throws Exception {
        pane = AdvicePaneStage.show(AdviceViewModelTest.actions(pg));
    }

    @AfterAll
    static void close() throws TimeoutException {
        pane.close();
        AdviceViewModelTest.closeSessions();
    }

    @Test
    void adviseThenTryShowsTheVerifiedRewriteAndItsMeasuredEffect() throws Exception {
        AdviceViewModel vm = pane.vm();
        pane.advise();
        assertThat(robot.lookup("#advice-details").queryTextInputControl().getText()).contains("Same rows verified");
        pane.shoot("advice-pane.png");
        robot.clickOn("#try-button");
        pane.waitUntil(() -> vm.trialProperty().get() != null && !vm.busyProperty().get(), "the trial");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trial-summary").queryAs(Label.class).getText()).contains("Actual improvement");
        pane.shoot("advice-trial.png");
    }
}
