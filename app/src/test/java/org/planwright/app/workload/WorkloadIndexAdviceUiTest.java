package org.planwright.app.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.app.main.Theme;
import org.planwright.advice.index.IndexAdvice;
import org.planwright.advice.index.IndexAdviceOptions;
import org.planwright.advice.index.IndexAdvisor;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.Corpus;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Workload window (Monocle headless, or a real display under Xvfb) advising indexes on the embedded
 * TPC-H database (primary keys only, SF 0.02): the live top statements come from pg_stat_statements after the
 * corpus' TPC-H queries ran, a long advice over all 22 queries is cancelled, then a folder of four queries gets its
 * index set, which must be the set (and the total estimated benefit) the advisor gives on that folder directly. Writes {@code target/screenshots/workload-index-advice.png} (the copy in docs/screenshots is taken
 * from it under {@code xvfb-run}).
 */
@ExtendWith(PostgresExtension.class)
class WorkloadIndexAdviceUiTest {

    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private FxBackgroundExecutor executor;
    private ActiveConnection active;
    private Stage stage;

    @AfterEach
    void close() throws TimeoutException {
        if (stage != null) {
            FxToolkit.setupFixture(() -> stage.close());
        }
        if (executor != null) {
            executor.close();
        }
        if (active != null) {
            active.close();
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void adviceRunsInTheBackgroundCanBeCancelledAndShowsTheIndexSet(PostgresFixture pg) throws Exception {
        String url = pg.tpchPrimaryKeysOnly(0.02);
        String db = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        Path all = Files.createDirectories(folder.resolve("all"));
        Path four = Files.createDirectories(folder.resolve("four"));
        for (int q = 1; q <= 22; q++) {
            Files.copy(Corpus.resolve("sql/tpch/queries/q" + q + ".sql"), all.resolve("q" + q + ".sql"));
        }
        for (int q : new int[] {3, 14, 17, 19}) {
            Files.copy(all.resolve("q" + q + ".sql"), four.resolve("q" + q + ".sql"));
        }
        Files.writeString(four.resolve("maintenance.sql"), "VACUUM ANALYZE lineitem;\n");
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            for (int q : new int[] {3, 14, 19}) {
                st.execute(Corpus.read(all.resolve("q" + q + ".sql")));
            }
        }
        ConnectionProfile profile = new ConnectionProfile(UUID.randomUUID(), "tpch", ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", pg.sandbox().port(), db, pg.user(), null, null);
        active = new ActiveConnection(new TargetConnector().open(profile, null, SessionOptions.analysis()));
        FxToolkit.registerPrimaryStage();
        executor = new FxBackgroundExecutor();
        WorkloadViewModel[] holder = new WorkloadViewModel[1];
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            holder[0] = new WorkloadViewModel(executor, Optional::empty, () -> null, () -> Optional.of(active),
                    Clock.systemUTC(), ZoneOffset.UTC);
            stage = WorkloadWindowOpener.open(null, holder[0]);
            stage.setX(0);
            stage.setY(0);
        });
        WorkloadViewModel vm = holder[0];
        waitFor(60, () -> vm.reportProperty().get() != null, () -> "the live workload: " + vm.messageProperty().get());
        TabPane tabs = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(t -> t.getTabs().stream().anyMatch(tab -> "workload-advice-tab".equals(tab.getId())))
                .findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().size() - 1));

        // the top statements: pg_stat_statements replaced the queries' constants by $n parameters, which the
        // embedded PostgreSQL 18 plans with EXPLAIN (GENERIC_PLAN); where the planner cannot do without values
        // (TPC-H's "date $1" is not SQL, "$1 * $2" has no type) the reason says so
        robot.interact(vm::adviseTopStatements);
        waitFor(120, () -> !vm.adviceBusyProperty().get(), () -> "advice on the top statements");
        assertThat(vm.adviceSkipped()).as(vm.adviceSummaryProperty().get())
                .noneSatisfy(s -> assertThat(s.reason()).contains("$n parameters"))
                .anySatisfy(s -> assertThat(s.reason()).startsWith("EXPLAIN (GENERIC_PLAN) could not plan it"));

        // a long run is cancelled from its Cancel button and calls back nothing afterwards
        robot.interact(() -> vm.adviseFolder(all));
        waitFor(60, () -> vm.adviceProgressProperty().get().startsWith("Planning q"), () -> "progress");
        Button cancel = robot.lookup("#workload-advice-cancel").queryAs(Button.class);
        robot.interact(cancel::fire);
        assertThat(vm.adviceBusyProperty().get()).isFalse();
        assertThat(vm.adviceSummaryProperty().get()).isEqualTo("Index advice cancelled.");
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.adviceProperty().get()).as("no late result").isNull();
        assertThat(vm.adviceSummaryProperty().get()).isEqualTo("Index advice cancelled.");

        robot.interact(() -> vm.adviseFolder(four));
        waitFor(180, () -> !vm.adviceBusyProperty().get(), () -> "advice on four queries: "
                + vm.adviceProgressProperty().get());
        assertThat(vm.adviceProperty().get()).as(vm.adviceSummaryProperty().get()).isNotNull();
        assertThat(vm.adviceSkipped()).extracting(s -> s.label()).containsExactly("maintenance.sql");
        TableView<?> indexes = robot.lookup("#workload-advice-indexes").queryAs(TableView.class);
        assertThat(indexes.getItems()).isNotEmpty();
        String summary = robot.lookup("#workload-advice-summary").queryAs(Label.class).getText();
        assertThat(summary).contains("Total estimated benefit");

        // the pane shows the advisor's set and its benefit: the same folder advised directly, in a session of its
        // own (rolled-back builds, as the pane does on the sandbox), gives the same indexes in the index column and
        // the same total Σ weight·(cost before − cost after), printed in cost units
        AdviceWorkload direct = AdviceWorkload.fromFolder(four);
        IndexAdvice expected;
        try (TargetSession s = new TargetConnector().open(profile, null, SessionOptions.analysis())) {
            expected = new IndexAdvisor(s, IndexAdviceOptions.defaults().withRolledBackBuilds(true), m -> { })
                    .advise(direct.statements());
        }
        assertThat(expected.chosen()).isNotEmpty();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < indexes.getItems().size(); i++) {
            shown.add(String.valueOf(indexes.getColumns().getFirst().getCellData(i)));
        }
        assertThat(shown).containsExactlyElementsOf(expected.chosen().stream().map(c -> "CREATE INDEX CONCURRENTLY "
                + c.candidate().name() + " ON " + c.candidate().definition() + ";").toList());
        double benefit = 0;
        for (IndexAdvice.StatementCost c : expected.statements()) {
            benefit += c.costBefore() - c.costAfter();
        }
        assertThat(benefit).isPositive();
        assertThat(summary).contains(String.format(Locale.ROOT, "%d index%s, ", expected.chosen().size(),
                        expected.chosen().size() == 1 ? "" : "es"))
                .contains(String.format(Locale.ROOT, "Total estimated benefit: %,.0f cost units", benefit));

        Path out = Path.of("target", "screenshots", "workload-index-advice.png");
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }

    private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition,
                                java.util.function.Supplier<String> what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
