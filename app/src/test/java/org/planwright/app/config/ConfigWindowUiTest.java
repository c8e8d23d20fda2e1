package org.planwright.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.app.main.Theme;
import org.planwright.store.ConfigChangeRecord;
import org.planwright.store.ConfigSnapshotRecord;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.tuning.settings.PgConfigReader;
import org.planwright.tuning.settings.SettingsSnapshot;
import org.planwright.tuning.settings.SettingsSnapshotText;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real configuration window over the embedded PostgreSQL 18 (read-only) and a real workbench store: PGTune's
 * profile for this machine against the live server, grouped and highlighted, with the change history of the
 * store beside it. Writes {@code target/screenshots/config-comparison.png} (docs/screenshots has a copy). The
 * history events hold the numbers ApplyMeasureRevertTest measured on this machine (tuning module).
 */
@ExtendWith(PostgresExtension.class)
class ConfigWindowUiTest {

    @TempDir
    static Path home;

    private static WorkbenchStore store;
    private static FxBackgroundExecutor executor;
    private static ActiveConnection connection;
    private static ConfigWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open(PostgresFixture pg) throws Exception {
        connection = new ActiveConnection(new TargetConnector().open(ConnectionProfile.postgres("embedded",
                "127.0.0.1", pg.sandbox().port(), "postgres", pg.user(), "disable"), null, SessionOptions.analysis()));
        String server = "127.0.0.1:" + pg.sandbox().port() + "/postgres";
        store = WorkbenchStore.open(home);
        Workspace ws = store.workspaces().create("Tuning");
        SettingsSnapshot snap = connection.with(s -> new PgConfigReader(Clock.systemUTC()).read(s, server));
        store.configHistory().saveSnapshot(new ConfigSnapshotRecord(UUID.randomUUID(), ws.id(), null, server,
                "before tuning", snap.takenAt(), snap.version(), SettingsSnapshotText.write(snap)));
        Instant t = Instant.parse("2026-12-03T14:31:00Z");
        store.configHistory().append(change(ws, t, "APPLIED", "4MB", "64kB", null));
        store.configHistory().append(change(ws, t.plusSeconds(3), "REVERTED", "64kB", "4MB",
                "p95 19.1 -> 841.2 ms (+4314%), tps 227.5 -> 3.0 (-99%): degraded"));
        store.configHistory().append(change(ws, t.plusSeconds(60), "APPLIED", "64kB", "64MB", null));
        store.configHistory().append(change(ws, t.plusSeconds(63), "KEPT", "64kB", "64MB",
                "p95 671.5 -> 19.7 ms (-97%), tps 4.0 -> 216.5 (+5313%): improved"));
        List<ConfigSource> sources = ConfigSources.of(connection, server, "127.0.0.1", store.configHistory(), ws.id());
        FxToolkit.registerPrimaryStage();
        executor = new FxBackgroundExecutor();
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            // live on the left, PGTune's profile on the right
            window = new ConfigWindow(null, executor, sources, () -> store.configHistory().changes(ws.id(), 100),
                    (title, e) -> {
                        throw new AssertionError(title, e);
                    });
            window.stage().setX(0);
            window.stage().setY(0);
            window.show();
        });
        waitUntil(() -> !window.viewModel().lines().isEmpty() && window.viewModel().history().size() == 4
                        && window.view().table().getRoot() != null && !window.view().table().getRoot().getChildren().isEmpty(),
                "the comparison, the history and the grouped table");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private static ConfigChangeRecord change(Workspace ws, Instant at, String action, String from, String to,
                                             String result) {
        return new ConfigChangeRecord(UUID.randomUUID(), ws.id(), null, "bench (temporary cluster)", "work_mem", from,
                to, "reload", action, "dba", at, result);
    }

    @AfterAll
    static void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> window.stage().close());
        executor.close();
        connection.close();
        store.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void pgtuneAgainstTheLiveServerIsGroupedWithTheDifferencesMarked() throws Exception {
        assertThat(window.viewModel().choices()).extracting(ConfigSource::name)
                .anySatisfy(n -> assertThat(n).startsWith("Live: "))
                .anySatisfy(n -> assertThat(n).startsWith("Recommended"))
                .anySatisfy(n -> assertThat(n).startsWith("Snapshot: "));
        var root = window.view().table().getRoot();
        assertThat(root.getChildren()).extracting(g -> g.getValue().parameter())
                .anySatisfy(p -> assertThat(p).startsWith("Memory"))
                .anySatisfy(p -> assertThat(p).startsWith("WAL and checkpoints"));
        assertThat(root.getChildren().getFirst().getChildren()).allSatisfy(i -> assertThat(i.getValue().differs())
                .isTrue());
        assertThat(window.view().timeline().getItems()).extracting(HistoryItem::action)
                .containsExactly("APPLIED", "REVERTED", "APPLIED", "KEPT");
        assertThat(window.viewModel().exportText(ExportKind.ALTER_SYSTEM)).contains("ALTER SYSTEM SET shared_buffers");

        Path out = Path.of("target", "screenshots", "config-comparison.png");
        Files.createDirectories(out.getParent());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = window.stage().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
