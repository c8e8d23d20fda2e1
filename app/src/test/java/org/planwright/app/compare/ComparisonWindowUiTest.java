package org.planwright.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.main.Theme;
import org.planwright.plans.compare.ChangeKind;
import org.planwright.plans.compare.PlanChange;
import org.planwright.store.PlanCapture;
import org.planwright.store.PlanFormat;
import org.planwright.store.PlanMetrics;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real comparison window (Monocle headless, or a real display under Xvfb) over a real workbench store holding
 * two captures of TPC-H q4: before and after {@code CREATE INDEX idx_l_orderkey}. Writes
 * {@code target/screenshots/plan-comparison.png} (the copy in docs/screenshots is taken from it).
 */
@ExtendWith(PostgresExtension.class)
class ComparisonWindowUiTest {

    @TempDir
    static Path home;

    private static WorkbenchStore store;
    private static FxBackgroundExecutor executor;
    private static ComparisonWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open(PostgresFixture pg) throws Exception {
        PlanSource before = TpchPlans.before(pg);
        PlanSource after = TpchPlans.after(pg);
        store = WorkbenchStore.open(home);
        Workspace ws = store.workspaces().create("TPC-H");
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        store.planCaptures().save(PlanCapture.create(ws.id(), null, before.query(), before.planText(), PlanFormat.JSON,
                null, null, null, t0, PlanMetrics.UNKNOWN));
        store.planCaptures().save(PlanCapture.create(ws.id(), null, after.query(), after.planText(), PlanFormat.JSON,
                null, null, null, t0.plusSeconds(300), PlanMetrics.UNKNOWN));
        FxToolkit.registerPrimaryStage();
        executor = new FxBackgroundExecutor();
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            ComparisonViewModel vm = new ComparisonViewModel(executor, (title, e) -> {
                throw new AssertionError(title, e);
            });
            vm.loadCaptures(() -> CaptureSources.latest(store.planCaptures(), ws.id(), 10));
            window = new ComparisonWindow(null, vm);
            window.stage().setX(0);
            window.stage().setY(0);
            window.show();
        });
        waitUntil(() -> window.viewModel().afterProperty().get() != null, "the captures to load");
    }

    @AfterAll
    static void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> window.stage().close());
        executor.close();
        store.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void comparingTheCapturesShowsTheScanChangeAndSelectingItSelectsBothNodes() throws Exception {
        assertThat(window.viewModel().beforeProperty().get().planText()).contains("Seq Scan");

        robot.clickOn("#compare-button");
        waitUntil(() -> !window.view().table().getItems().isEmpty(), "the comparison to show");

        assertThat(robot.lookup("#verdict").queryAs(Label.class).getText()).startsWith("After is ");
        PlanChange scan = window.viewModel().changes().stream().filter(ch -> ch.kind() == ChangeKind.SCAN_METHOD)
                .findFirst().orElseThrow();
        int at = window.view().changeList().getItems().indexOf(scan);
        robot.interact(() -> window.view().changeList().getSelectionModel().select(at));
        WaitForAsyncUtils.waitForFxEvents();

        ComparisonRow row = window.view().table().getSelectionModel().getSelectedItem();
        assertThat(row).isNotNull();
        assertThat(row.before().id()).isEqualTo(scan.beforeNodeId());
        assertThat(row.after().id()).isEqualTo(scan.afterNodeId());
        assertThat(row.after().indexName()).contains("idx_l_orderkey");
        assertThat(window.viewModel().selectedAfterProperty().get()).isSameAs(row.after());

        Path out = Path.of("target", "screenshots", "plan-comparison.png");
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
