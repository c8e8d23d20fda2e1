package org.planwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
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
import org.planwright.app.main.MainWindow;
import org.planwright.app.plan.PlanViewModel;
import org.planwright.app.plan.graph.GraphColouring;
import org.planwright.app.plan.graph.GraphImageExport;
import org.planwright.app.plan.graph.PlanGraphLayout;
import org.planwright.app.plan.source.PlanSourceLines;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.testsupport.Corpus;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.testsupport.TpchQueries;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The plan's views in the real main window (Monocle headless) connected to a real PostgreSQL with the test
 * TPC-H data: opening and pasting plans, the shared selection across grid, graph, tree and raw text, collapse,
 * colouring, PNG export, and the screenshots of graph, grid and statistics.
 */
@ExtendWith(PostgresExtension.class)
class PlanViewsUiTest {

    @TempDir
    static Path home;

    private static PlanwrightApp app;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp(PostgresFixture pg) throws Exception {
        pg.tpch();
        ConnectionProfile tpch = new ConnectionProfile(UUID.randomUUID(), "TPC-H", ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", pg.sandbox().port(), "tpch", pg.user(), null, null);
        FxToolkit.registerPrimaryStage();
        app = (PlanwrightApp) FxToolkit.setupApplication(() -> new PlanwrightApp(
                AppOptions.direct(home, tpch, TpchQueries.query(9).query() + ";\n")));
        window = app.window();
        waitUntil(() -> window.viewModel().connection().active().isPresent(), "the TPC-H connection to open");
    }

    @AfterAll
    static void stopApp() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void openingACorpusPlanFileShowsItInEveryView() throws IOException {
        Path file = Corpus.resolve("plans/generated-tpch/tpch-q8.json");

        Plan plan = open(file);

        assertThat(window.planView().tree().getRoot().getValue()).isSameAs(plan.root());
        selectTab("grid");
        assertThat(window.planView().grid().table().getItems()).hasSize(plan.nodeCount());
        selectTab("statistics");
        assertThat(window.planView().statistics().tablesTable().getItems()).extracting(r -> r.name())
                .anyMatch(n -> n.endsWith("lineitem"));
        selectTab("raw");
        assertThat(window.planView().raw().area().getText()).isEqualTo(Files.readString(file));
        assertThat(window.planView().graph().drawnBoxCount()).isPositive();
        assertThat(vm().headerProperty().get()).contains(plan.nodeCount() + " nodes");
    }

    @Test
    void clickingAGridRowSelectsTheNodeInTheGraphTheTreeAndTheRawText() throws IOException {
        Plan plan = open(Corpus.resolve("plans/generated-tpch/tpch-q9.json"));
        PlanNode target = plan.node(4);
        selectTab("grid");

        waitUntil(() -> gridRow(target) != null, "the grid row of node 4");
        robot.clickOn(gridRow(target));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm().selectedNodeProperty().get()).isSameAs(target);
        assertThat(window.planView().tree().getSelectionModel().getSelectedItem().getValue()).isSameAs(target);
        assertThat(window.planView().graph().boxOf(target.id()).getStyleClass()).contains("selected");
        assertThat(robot.from(window.planView().graph()).lookup(".graph-box.selected").queryAll()).hasSize(1);
        selectTab("raw");
        PlanSourceLines.Range r = vm().sourceLines().range(target.id()).orElseThrow();
        CodeArea raw = window.planView().raw().area();
        assertThat(raw.getStyleOfChar(r.start() + 1)).contains("selected-node-line");
        assertThat(raw.getStyleOfChar(0)).doesNotContain("selected-node-line");
    }

