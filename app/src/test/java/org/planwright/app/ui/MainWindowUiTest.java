package org.planwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import org.planwright.app.results.Message;
import org.planwright.plans.PlanNode;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real main window (Monocle headless) wired to a real PostgreSQL with the Pagila database and a
 * workbench store in a temporary folder; the sandbox/demo start-up is skipped through {@link AppOptions#direct}.
 */
@ExtendWith(PostgresExtension.class)
class MainWindowUiTest {

    @TempDir
    static Path home;

    private static PostgresFixture pg;
    private static PlanwrightApp app;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp(PostgresFixture fixture) throws Exception {
        pg = fixture;
        pg.pagila();
        ConnectionProfile pagila = new ConnectionProfile(UUID.randomUUID(), "Pagila", ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", pg.sandbox().port(), "pagila", pg.user(), null, null);
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (PlanwrightApp) FxToolkit.setupApplication(
                () -> new PlanwrightApp(AppOptions.direct(home, pagila, "SELECT 1;\n")));
        window = app.window();
        waitUntil(() -> window.viewModel().connection().active().isPresent(), "the Pagila connection to open");
        assertThat(stage.isShowing()).isTrue();
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void ctrlEnterRunsTheStatementUnderTheCursorAndShowsItsRows() throws SQLException {
        long expected = count("SELECT count(*) FROM film WHERE rating = 'G'");
        String script = "SELECT 1;\nSELECT film_id, title FROM film WHERE rating = 'G' ORDER BY film_id;\nSELECT 2;";
        EditorTabViewModel tab = show(script, script.indexOf("film_id, title"));

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(() -> window.resultsView().table().getItems().size() == expected
                && !window.viewModel().queries().runningProperty().get(), "the G-rated films to show");
        assertThat(window.resultsView().table().getColumns()).extracting(c -> c.getText())
                .containsExactly("film_id", "title");
        assertThat(window.viewModel().results().summaryProperty().get()).startsWith(expected + " rows · ");
        assertThat(tab.textProperty().get()).isEqualTo(script);
    }

    @Test
    void ctrlEShowsThePlanOfTheStatementUnderTheCursor() {
        String script = "SELECT 1;\n\nSELECT title, length FROM film ORDER BY length DESC, title;\n";
        show(script, script.indexOf("title, length"));

        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);

        waitUntil(() -> window.planView().tree().getRoot() != null
                && !window.viewModel().queries().runningProperty().get(), "the plan to show");
        PlanNode root = window.planView().tree().getRoot().getValue();
        assertThat(root.nodeType()).isEqualTo("Sort");
        assertThat(root.children()).extracting(PlanNode::nodeType).containsExactly("Seq Scan");
        assertThat(root.children().getFirst().relationName()).hasValue("film");
        assertThat(window.viewModel().plan().headerProperty().get()).contains("2 nodes");
    }

    @Test
    void aSyntaxErrorTypedOnLineThreeIsMarkedOnLineThree() {
        EditorTabViewModel tab = show("SELECT 1;\nSELECT 2;\n", "SELECT 1;\nSELECT 2;\n".length());

        robot.write("SELEC title FROM film;");

        // typing is slow on a loaded machine: a check of a half-typed line may land first, so wait for the text
        // to be complete and for a mark naming the misspelt keyword
        try {
            waitUntil(() -> tab.textProperty().get().endsWith("FROM film;")
                    && tab.syntaxMarks().stream().anyMatch(m -> m.message().contains("SELEC")),
                    "the syntax problem to be marked");
        } catch (AssertionError e) {
            // say what the editor held when it timed out (seen once or twice on a loaded machine)
            throw new AssertionError(e.getMessage() + "; text " + tab.textProperty().get().replace("\n", "\\n")
                    + ", marks " + tab.syntaxMarks(), e);
        }
        assertThat(tab.syntaxMarks()).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(3);
            assertThat(m.column()).isEqualTo(1);
            assertThat(m.message()).contains("SELEC");
        });
        CodeArea area = window.editorTabs().editorFor(tab).codeArea();
        int at = tab.textProperty().get().indexOf("SELEC title");
        waitUntil(() -> area.getStyleOfChar(at + 1).contains("syntax-error"), "the squiggle under the keyword");
        assertThat(area.getStyleOfChar(0)).doesNotContain("syntax-error");
    }

    @Test
    void aFailingStatementPutsItsPositionedErrorInTheMessages() {
        String script = "SELECT 1;\nSELECT title\n  FROM no_such_table;";
        show(script, script.indexOf("title"));
        int before = window.viewModel().results().messages().size();

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(() -> window.viewModel().results().messages().size() > before
                && !window.viewModel().queries().runningProperty().get(), "the error message");
        Message error = window.viewModel().results().messages().getLast();
        assertThat(error.severity()).isEqualTo(Message.Severity.ERROR);
        assertThat(error.text()).contains("no_such_table");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(8);
    }

    @Test
    void explainAnalyzeOfAJoinShowsTimesAndWritesTheScreenshot() throws IOException {
        String script = """
                -- Which films are rented most? Ctrl+Shift+E runs EXPLAIN ANALYZE (rolled back)
                SELECT f.title, c.name AS category, count(*) AS rentals
                FROM rental r
                JOIN inventory i ON i.inventory_id = r.inventory_id
                JOIN film f ON f.film_id = i.film_id
                JOIN film_category fc ON fc.film_id = f.film_id
                JOIN category c ON c.category_id = fc.category_id
                WHERE r.rental_date >= DATE '2005-06-01'
                GROUP BY f.title, c.name
                ORDER BY rentals DESC
                LIMIT 20;
                """;
        show(script, script.indexOf("f.title"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);

        waitUntil(() -> window.planView().tree().getRoot() != null
                && !window.viewModel().queries().runningProperty().get(), "the analyzed plan to show");
        assertThat(window.viewModel().plan().planProperty().get().analyzed()).isTrue();
        assertThat(window.viewModel().plan().headerProperty().get()).startsWith("Execution ");
        robot.interact(() -> window.viewModel().plan().selectedNodeProperty()
                .set(window.viewModel().plan().planProperty().get().nodes().get(3)));
        WaitForAsyncUtils.waitForFxEvents();

        Path out = Path.of("target", "screenshots", "main-window.png");
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = window.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }

    private EditorTabViewModel show(String script, int caret) {
        EditorTabViewModel[] tab = new EditorTabViewModel[1];
        robot.interact(() -> {
            tab[0] = window.viewModel().editors().newTab(script);
            CodeArea area = window.editorTabs().editorFor(tab[0]).codeArea();
            area.moveTo(caret);
            area.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return tab[0];
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = pg.connect("pagila"); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theConnectionsDialogOffersTheWorkspacesSavedProfilesListedInTheBackground() {
        waitUntil(() -> app.services().store().isPresent() && window.viewModel().workspaceProperty().get() != null,
                "the store and the workspace");
        WorkbenchStore store = app.services().store().orElseThrow();
        Workspace ws = window.viewModel().workspaceProperty().get();
        ConnectionProfile replica = new ConnectionProfile(UUID.randomUUID(), "Billing replica",
                ConnectionProfile.Kind.POSTGRESQL, "replica.example.org", 5433, "billing", "dba", null, null);
        store.connectionProfiles().save(ws.id(), replica);

        robot.interact(() -> Platform.runLater(window::showConnections));
        waitUntil(() -> connectionsDialog() != null, "the connection dialog");
        Window dialog = connectionsDialog();
        try {
            ListView<?> profiles = robot.from(dialog.getScene().getRoot()).lookup(".list-view").queryAs(ListView.class);
            assertThat(profiles.getItems()).filteredOn(ConnectionProfile.class::isInstance)
                    .extracting(p -> ((ConnectionProfile) p).name()).contains("Billing replica");
        } finally {
            robot.interact(dialog::hide);
        }
    }

    private static Window connectionsDialog() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage st && "Connections".equals(st.getTitle())
                && w.isShowing()).findFirst().orElse(null);
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
