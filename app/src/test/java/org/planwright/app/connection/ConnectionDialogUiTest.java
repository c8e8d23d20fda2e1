package org.planwright.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.app.status.StatusViewModel;
import org.planwright.app.main.Theme;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.TargetConnector;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The connection dialog in a real scene (Monocle headless): a libpq URI typed into the connection-string field
 * and confirmed with Enter fills the fields, its password lands in the password field (shown as dots), and the
 * string field keeps no password. Writes the dialog's screenshot.
 */
class ConnectionDialogUiTest {

    private static Stage stage;
    private static ConnectionDialog dialog;
    private static ConnectionFormViewModel form;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void showDialog() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        SameThreadExecutor executor = new SameThreadExecutor();
        ConnectionViewModel connection = new ConnectionViewModel(new TargetConnector(), new PasswordSource(Map.of()),
                executor, new StatusViewModel());
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            stage.setScene(new Scene(new StackPane(), 300, 200)); // the dialog copies its owner's stylesheets
            form = new ConnectionFormViewModel(connection, executor);
            form.clear();
            dialog = new ConnectionDialog(stage, form, List.of(), p -> { });
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            if (dialog != null) {
                dialog.close();
            }
        });
        FxToolkit.cleanupStages();
    }

    @Test
    void aTypedUriFillsTheFieldsAndItsPasswordStaysOutOfTheStringField() throws IOException {
        TextField string = robot.lookup("#connection-url").queryAs(TextField.class);
        paste(string, "postgres://dba:s3cr3t@db.example.com:6432/shop?sslmode=require");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#connection-host").queryAs(TextField.class).getText()).isEqualTo("db.example.com");
        assertThat(robot.lookup("#connection-port").queryAs(TextField.class).getText()).isEqualTo("6432");
        assertThat(robot.lookup("#connection-database").queryAs(TextField.class).getText()).isEqualTo("shop");
        assertThat(robot.lookup("#connection-user").queryAs(TextField.class).getText()).isEqualTo("dba");
        assertThat(string.getText()).isEmpty();
        assertThat(robot.lookup(".password-field").queryAs(PasswordField.class).getText()).isEqualTo("s3cr3t");
        assertThat(robot.lookup("#test-result").queryLabeled().getText()).contains("filled");
        screenshot(string);

        paste(string, "host=primary,replica dbname=shop target_session_attrs=read-write");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(string.getText()).isEqualTo("host=primary,replica dbname=shop target_session_attrs=read-write");
        assertThat(robot.lookup("#connection-host").queryAs(TextField.class).getText()).isEqualTo("primary");
    }

    /** What a paste does to the field: focus, then the whole text in one change. */
    private void paste(TextField field, String text) {
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
            field.end();
        });
    }

    private void screenshot(TextField inDialog) throws IOException {
        Path out = Path.of("target", "screenshots", "connection-dialog.png");
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = inDialog.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }
}
