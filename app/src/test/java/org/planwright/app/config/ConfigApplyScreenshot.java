package org.planwright.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.robot.Robot;
import javax.imageio.ImageIO;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.app.main.Theme;
import org.planwright.sandbox.Sandbox;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.tuning.apply.PgbenchProbe;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.Hardware;

/**
 * Writes docs/screenshots/config-apply-confirm.png (the confirmation dialog over the window) and
 * config-apply-result.png (the measured result and the history timeline), then config-settings-trial.png (Try on
 * statements… on a sorting and a lookup statement: the trial's measured recommendations) from the real window on a temporary
 * PostgreSQL 18 cluster: a sorting workload spills to temp files, so the advisor proposes work_mem; Apply… with a
 * pgbench measurement of the NOT IN workload (3 s windows), kept or reverted as measured. Screen captures, so run
 * it on a real display: {@code xvfb-run -a -s "-screen 0 1500x1000x24" java -cp <test class path>
 * org.planwright.app.config.ConfigApplyScreenshot docs/screenshots}; {@code -Dplanwright.shot.approver=NAME} shows the
 * admin-approval preference on, with that name typed.
 */
public final class ConfigApplyScreenshot {

    private ConfigApplyScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(dir);
        Path home = Files.createTempDirectory("pw-config-shot");
        try (Sandbox server = Sandbox.start(Sandbox.Options.temporary());
             WorkbenchStore store = WorkbenchStore.open(home)) {
            server.createDatabase("shop");
            try (Connection c = server.connect("shop"); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE not_in_outer AS SELECT g AS id FROM generate_series(1, 400) g");
                st.execute("CREATE TABLE not_in_inner AS SELECT g * 2 AS id FROM generate_series(1, 6000) g");
                st.execute("ANALYZE");
                for (int i = 0; i < 3; i++) {
                    st.execute("SELECT g, md5(g::text) FROM generate_series(1, 150000) g ORDER BY 2 OFFSET 149999");
                }
            }
            ConnectionProfile profile = ConnectionProfile.postgres("shop", "127.0.0.1", server.port(), "shop",
                    Sandbox.SUPERUSER, "disable");
            String label = "127.0.0.1:" + server.port();
            Workspace ws = store.workspaces().create("Acme");
            Path script = Path.of(ConfigApplyScreenshot.class.getResource("/workloads/not-in-subquery.sql").toURI());
            ActiveConnection connection = new ActiveConnection(new TargetConnector().open(profile, null,
                    SessionOptions.analysis()));
            Hardware hw = new Hardware(16L << 30, 4, StorageType.SSD, "given");
            SessionConfigChanger changer = new SessionConfigChanger(new TargetConnector(), profile, label, hw,
                    new StoreChangeJournal(store.configHistory(), ws.id(), null), PgbenchProbe.locate().orElseThrow());
            List<ConfigSource> sources = ConfigSources.of(connection, label + "/shop", "127.0.0.1",
                    store.configHistory(), ws.id());
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            FxBackgroundExecutor executor = new FxBackgroundExecutor();
            ConfigWindow[] window = new ConfigWindow[1];
            Platform.runLater(() -> {
                Theme.LIGHT.apply();
                window[0] = new ConfigWindow(null, executor, sources,
                        () -> store.configHistory().changes(ws.id(), 100), (t, e) -> e.printStackTrace(), changer, label);
                window[0].stage().setX(0);
                window[0].stage().setY(0);
                window[0].stage().setWidth(1440);
                window[0].stage().setHeight(960);
                window[0].show();
            });
            waitFor(() -> window[0] != null && !window[0].applyViewModel().recommendations().isEmpty()
                    && !window[0].viewModel().lines().isEmpty(), "recommendations and comparison");
            ConfigApplyViewModel vm = window[0].applyViewModel();
            Platform.runLater(() -> {
                vm.recommendations().forEach(i -> i.chosenProperty().set(
                        !i.recommendation().parameter().equals("effective_io_concurrency")));
                vm.measureProperty().set(ConfigChanger.Measure.Kind.PGBENCH);
                vm.secondsProperty().set(3);
                vm.pgbenchScriptProperty().set(script);
                String approver = System.getProperty("planwright.shot.approver");
                if (approver != null) { // the admin-approval preference on, the name typed
                    vm.approvalRequiredProperty().set(true);
                    vm.approvedByProperty().set(approver);
                }
                vm.prepare();
            });
            waitFor(() -> window[0].applyPane().confirmation() != null
                    && window[0].applyPane().confirmation().isShowing(), "the confirmation dialog");
            Thread.sleep(800);
            capture(dir.resolve("config-apply-confirm.png"));
            Platform.runLater(() -> window[0].applyPane().confirmation().getDialogPane().lookupButton(
                    window[0].applyPane().confirmation().getButtonTypes().getFirst()).fireEvent(
                    new javafx.event.ActionEvent()));
            waitFor(() -> vm.runningProperty().get(), "the run to start");
            Thread.sleep(1500);
            capture(dir.resolve("config-apply-running.png"));
            waitFor(() -> !vm.runningProperty().get() && !vm.resultProperty().get().isEmpty(), "the result");
            Thread.sleep(1000);
            capture(dir.resolve("config-apply-result.png"));
            System.out.println("result: " + vm.resultProperty().get());
            // Try on statements…: a settings trial on the sorting statement, its measured recommendations listed
            Path statements = Files.createTempDirectory("pw-config-shot-sql");
            Files.writeString(statements.resolve("sort.sql"),
                    "SELECT g, md5(g::text) FROM generate_series(1, 150000) g ORDER BY 2 OFFSET 149999;\n");
            Files.writeString(statements.resolve("lookup.sql"), "SELECT id FROM not_in_inner WHERE id = 42;\n");
            Platform.runLater(() -> vm.trySettings(List.of(statements)));
            waitFor(() -> vm.runningProperty().get(), "the settings trial to start");
            Thread.sleep(1500);
            capture(dir.resolve("config-settings-trial-running.png"));
            waitFor(() -> !vm.runningProperty().get() && vm.resultProperty().get().startsWith("Settings trial"),
                    "the settings trial");
            Thread.sleep(1000);
            capture(dir.resolve("config-settings-trial.png"));
            System.out.println("trial: " + vm.resultProperty().get());
            Platform.runLater(() -> window[0].stage().close());
            executor.close();
            connection.close();
        } finally {
            Platform.exit();
        }
    }

    private static void capture(Path file) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Exception[] failure = new Exception[1];
        Platform.runLater(() -> {
            try {
                var image = new Robot().getScreenCapture(null, new Rectangle2D(0, 0, 1440, 960));
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
                System.out.println("wrote " + file.toAbsolutePath());
            } catch (Exception e) {
                failure[0] = e;
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < end) {
            boolean[] ok = new boolean[1];
            CountDownLatch checked = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    ok[0] = condition.getAsBoolean();
                } finally {
                    checked.countDown();
                }
            });
            checked.await();
            if (ok[0]) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }
}
