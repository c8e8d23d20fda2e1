package org.planwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.AppOptions;
import org.planwright.app.PlanwrightApp;
import org.planwright.app.editor.EditorTabViewModel;
import org.planwright.app.main.MainWindow;
import org.planwright.app.plan.InsightItem;
import org.planwright.app.preferences.PreferencesDialog;
import org.planwright.plans.InsightThreshold;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The preferences dialog in the real main window (Monocle headless) on Pagila: a threshold changed in the dialog
 * changes the tips of the next EXPLAIN ANALYZE, and the stored value survives; writes the dialog's screenshot.
 */
@ExtendWith(PostgresExtension.class)
class PreferencesDialogUiTest {

    /** Seq Scan on rental (16,044 rows) keeping one row in a hundred: 99 % removed by the filter. */
    private static final String QUERY = "SELECT * FROM rental WHERE rental_id % 100 = 0;";

    @TempDir
    static Path home;

    private static PlanwrightApp app;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp(PostgresFixture pg) throws Exception {
        pg.pagila();
        ConnectionProfile pagila = new ConnectionProfile(UUID.randomUUID(), "Pagila", ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", pg.sandbox().port(), "pagila", pg.user(), null, null);
        FxToolkit.registerPrimaryStage();
        app = (PlanwrightApp) FxToolkit.setupApplication(() -> new PlanwrightApp(AppOptions.direct(home, pagila,
                QUERY + "\n")));
        window = app.window();
        waitUntil(() -> window.viewModel().connection().active().isPresent()
                && app.services().store().isPresent(), "the Pagila connection and the store");
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aStricterRemovedFractionSetInTheDialogRemovesTheSeqScanTipOfTheNextAnalysis() throws IOException {
        assertThat(explainAnalyze()).anySatisfy(i -> assertThat(i.title()).contains("Seq Scan on rental")
                .contains("removes 99.0% of the rows it reads"));

        robot.interact(() -> Platform.runLater(window::showPreferences));
        waitUntil(() -> robot.lookup("#" + PreferencesDialog.fieldId(InsightThreshold.REMOVED_FRACTION))
                .tryQuery().isPresent(), "the preferences dialog");
        TextField fraction = robot.lookup("#" + PreferencesDialog.fieldId(InsightThreshold.REMOVED_FRACTION))
                .queryAs(TextField.class);
        assertThat(fraction.getText()).isEqualTo("90");
        robot.clickOn(fraction);
        selectAllAndType("0");
        Button ok = robot.lookup("#preferences-ok").queryButton();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ok.isDisabled()).as("0 % is refused").isTrue();
        assertThat(robot.lookup("#preferences-error").queryLabeled().getText()).contains("percentage above 0");
        selectAllAndType("99.5");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ok.isDisabled()).isFalse();
        screenshot(fraction);
        robot.clickOn(ok);
        waitUntil(() -> window.viewModel().insightPreferences().current().removedFraction() == 0.995,
                "the thresholds to apply");

        List<InsightItem> after = explainAnalyze();
        assertThat(after).noneMatch(i -> i.title().contains("of the rows it reads"));
        assertThat(after).anySatisfy(i -> assertThat(i.title()).contains("Seq Scan on rental").contains("execution time"));
        waitUntil(() -> app.services().store().orElseThrow().preferences()
                .getDouble("insights.threshold.removed-rows.fraction").isPresent(), "the preference to be stored");
        assertThat(app.services().store().orElseThrow().preferences()
                .getDouble("insights.threshold.removed-rows.fraction")).contains(0.995);
    }

    private void selectAllAndType(String text) {
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<InsightItem> explainAnalyze() {
        robot.interact(() -> {
            EditorTabViewModel tab = window.viewModel().editors().newTab(QUERY);
            CodeArea area = window.editorTabs().editorFor(tab).codeArea();
            area.moveTo(3);
            area.requestFocus();
            window.viewModel().plan().clear();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.viewModel().explain().explain(true));
        waitUntil(() -> window.viewModel().plan().planProperty().get() != null
                && !window.viewModel().queries().runningProperty().get(), "the analyzed plan");
        return List.copyOf(window.viewModel().plan().insights());
    }

    private void screenshot(TextField inDialog) throws IOException {
        Path out = Path.of("target", "screenshots", "preferences-dialog.png");
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = inDialog.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
