package org.planwright.app.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.store.PlanCapture;
import org.planwright.store.PlanFormat;
import org.planwright.store.PlanMetrics;
import org.planwright.store.QueryHistoryEntry;
import org.planwright.store.SavedQuery;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;

/**
 * Writes docs/screenshots/workspace-menu.png: the Workspace menu open on "Switch to" (record counts per workspace)
 * beside the delete confirmation it shows, over a real store with three client workspaces. Captures the screen
 * with JavaFX's Robot, so popups are in the picture: run under {@code xvfb-run -a java -cp <test classpath>
 * org.planwright.app.workspace.WorkspaceMenuScreenshot OUT.png}.
 */
public final class WorkspaceMenuScreenshot {

    private WorkspaceMenuScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots/workspace-menu.png");
        Path home = Files.createTempDirectory("pw-workspace-shot");
        WorkbenchStore store = WorkbenchStore.open(home);
        Workspace demo = store.workspaces().create("Demo");
        seed(store, store.workspaces().create("Acme Bank"), 12, 30);
        Workspace globex = store.workspaces().create("Globex Insurance");
        seed(store, globex, 4, 9);
        seed(store, store.workspaces().create("Initech (2025)"), 2, 5);
        store.workspaces().archive(store.workspaces().create("Umbrella (ended)").id());
        SimpleObjectProperty<Workspace> active = new SimpleObjectProperty<>(demo);
        Platform.startup(() -> {
            WorkspaceViewModel vm = new WorkspaceViewModel(new SameThreadExecutor(), () -> store, active);
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            WorkspaceMenu menu = new WorkspaceMenu(stage, vm);
            vm.refresh();
            BorderPane root = new BorderPane(new Label(""), new MenuBar(new Menu("_File"), new Menu("_Query"),
                    new Menu("_Connection"), menu, new Menu("_View")), null, null, null);
            stage.setScene(new Scene(root, 1100, 520));
            stage.show();
            WorkspaceItem globexItem = vm.items().stream().filter(i -> i.workspace().id().equals(globex.id()))
                    .findFirst().orElseThrow();
            Alert confirm = new Alert(Alert.AlertType.WARNING, vm.deleteConfirmation(globexItem),
                    new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
            confirm.initOwner(stage);
            confirm.setTitle("Delete workspace");
            confirm.setHeaderText("Delete \"Globex Insurance\" for good?");
            confirm.getDialogPane().setPrefWidth(470);
            confirm.setX(600);
            confirm.setY(150);
            confirm.show();
            Platform.runLater(() -> {
                menu.show();
                javafx.animation.PauseTransition hover = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(1));
                // the mouse over "Switch to" opens its submenu, as a user's would
                hover.setOnFinished(h -> new Robot().mouseMove(240, 43));
                hover.play();
                javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(3));
                settle.setOnFinished(done -> {
                    try {
                        Files.createDirectories(out.toAbsolutePath().getParent());
                        var image = new Robot().getScreenCapture(null, new Rectangle2D(0, 0, 1100, 520));
                        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
                        System.out.println("wrote " + out.toAbsolutePath());
                    } catch (Exception e) {
                        e.printStackTrace();
                    } finally {
                        store.close();
                        Platform.exit();
                    }
                });
                settle.play();
            });
        });
    }

    private static void seed(WorkbenchStore store, Workspace w, int plans, int history) {
        for (int i = 0; i < plans; i++) {
            store.planCaptures().save(PlanCapture.create(w.id(), null, "SELECT " + i, "Result", PlanFormat.TEXT, null,
                    null, "18.1", Instant.now(), PlanMetrics.UNKNOWN));
        }
        for (int i = 0; i < history; i++) {
            store.queryHistory().record(QueryHistoryEntry.succeeded(w.id(), null, "SELECT " + i, Instant.now(), 1.0, 1L));
        }
        store.savedQueries().save(SavedQuery.create(w.id(), "report", "SELECT 1"));
    }
}
