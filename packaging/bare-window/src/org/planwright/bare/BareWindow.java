package org.planwright.bare;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The baseline of packaging/measure-first-window.sh: a bare JavaFX window with a menu, a text area and a tree,
 * packaged exactly as Planwright is (same runtime, same JavaFX, same launcher options). It is not part of the
 * application. With {@code -Dplanwright.quitAfterFirstWindow=true} it quits a second after its window is shown, as
 * Planwright does, for the AOT cache's training run.
 */
public final class BareWindow {

    private BareWindow() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application (a nested class, so that {@code main} runs from the class path). */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            MenuBar menu = new MenuBar(
                    new Menu("File", null, new MenuItem("Open…"), new MenuItem("Save"), new MenuItem("Quit")),
                    new Menu("Edit", null, new MenuItem("Cut"), new MenuItem("Copy"), new MenuItem("Paste")),
                    new Menu("Help", null, new MenuItem("About")));
            TreeItem<String> root = new TreeItem<>("Plan");
            root.setExpanded(true);
            for (int i = 1; i <= 5; i++) {
                TreeItem<String> node = new TreeItem<>("Node " + i);
                node.getChildren().add(new TreeItem<>("Child of node " + i));
                node.setExpanded(true);
                root.getChildren().add(node);
            }
            TextArea text = new TextArea("select 1;\n");
            BorderPane pane = new BorderPane(new SplitPane(text, new TreeView<>(root)));
            pane.setTop(menu);
            stage.setTitle("Bare window");
            stage.setScene(new Scene(pane, 1360, 820));
            if (Boolean.getBoolean("planwright.quitAfterFirstWindow")) {
                // a second after the first frame, so that its drawing is part of the training too
                stage.setOnShown(e -> {
                    PauseTransition pause = new PauseTransition(Duration.seconds(1));
                    pause.setOnFinished(f -> Platform.exit());
                    pause.play();
                });
            }
            stage.show();
        }
    }
}
