package org.planwright.app.main;

import org.planwright.app.config.ConfigMenu;
import org.planwright.app.workload.WorkloadWindowOpener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import org.planwright.app.compare.CompareMenu;
import org.planwright.app.editor.EditorTabViewModel;

/**
 * The menu bar (File, Edit, Query, Connection, Workspace, View) with its keyboard shortcuts. Shortcuts are also handled by a
 * scene event filter, so the code area cannot consume them first. FX thread only.
 */
final class MainMenu extends MenuBar {

    private final MainWindow window;
    private final MainViewModel vm;
    private final Map<KeyCombination, MenuItem> shortcuts = new LinkedHashMap<>();

    MainMenu(MainWindow window, MainViewModel vm) {
        this.window = window;
        this.vm = vm;
        setId("main-menu");
        var workspaceMenu = new org.planwright.app.workspace.WorkspaceMenu(window.stage(), vm.workspaces());
        workspaceMenu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), teamSyncItem(), syncNowItem());
        getMenus().addAll(fileMenu(), editMenu(), queryMenu(), connectionMenu(), workspaceMenu, viewMenu());
    }

    private MenuItem teamSyncItem() {
        MenuItem item = new MenuItem("Team s_ync…");
        item.setId("menu-team-sync");
        item.setOnAction(e -> new org.planwright.app.sync.TeamSyncDialog(window.stage(), vm.teamSync().settings())
                .showAndWait().ifPresent(s -> vm.teamSync().save(s,
                        err -> window.errors().show("Cannot save the team sync settings", err))));
        return item;
    }

    private MenuItem syncNowItem() {
        MenuItem item = new MenuItem("Sync _now");
        item.setId("menu-sync-now");
        item.setOnAction(e -> vm.teamSync().syncNow());
        return item;
    }

    void installShortcutFilter(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (Map.Entry<KeyCombination, MenuItem> s : shortcuts.entrySet()) {
                if (s.getKey().match(e) && !s.getValue().isDisable()) {
                    e.consume();
                    s.getValue().fire();
                    return;
                }
            }
        });
    }

    private Menu fileMenu() {
        Menu m = new Menu("_File");
        m.getItems().addAll(
                item("New tab", shortcut(KeyCode.T), () -> vm.editors().newTab("")),
                item("Open…", shortcut(KeyCode.O), this::open),
                item("Save", shortcut(KeyCode.S), () -> vm.editors().selected().ifPresent(t -> save(t, false))),
                item("Save as…", shortcutShift(KeyCode.S), () -> vm.editors().selected().ifPresent(t -> save(t, true))),
                item("Open plan…", null, window::openPlan),
                item("Close tab", shortcut(KeyCode.W), () -> vm.editors().selected().ifPresent(t -> {
                    if (window.confirmClose(t)) {
                        vm.editors().close(t);
                    }
                })),
                new SeparatorMenuItem());
        m.getItems().addAll(planItems());
        m.getItems().addAll(new SeparatorMenuItem(),
                item("Preferences…", new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                        window::showPreferences),
                new SeparatorMenuItem(),
                item("Exit", shortcut(KeyCode.Q), () -> {
                    if (window.confirmExit()) {
                        Platform.exit();
                    }
                }));
        return m;
    }

    private Menu editMenu() {
        Menu m = new Menu("_Edit");
        m.getItems().add(item("Paste plan", shortcutShift(KeyCode.V), window::pastePlan));
        return m;
    }

    /** Compare plans… and Export report (Markdown / HTML / JSON): the plan items of org.planwright.app.compare. */
    private List<MenuItem> planItems() {
        CompareMenu plans = new CompareMenu(window.stage(), vm.compareMenu(window.errors()::show));
        List<MenuItem> items = plans.items(shortcutShift(KeyCode.D));
        shortcuts.put(shortcutShift(KeyCode.D), items.getFirst());
        return items;
    }

    private Menu queryMenu() {
        Menu m = new Menu("_Query");
        var running = vm.queries().runningProperty();
        MenuItem run = item("Run statement", new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                vm.queries()::runStatement);
        MenuItem runAll = item("Run all", shortcutShift(KeyCode.ENTER), vm.queries()::runAll);
        MenuItem explain = item("Explain", shortcut(KeyCode.E), () -> vm.explain().explain(false));
        MenuItem analyze = item("Explain analyze (rolled back)", shortcutShift(KeyCode.E),
                () -> vm.explain().explain(true));
        MenuItem cancel = item("Cancel", new KeyCodeCombination(KeyCode.ESCAPE), vm.queries()::cancel);
        for (MenuItem i : new MenuItem[] {run, runAll, explain, analyze}) {
            i.disableProperty().bind(running);
        }
        cancel.disableProperty().bind(running.not());
        m.getItems().addAll(run, runAll, new SeparatorMenuItem(), explain, analyze, new SeparatorMenuItem(), cancel);
        return m;
    }

    private Menu connectionMenu() {
        Menu m = new Menu("_Connection");
        MenuItem connect = item("Connections…", shortcutShift(KeyCode.C), window::showConnections);
        MenuItem disconnect = item("Disconnect", null, vm.connection()::disconnect);
        disconnect.disableProperty().bind(vm.connection().connectedProperty().not());
        MenuItem workload = item("Workload…", null,
                () -> WorkloadWindowOpener.open(window.stage(), vm.newWorkloadViewModel()));
        workload.setId("workload");
        m.getItems().addAll(connect, disconnect, new SeparatorMenuItem(), workload,
                ConfigMenu.item(window.stage(), vm.configMenu(), window.errors()::show));
        return m;
    }

    private Menu viewMenu() {
        Menu m = new Menu("_View");
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme");
        light.setToggleGroup(themes);
        light.setSelected(true);
        light.setOnAction(e -> Theme.LIGHT.apply());
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        dark.setToggleGroup(themes);
        dark.setOnAction(e -> Theme.DARK.apply());
        m.getItems().addAll(light, dark);
        m.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), learningItem());
        return m;
    }

    /** View › Learning…: the learning loop's page (org.planwright.app.learning). */
    private MenuItem learningItem() {
        MenuItem learning = item("Learning…", null,
                () -> new org.planwright.app.learning.LearningWindow(window.stage(), vm.learningPage()).show());
        learning.setId("learning");
        return learning;
    }

    MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        if (key != null) {
            item.setAccelerator(key);
            shortcuts.put(key, item);
        }
        return item;
    }

    static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    static KeyCombination shortcutShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private FileChooser sqlChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SQL files", "*.sql"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return chooser;
    }

    private void open() {
        var file = sqlChooser("Open SQL file").showOpenDialog(window.stage());
        if (file != null) {
            try {
                vm.editors().open(file.toPath());
            } catch (IOException e) {
                window.errors().show("Could not open " + file.getName(), e);
            }
        }
    }

    private void save(EditorTabViewModel tab, boolean askName) {
        Path target = tab.fileProperty().get();
        if (target == null || askName) {
            FileChooser chooser = sqlChooser("Save SQL file");
            chooser.setInitialFileName(target == null ? "query.sql" : target.getFileName().toString());
            var file = chooser.showSaveDialog(window.stage());
            if (file == null) {
                return;
            }
            target = file.toPath();
        }
        try {
            tab.saveTo(target);
            vm.status().done("Saved " + target.getFileName());
        } catch (IOException e) {
            window.errors().show("Could not save " + target.getFileName(), e);
        }
    }
}
