package org.planwright.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.app.status.StatusBar;
import org.planwright.app.status.StatusViewModel;
import org.planwright.store.SavedQuery;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.PgEnvironment;
import org.planwright.targetdb.TargetConnector;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sync item in a real status bar and the Team sync dialog in a real scene (Monocle headless), over a real store
 * and a team server that does not answer (a closed local port).
 */
class TeamSyncUiTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private WorkbenchStore store;

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            FxToolkit.setupFixture(() -> stage.close());
        }
        store.close();
    }

    @Test
    void theStatusBarShowsOfflineWithThePendingCountAndTheDialogRefusesAPassword() throws Exception {
        store = WorkbenchStore.open(dir);
        Workspace acme = store.workspaces().create("Acme");
        store.savedQueries().save(SavedQuery.create(acme.id(), "q1", "SELECT 1"));
        store.savedQueries().save(SavedQuery.create(acme.id(), "q2", "SELECT 2"));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TeamSyncSettings settings = new TeamSyncSettings("postgresql://127.0.0.1:" + closedPort + "/team", "alice",
                Duration.ZERO); // on demand only: the same-thread executor would run a timer at once
        TeamSyncViewModel vm = new TeamSyncViewModel(new SameThreadExecutor(), () -> Optional.of(store), () -> acme,
                new TargetRemote(new TargetConnector(), new PasswordSource(Map.of()), PgEnvironment.of(Map.of())),
                Clock.systemUTC());
        TeamSyncDialog[] dialog = new TeamSyncDialog[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new BorderPane(null, null, null, new StatusBar(new StatusViewModel(), vm), null),
                    900, 300));
            stage.show();
        });
        Label item = robot.lookup("#status-sync").queryAs(Label.class);
        assertThat(item.getText()).isEqualTo("Sync off");

        FxToolkit.setupFixture(() -> vm.configure(settings));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(item.getText()).isEqualTo("Offline · 2 pending · retrying");
        assertThat(item.getTooltip().getText()).contains("Cannot reach the team server").contains("next sync");

        FxToolkit.setupFixture(() -> {
            dialog[0] = new TeamSyncDialog(stage, settings);
            dialog[0].show();
        });
        TextField remote = robot.lookup("#sync-remote").queryAs(TextField.class);
        FxToolkit.setupFixture(() -> remote.setText("postgresql://127.0.0.1/team?password=secret"));
        robot.clickOn("#sync-ok");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#sync-error").queryAs(Label.class)
                .getText().isEmpty());
        assertThat(robot.lookup("#sync-error").queryAs(Label.class).getText()).contains("PGPASSWORD");
        assertThat(dialog[0].isShowing()).isTrue();
        FxToolkit.setupFixture(() -> dialog[0].close());
    }
}