    @Test
    void selectingInTheGraphSelectsTheGridRow() throws IOException {
        Plan plan = open(Corpus.resolve("plans/generated-tpch/tpch-q9.json"));
        selectTab("graph");

        robot.clickOn(window.planView().graph().boxOf(2));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm().selectedNodeProperty().get()).isSameAs(plan.node(2));
        selectTab("grid");
        assertThat(window.planView().grid().table().getSelectionModel().getSelectedItem()).isSameAs(plan.node(2));
    }

    @Test
    void clickingAToggleCollapsesAndExpandsTheSubtree() throws IOException {
        Plan plan = open(Corpus.resolve("plans/generated-tpch/tpch-q9.json"));
        selectTab("graph");
        PlanNode parent = plan.nodes().stream().filter(n -> n.children().size() == 2).findFirst().orElseThrow();
        int child = parent.children().getFirst().id();
        assertThat(window.planView().graph().boxOf(child)).isNotNull();

        robot.clickOn("#graph-toggle-" + parent.id());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.planView().graph().boxOf(child)).isNull();
        Label toggle = robot.lookup("#graph-toggle-" + parent.id()).queryAs(Label.class);
        assertThat(toggle.getText()).startsWith("+");

        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.planView().graph().boxOf(child)).isNotNull();
    }

    @Test
    void choosingWhatColoursShowChangesTheBoxStyleClasses() throws IOException {
        Plan plan = open(Corpus.resolve("plans/generated-tpch/tpch-q9.json"));
        selectTab("graph");
        PlanNode misestimated = plan.nodes().stream()
                .filter(n -> GraphColouring.ROW_MISESTIMATE.level(plan, n) != GraphColouring.EXCLUSIVE_TIME.level(plan, n))
                .filter(n -> window.planView().graph().boxOf(n.id()) != null).findFirst().orElseThrow();
        Node box = window.planView().graph().boxOf(misestimated.id());
        assertThat(box.getStyleClass()).contains(GraphColouring.styleClass(
                GraphColouring.EXCLUSIVE_TIME.level(plan, misestimated)));

        robot.clickOn("#graph-colour-by");
        robot.clickOn(GraphColouring.ROW_MISESTIMATE.toString());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm().graph().colouringProperty().get()).isEqualTo(GraphColouring.ROW_MISESTIMATE);
        assertThat(box.getStyleClass()).contains(GraphColouring.styleClass(
                GraphColouring.ROW_MISESTIMATE.level(plan, misestimated)))
                .doesNotContain(GraphColouring.styleClass(GraphColouring.EXCLUSIVE_TIME.level(plan, misestimated)));
        robot.interact(() -> vm().graph().colouringProperty().set(GraphColouring.EXCLUSIVE_TIME));
    }

    @Test
    void ctrlShiftVPastesAPlanAndABrokenOneGivesItsPosition() throws IOException {
        String text = Files.readString(Corpus.resolve("plans/generated-tpch/tpch-q3.txt"));
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);

        waitUntil(() -> vm().rawTextProperty().get().equals(text), "the pasted plan to show");
        assertThat(vm().planProperty().get().format()).isEqualTo(Plan.Format.TEXT);
        assertThat(window.planView().tree().getRoot()).isNotNull();

        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("Sort  (cost=1.00..2.00 rows=10 width=4)\n  ->  Seq Scan on t  (cost=abc)\n");
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);

        waitUntil(() -> window.viewModel().planImport().errorProperty().get() != null, "the parse problem");
        assertThat(window.viewModel().planImport().errorProperty().get().message()).matches("Line 2, column \\d+: .+");
        assertThat(vm().rawTextProperty().get()).isEqualTo(text);
        robot.interact(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w != window.stage() && w instanceof Stage).toList()
                .forEach(w -> ((Stage) w).close()));
    }

    @Test
    void theGraphExportsAsAPngOfTheWholeGraph(@TempDir Path dir) throws Exception {
        open(Corpus.resolve("plans/generated-tpch/tpch-q9.json"));
        PlanGraphLayout layout = vm().graph().layoutProperty().get();
        Path png = dir.resolve("graph.png");

        robot.interact(() -> {
            try {
                GraphImageExport.writePng(layout, GraphColouring.EXCLUSIVE_TIME,
                        window.getScene().getStylesheets(), png);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(layout.width()));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(layout.height()));
    }

    @Test
    void explainAnalyzeOfTpchQ9ShowsTheGraphGridAndStatistics() throws IOException {
        robot.interact(() -> {
            var tab = window.viewModel().editors().selected().orElseThrow();
            window.editorTabs().editorFor(tab).codeArea().moveTo(10);
            window.editorTabs().editorFor(tab).codeArea().requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);

        waitUntil(() -> vm().planProperty().get() != null && vm().planProperty().get().analyzed()
                && vm().statementProperty().get().contains("nation")
                && !window.viewModel().queries().runningProperty().get(), "the analyzed q9 plan");
        Plan plan = vm().planProperty().get();
        assertThat(vm().sourceLines().known()).isTrue();
        selectTab("query");
        assertThat(window.planView().query().area().getText()).contains("profit");

        PlanNode slowest = plan.nodes().stream()
                .max(java.util.Comparator.comparingDouble(PlanNode::exclusiveTime)).orElseThrow();
        robot.interact(() -> {
            window.viewModel().plan().graph().zoomProperty().set(0.8);
            window.viewModel().plan().selectedNodeProperty().set(slowest);
        });
        screenshot("graph", "plan-graph.png");
        screenshot("grid", "plan-grid.png");
        screenshot("statistics", "plan-statistics.png");
    }

    private TableRow<?> gridRow(PlanNode node) {
        return robot.from(window.planView().grid().table()).lookup(".table-row-cell").queryAllAs(TableRow.class)
                .stream().filter(r -> r.getItem() == node).findFirst().orElse(null);
    }

    private void screenshot(String tab, String name) throws IOException {
        robot.interact(() -> {
            javafx.scene.Parent p = window.planView().getParent();
            while (!(p instanceof javafx.scene.control.SplitPane split && split.getItems().contains(window.planView()))) {
                p = p.getParent();
            }
            ((javafx.scene.control.SplitPane) p).setDividerPositions(0.22);
            ((javafx.scene.control.SplitPane) window.planView().getCenter()).setDividerPositions(0.8);
        });
        selectTab(tab);
        WaitForAsyncUtils.waitForFxEvents();
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = window.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }

    private Plan open(Path file) {
        Plan before = vm().planProperty().get();
        robot.interact(() -> window.viewModel().planImport().open(file));
        waitUntil(() -> vm().planProperty().get() != null && vm().planProperty().get() != before,
                "the plan of " + file.getFileName() + " to show");
        WaitForAsyncUtils.waitForFxEvents();
        return vm().planProperty().get();
    }

    private void selectTab(String name) {
        robot.clickOn(robot.lookup(".tab").match(n -> n.getId() != null && n.getId().equals("plan-tab-" + name))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static PlanViewModel vm() {
        return window.viewModel().plan();
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
