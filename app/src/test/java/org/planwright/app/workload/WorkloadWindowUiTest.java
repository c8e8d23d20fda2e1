package org.planwright.app.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.main.Theme;
import org.planwright.store.StoredWorkloadWindow;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.testsupport.Corpus;
import org.planwright.workload.StatementCounters;
import org.planwright.workload.StatisticsFiles;
import org.planwright.workload.WorkloadWindow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Workload window (Monocle headless, or a real display under Xvfb) over a store holding three days of
 * hourly windows: the corpus' real pgbench statements (pg_stat_statements after 60 s of pgbench), scaled hour by
 * hour by a synthetic daily shape (busy 09:00-18:00). Writes {@code target/screenshots/workload.png} (the copy in
 * docs/screenshots is taken from it).
 */
class WorkloadWindowUiTest {

    @TempDir
    static Path home;

    private static WorkbenchStore store;
    private static FxBackgroundExecutor executor;
    private static WorkloadViewModel vm;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        List<StatementCounters> pgbench = StatisticsFiles.readStatements(
                Corpus.root().resolve("workload/pgss-snapshot-pgbench-tpcb-s10-c8-60s.csv"));
        store = WorkbenchStore.open(home);
        Workspace ws = store.workspaces().create("Acme");
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (int h = 72; h >= 1; h--) {
            Instant start = now.minusSeconds(3600L * h);
            int hour = ZonedDateTime.ofInstant(start, ZoneOffset.UTC).getHour();
            double factor = (hour >= 9 && hour < 18 ? 1.0 : 0.15) * (1 + 0.05 * Math.sin(h));
            List<StatementCounters> scaled = new ArrayList<>();
            for (StatementCounters s : pgbench) {
                scaled.add(new StatementCounters(s.key(), s.query(), s.database(), Math.max(1, Math.round(s.calls() * factor)),
                        s.totalExecMs() * factor, s.sumSquaresExecMs() * factor, s.totalPlanMs() * factor,
                        Math.round(s.rows() * factor), Math.round(s.sharedBlksHit() * factor),
                        Math.round(s.sharedBlksRead() * factor), 0, 0, 0, 0, 0, 0, 0));
            }
            store.workloadWindows().save(new StoredWorkloadWindow(UUID.randomUUID(), ws.id(), null,
                    "db.example:5432/bank", 150018, new WorkloadWindow(start, start.plusSeconds(3600), scaled, List.of())));
        }
        FxToolkit.registerPrimaryStage();
        executor = new FxBackgroundExecutor();
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            vm = new WorkloadViewModel(executor, () -> Optional.of(store.workloadWindows()), () -> ws, Optional::empty,
                    Clock.systemUTC(), ZoneOffset.UTC);
            vm.periodProperty().set(WorkloadPeriod.LAST_WEEK);
            stage = WorkloadWindowOpener.open(null, vm);
            stage.setX(0);
            stage.setY(0);
        });
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.reportProperty().get() != null);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for the workload to load: " + vm.messageProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stage.close());
        executor.close();
        store.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void theWindowShowsTheClassTheTopStatementsAndTheLoadWithItsForecast() throws Exception {
        assertThat(robot.lookup("#workload-summary").queryAs(Label.class).getText()).startsWith("OLTP workload");
        assertThat(robot.lookup("#workload-history").queryAs(Label.class).getText())
                .contains("72 recorded windows").contains("Busiest hours:").contains("Forecast: the next 24 hours");
        TableView<?> top = robot.lookup("#workload-top-total").queryAs(TableView.class);
        assertThat(top.getItems()).isNotEmpty();
        assertThat(vm.topByTotalTime().getFirst().query()).startsWith("UPDATE pgbench_branches");
        LineChart<?, ?> chart = robot.lookup("#workload-chart").queryAs(LineChart.class);
        assertThat(chart.isVisible()).isTrue();
        assertThat(chart.getData()).hasSize(2);
        assertThat(chart.getData().get(1).getData()).as("forecast hours").hasSize(24);

        Path out = Path.of("target", "screenshots", "workload.png");
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }
}
