package org.planwright.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.app.main.Theme;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.tuning.advice.ConfigRecommendation;
import org.planwright.tuning.advice.Impact;
import org.planwright.tuning.advice.Risk;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.ApplyMode;
import org.planwright.tuning.settings.Hardware;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Apply pane in the real configuration window (headless Monocle) over the shared embedded PostgreSQL 18: Apply…
 * validates and opens the confirmation dialog listing parameter, old → new and reload/restart; Cancel in the dialog
 * leaves the server and the history untouched (the shared server is never changed: nothing here confirms); with no
 * recommendation chosen, Apply… is disabled.
 */
@ExtendWith(PostgresExtension.class)
class ConfigApplyPaneUiTest {

    @TempDir
    static Path home;

    private static WorkbenchStore store;
    private static Workspace ws;
    private static FxBackgroundExecutor executor;
    private static ActiveConnection connection;
    private static ConfigWindow window;
    private static PostgresFixture server;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open(PostgresFixture pg) throws Exception {
        server = pg;
        ConnectionProfile profile = ConnectionProfile.postgres("embedded", "127.0.0.1", pg.sandbox().port(), "postgres",
                pg.user(), "disable");
        connection = new ActiveConnection(new TargetConnector().open(profile, null, SessionOptions.analysis()));
        String label = "127.0.0.1:" + pg.sandbox().port();
        store = WorkbenchStore.open(home);
        ws = store.workspaces().create("Tuning");
        SessionConfigChanger changer = new SessionConfigChanger(new TargetConnector(), profile, label,
                new Hardware(16L << 30, 4, StorageType.SSD, "given"),
                new StoreChangeJournal(store.configHistory(), ws.id(), null), null);
        List<ConfigSource> sources = ConfigSources.of(connection, label + "/postgres", "127.0.0.1",
                store.configHistory(), ws.id());
        FxToolkit.registerPrimaryStage();
        executor = new FxBackgroundExecutor();
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            window = new ConfigWindow(null, executor, sources, () -> store.configHistory().changes(ws.id(), 100),
                    (title, e) -> {
                        throw new AssertionError(title, e);
                    }, changer, label);
            window.show();
        });
        waitUntil(() -> window.applyPane() != null && !window.applyViewModel().loadingProperty().get(),
                "the Apply pane and its recommendations");
    }

    @AfterAll
    static void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> window.stage().close());
        executor.close();
        connection.close();
        store.close();
        FxToolkit.cleanupStages();
    }

    /** A dialog a failed test left open would take the next test's clicks: close it first. */
    @org.junit.jupiter.api.BeforeEach
    void noDialogOpen() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            if (window.applyPane().confirmation() != null && window.applyPane().confirmation().isShowing()) {
                window.applyPane().confirmation().close();
            }
            window.applyViewModel().dismiss();
            window.applyViewModel().approvalRequiredProperty().set(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void applyAsksWithTheChangesAndCancelChangesNothing() throws Exception {
        List<String> before = autoConf();
        FxToolkit.setupFixture(() -> window.applyViewModel().recommendations().setAll(
                item("work_mem", "8MB", ApplyMode.RELOAD), item("shared_buffers", "256MB", ApplyMode.RESTART)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.applyPane().list().getItems()).hasSize(2);
        robot.clickOn("#config-apply");
        waitUntil(() -> window.applyPane().confirmation() != null && window.applyPane().confirmation().isShowing()
                || !window.applyViewModel().errorProperty().get().isEmpty(), "the confirmation dialog");
        assertThat(window.applyViewModel().errorProperty().get()).isEmpty();
        String text = window.applyPane().confirmation().getContentText();
        assertThat(text).contains("Applied now (ALTER SYSTEM + pg_reload_conf()):")
                .containsPattern("work_mem: \\S+ → 8MB \\(reload\\)")
                .contains("Prepared only — needs a restart, never applied live:")
                .containsPattern("shared_buffers: \\S+ → 256MB \\(restart\\)")
                .contains("Not measured");
        Button cancel = (Button) window.applyPane().confirmation().getDialogPane().lookupButton(ButtonType.CANCEL);
        robot.clickOn(cancel);
        waitUntil(() -> !window.applyPane().confirmation().isShowing(), "the dialog to close");
        assertThat(window.applyViewModel().pendingProperty().get()).isNull();
        assertThat(window.applyViewModel().runningProperty().get()).isFalse();
        assertThat(store.configHistory().changes(ws.id(), 100)).isEmpty();
        assertThat(autoConf()).isEqualTo(before);

        FxToolkit.setupFixture(() -> window.applyViewModel().recommendations()
                .forEach(i -> i.chosenProperty().set(false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#config-apply").queryButton().isDisabled()).isTrue();
    }

    @Test
    void whereApprovalIsRequiredApplyWaitsForTheApproversName() throws Exception {
        List<String> before = autoConf();
        FxToolkit.setupFixture(() -> {
            window.applyViewModel().approvalRequiredProperty().set(true);
            window.applyViewModel().approvedByProperty().set("");
            window.applyViewModel().recommendations().setAll(item("work_mem", "8MB", ApplyMode.RELOAD));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#config-apply");
        waitUntil(() -> window.applyPane().confirmation() != null && window.applyPane().confirmation().isShowing(),
                "the confirmation dialog");
        Button apply = (Button) window.applyPane().confirmation().getDialogPane().getButtonTypes().stream()
                .filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .map(b -> window.applyPane().confirmation().getDialogPane().lookupButton(b)).findFirst().orElseThrow();
        assertThat(apply.isDisabled()).as("Apply without an approver").isTrue();
        // the dialog's window can report showing a pulse before its content is laid out and visible
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#config-apply-approver").match(org.testfx.util.NodeQueryUtils.isVisible())
                .tryQuery().isPresent(), "the approver field to be visible");
        robot.clickOn("#config-apply-approver").write("Dana");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(apply.isDisabled()).isFalse();
        assertThat(window.applyViewModel().approvedByProperty().get()).isEqualTo("Dana");
        robot.clickOn((Button) window.applyPane().confirmation().getDialogPane().lookupButton(ButtonType.CANCEL));
        waitUntil(() -> !window.applyPane().confirmation().isShowing(), "the dialog to close");
        assertThat(store.configHistory().changes(ws.id(), 100)).isEmpty();
        assertThat(autoConf()).isEqualTo(before);
        FxToolkit.setupFixture(() -> window.applyViewModel().approvalRequiredProperty().set(false));
    }

    private static RecommendationItem item(String parameter, String value, ApplyMode mode) {
        return new RecommendationItem(new ConfigRecommendation(parameter, "", value, "chosen by the test", List.of(),
                new Impact(Impact.Level.LOW, ""), Risk.LOW, mode, ConfigRecommendation.alterSystem(parameter, value)));
    }

    private static List<String> autoConf() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name || '=' || setting FROM pg_file_settings"
                     + " WHERE sourcefile LIKE '%postgresql.auto.conf' ORDER BY sourceline")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
