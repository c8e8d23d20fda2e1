package org.planwright.app.sync;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.status.StatusBar;
import org.planwright.app.status.StatusViewModel;
import org.planwright.store.SavedQuery;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.PgEnvironment;
import org.planwright.targetdb.TargetConnector;

/**
 * Writes docs/screenshots/sync-status.png: the status bar's sync item after a real round against a team server that
 * does not answer (a closed port on this machine): "Offline · 12 pending · retrying", its tooltip with the error and
 * the remedy, and the Workspace ▸ Team sync… dialog. Real store (12 saved queries waiting in the outbox), real
 * background executor. Run under {@code xvfb-run -a java -cp <test classpath>
 * org.planwright.app.sync.TeamSyncScreenshot OUT.png}.
 */
public final class TeamSyncScreenshot {

    private TeamSyncScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots/sync-status.png");
        Path home = Files.createTempDirectory("pw-sync-shot");
        WorkbenchStore store = WorkbenchStore.open(home);
        Workspace acme = store.workspaces().create("Acme Bank");
        for (int i = 0; i < 12; i++) {
            store.savedQueries().save(SavedQuery.create(acme.id(), "report " + i, "SELECT " + i + " FROM orders"));
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TeamSyncSettings settings = new TeamSyncSettings("postgresql://127.0.0.1:" + closedPort + "/planwright",
                "alice", Duration.ofMinutes(5));
        Platform.startup(() -> {
            FxBackgroundExecutor executor = new FxBackgroundExecutor();
            TeamSyncViewModel sync = new TeamSyncViewModel(executor, () -> Optional.of(store), () -> acme,
                    new TargetRemote(new TargetConnector(), new PasswordSource(Map.of()), PgEnvironment.of(Map.of())),
                    Clock.systemUTC());
            StatusViewModel status = new StatusViewModel();
            status.connectionProperty().set("Sandbox · demo");
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            BorderPane root = new BorderPane(new Label(""), new MenuBar(new Menu("_File"), new Menu("_Edit"),
                    new Menu("_Query"), new Menu("_Connection"), new Menu("_Workspace"), new Menu("_View")), null,
                    new StatusBar(status, sync), null);
            Scene scene = new Scene(root, 1100, 560);
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            scene.getStylesheets().add(org.planwright.app.PlanwrightApp.class.getResource("planwright.css")
                    .toExternalForm());
            stage.setScene(scene);
            stage.show();
            sync.configure(settings);
            TeamSyncDialog dialog = new TeamSyncDialog(stage, settings);
            dialog.setX(260);
            dialog.setY(70);
            dialog.show();
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
                    javafx.util.Duration.seconds(4));
            settle.setOnFinished(done -> {
                Label item = (Label) root.lookup("#status-sync");
                Bounds b = item.localToScreen(item.getBoundsInLocal());
                item.getTooltip().show(item, b.getMaxX() - 500, b.getMinY() - 110);
                javafx.animation.PauseTransition shot = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(1));
                shot.setOnFinished(d -> {
                    try {
                        Files.createDirectories(out.toAbsolutePath().getParent());
                        var image = new Robot().getScreenCapture(null, new Rectangle2D(0, 0, 1100, 560));
                        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
                        System.out.println("wrote " + out.toAbsolutePath() + ": " + sync.textProperty().get());
                    } catch (Exception e) {
                        e.printStackTrace();
                    } finally {
                        executor.close();
                        store.close();
                        Platform.exit();
                    }
                });
                shot.play();
            });
            settle.play();
        });
    }
}
