package org.planwright.app.main;

import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.planwright.app.AppServices;
import org.planwright.app.editor.EditorTabViewModel;
import org.planwright.app.editor.EditorTabsView;
import org.planwright.app.error.ErrorReporter;

/**
 * The main window: menus, editor tabs above the results, the plan view beside them, the status bar.
 * Binds to {@link MainViewModel}. FX thread only.
 */
public final class MainWindow extends BorderPane {

    private final MainViewModel vm;
    private final Stage stage;
    private final ErrorReporter errors;
    private final EditorTabsView editorTabs;
    private final MainMenu menu;

    /**
     * @param services the application's services
     * @param stage    the primary stage (dialog owner)
     */
    public MainWindow(AppServices services, Stage stage) {
        this.stage = stage;
        this.vm = new MainViewModel(services);
        this.errors = new ErrorReporter(stage);
        getStyleClass().add("main-window");
        editorTabs = new EditorTabsView(vm.editors(), this::confirmClose);
        SplitPane left = new SplitPane(editorTabs, new Label("Results"));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.55);
        SplitPane center = new SplitPane(left, new Label("Plan"));
        center.setDividerPositions(0.5);
        menu = new MainMenu(this, vm);
        setTop(menu);
        setCenter(center);
        setBottom(new StatusBar(vm.status()));
    }

    /** @return the window's view model */
    public MainViewModel viewModel() {
        return vm;
    }

    /** @return the stage */
    public Stage stage() {
        return stage;
    }

    /** @return the error reporter of this window */
    public ErrorReporter errors() {
        return errors;
    }

    /** Opens the first editor tab and starts the background start-up. */
    public void startUp() {
        vm.startUp();
    }

    /**
     * Registers the window's key shortcuts as scene filters so the code area cannot swallow them.
     *
     * @param scene the window's scene
     */
    public void installAccelerators(Scene scene) {
        menu.installShortcutFilter(scene);
    }

    /** @return true if the application may exit (no unsaved tab, or the user agreed) */
    public boolean confirmExit() {
        long dirty = vm.editors().tabs().stream().filter(t -> t.dirtyProperty().get()).count();
        if (dirty == 0) {
            return true;
        }
        return ask("Unsaved changes", dirty + " tab(s) have unsaved changes. Exit anyway?");
    }

    /** Releases listeners and background work of this window. */
    public void dispose() {
        // listeners are owned by this window's nodes; nothing global to release yet
    }

    boolean confirmClose(EditorTabViewModel tab) {
        return !tab.dirtyProperty().get()
                || ask("Unsaved changes", "Close " + tab.titleProperty().get() + " without saving?");
    }

    boolean ask(String header, String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Planwright");
        alert.setHeaderText(header);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.OK;
    }

    EditorTabsView editorTabs() {
        return editorTabs;
    }
}
