package org.planwright.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.AppOptions;
import org.planwright.app.PlanwrightApp;
import org.planwright.store.Keychain;
import org.planwright.store.StoreEncryption;
import org.planwright.store.StoreUnlock;
import org.planwright.store.WorkbenchStore;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole application started on a store encrypted under a master password (Monocle headless, a real H2 file):
 * the unlock window comes first, a wrong password is said so and the window stays, the right one opens the main
 * window on the store's workspaces.
 */
class StoreUnlockUiTest {

    private static final String MASTER = "four words are best";

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private PlanwrightApp app;

    @AfterEach
    void stop() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aWrongPasswordIsSaidSoAndTheRightOneOpensTheMainWindow() throws Exception {
        try (WorkbenchStore s = WorkbenchStore.open(home)) {
            s.workspaces().create("Demo");
            s.workspaces().create("Acme Bank");
        }
        StoreEncryption.enable(home, Keychain.none(), MASTER.toCharArray());
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(StoreUnlock.MASTER_PASSWORD_ENV) == null,
                StoreUnlock.MASTER_PASSWORD_ENV + " is set in this environment: the app would use it, not ask");

        Stage primary = FxToolkit.registerPrimaryStage();
        app = (PlanwrightApp) FxToolkit.setupApplication(() -> new PlanwrightApp(AppOptions.direct(home, null,
                "SELECT 1;\n")));
        StoreUnlockDialog dialog = app.unlockDialog();
        assertThat(dialog).as("the unlock window").isNotNull();
        waitUntil(dialog::isShowing, "the unlock window to show");
        assertThat(app.window()).as("no main window before the store is unlocked").isNull();
        assertThat(primary.isShowing()).isFalse();

        PasswordField field = robot.lookup("#store-unlock-password").queryAs(PasswordField.class);
        Label message = robot.lookup("#store-unlock-message").queryAs(Label.class);
        robot.clickOn(field).write("not the password").type(KeyCode.ENTER);
        waitUntil(() -> message.isVisible() && message.getText().startsWith("That is not the master password"),
                "the wrong-password message");
        assertThat(dialog.isShowing()).isTrue();
        assertThat(field.getText()).as("the field is emptied for the next try").isEmpty();
        assertThat(app.window()).isNull();

        robot.clickOn(field).write(MASTER).type(KeyCode.ENTER);
        waitUntil(() -> app.window() != null && primary.isShowing(), "the main window");
        waitUntil(() -> !dialog.isShowing(), "the unlock window to close");
        waitUntil(() -> app.window().viewModel().workspaceProperty().get() != null, "the store's workspace");
        assertThat(app.services().store()).hasValueSatisfying(s -> assertThat(s.workspaces().list())
                .extracting(w -> w.name()).contains("Demo", "Acme Bank"));
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting for " + what);
        }
    }
}
