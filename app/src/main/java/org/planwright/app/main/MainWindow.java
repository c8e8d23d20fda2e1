package org.planwright.app.main;

import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.input.Clipboard;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.planwright.app.AppServices;
import org.planwright.app.advice.AdviceHost;
import org.planwright.app.preferences.InsightPreferences;
import org.planwright.app.preferences.PreferencesDialog;
import org.planwright.app.preferences.PreferencesViewModel;
import org.planwright.app.connection.ConnectionDialog;
import org.planwright.app.connection.ConnectionProfilesViewModel;
import org.planwright.app.editor.EditorTabViewModel;
import org.planwright.app.editor.EditorTabsView;
import org.planwright.app.error.ErrorReporter;
import org.planwright.app.plan.PlanView;
import org.planwright.app.results.ResultsView;
import org.planwright.app.status.StatusBar;

/**
 * The main window: menus and tool bar, editor tabs above the results, the plan view beside them, the status
 * bar. Binds to {@link MainViewModel} and supplies its dialogs (confirmations, passwords, connections).
 * FX thread only.
 */
public final class MainWindow extends BorderPane {

    private final MainViewModel vm;
    private final Stage stage;
    private final ErrorReporter errors;
    private final EditorTabsView editorTabs;
    private final SplitPane left;
    private final SplitPane center;
    // built once the first frame is laid out (buildViews); the first frame shows their empty places
    private ResultsView resultsView;
    private PlanView planView;
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
        vm.queries().setConfirmer(this::ask);
        vm.connection().setPasswordPrompt(profile -> PasswordDialog.ask(stage, profile));
        editorTabs = new EditorTabsView(vm.editors(), this::confirmClose);
        left = new SplitPane(editorTabs, placeholder("results"));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.6);
        center = new SplitPane(left, placeholder("plan-view"));
        center.setDividerPositions(0.38);
        menu = new MainMenu(this, vm);
        setTop(new VBox(menu, new MainToolBar(this, vm)));
        setCenter(center);
        setBottom(new StatusBar(vm.status(), vm.teamSync()));
        vm.planImport().errorProperty().addListener((obs, old, now) -> {
            if (now != null) {
                errors.showMessage(now.title(), now.message());
            }
        });
    }

    /** File > Open plan…: a plan file (EXPLAIN output as JSON, text, XML, YAML) shown without a connection. */
    public void openPlan() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a plan");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Plans (EXPLAIN output)", "*.json", "*.txt", "*.xml", "*.yaml",
                        "*.yml", "*.sql"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        var file = chooser.showOpenDialog(stage);
        if (file != null) {
            vm.planImport().open(file.toPath());
        }
    }

    /** Edit > Paste plan: the clipboard's text shown as a plan. */
    public void pastePlan() {
        vm.planImport().paste(Clipboard.getSystemClipboard().getString());
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

    /** @return the result table and messages (tests look at them); built at the latest by {@link #startUp()} */
    public ResultsView resultsView() {
        buildViews();
        return resultsView;
    }

    /** @return the plan view (tests look at it); built at the latest by {@link #startUp()} */
    public PlanView planView() {
        buildViews();
        return planView;
    }

    /**
     * Puts the results and plan views in the places the first frame shows empty (ADR 0011: the first window
     * shows sooner). Idempotent; {@link #startUp()} calls it too.
     */
    public void buildViews() {
        if (planView != null) {
            return;
        }
        resultsView = new ResultsView(vm.results(), m -> vm.editors().selected()
                .ifPresent(t -> t.jumpTo(m.line(), m.column())));
        planView = new PlanView(vm.plan());
        // issue 9: the Advice pane as a tab beside the results, so it sits beside the plan
        left.getItems().set(1, AdviceHost.tabs(resultsView, "Results", stage, vm.advicePage(),
                () -> vm.editors().selected().flatMap(EditorTabViewModel::statementAtCaret).map(st -> st.text())
                        .orElse(""), this::ask, errors::show));
        left.setDividerPositions(0.6);
        center.getItems().set(1, planView);
        center.setDividerPositions(0.38);
    }

    private static Region placeholder(String id) {
        Region r = new Region();
        r.setId(id + "-placeholder");
        return r;
    }

    /** @return the editor tabs view */
    public EditorTabsView editorTabs() {
        return editorTabs;
    }

    /** Builds the views the first frame leaves out, opens the first editor tab, starts the background start-up. */
    public void startUp() {
        buildViews();
        vm.startUp();
        vm.editors().selected().map(editorTabs::editorFor).ifPresent(e -> e.codeArea().requestFocus());
    }

    /**
     * Registers the window's key shortcuts as scene filters so the code area cannot swallow them.
     *
     * @param scene the window's scene
     */
    public void installAccelerators(Scene scene) {
        menu.installShortcutFilter(scene);
    }

    /**
     * Shows the connection dialog with the active workspace's saved profiles (listed in the background) and
     * connects the chosen profile.
     */
    public void showConnections() {
        ConnectionProfilesViewModel profiles = vm.connectionProfiles();
        profiles.list(list -> {
            ConnectionDialog dialog = new ConnectionDialog(stage, profiles.form(), list,
                    p -> profiles.save(p, e -> errors.show("Could not save the connection", e)));
            dialog.showAndWait().ifPresent(c -> vm.connection().connect(c.profile(), c.password()));
        }, e -> errors.show("Could not list the connections", e));
    }

    /**
     * Shows the preferences dialog (insight thresholds, the admin-approval preference for configuration changes,
     * read in the background first); OK applies them to the next analysis at once and stores them in the background.
     */
    public void showPreferences() {
        InsightPreferences prefs = vm.insightPreferences();
        vm.readConfigApproval(approval -> {
            PreferencesViewModel model = new PreferencesViewModel(prefs.current(), approval);
            PreferencesDialog dialog = new PreferencesDialog(stage, model);
            dialog.showAndWait().ifPresent(t -> vm.savePreferences(t, model.configApprovalRequiredProperty().get(),
                    e -> errors.show("Could not save the preferences", e)));
        }, e -> errors.show("Could not read the preferences", e));
    }

    /** @return true if the application may exit (no unsaved tab, or the user agreed) */
    public boolean confirmExit() {
        long dirty = vm.editors().tabs().stream().filter(t -> t.dirtyProperty().get()).count();
        if (dirty == 0) {
            return true;
        }
        return ask("Unsaved changes", dirty + " tab(s) have unsaved changes. Exit anyway?");
    }

    /** Releases the window's background work (pending checks, the session). */
    public void dispose() {
        vm.connection().disconnect();
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
}
