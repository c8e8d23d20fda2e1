package org.planwright.app.workspace;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Workspace menu: Switch to (one radio item per workspace, with its record count), New…, Rename…, Archive,
 * Restore (archived ones), Delete… (a confirmation naming the record counts), Export… and Import… (a passphrase
 * dialog). The lists are rebuilt each time the menu opens, after a background refresh. Binds to a
 * {@link WorkspaceViewModel}; FX thread only.
 */
public final class WorkspaceMenu extends Menu {

    /** The file name ending the export/import choosers offer. */
    static final String FILE_EXTENSION = "*.pwws";

    private final Window owner;
    private final WorkspaceViewModel vm;
    private final Menu switchTo = new Menu("Switch to");
    private final Menu restore = new Menu("Restore");
    private final Menu rename = new Menu("Rename…");
    private final Menu archive = new Menu("Archive");
    private final Menu delete = new Menu("Delete…");
    private final Menu export = new Menu("Export…");

    public WorkspaceMenu(Window owner, WorkspaceViewModel vm) {
        super("_Workspace");
        this.owner = owner;
        this.vm = vm;
        setId("workspace-menu");
        switchTo.setId("workspace-switch");
        delete.setId("workspace-delete");
        MenuItem create = new MenuItem("New…");
        create.setId("workspace-new");
        create.setOnAction(e -> askName("New workspace", "Name of the new workspace (one per client engagement):", "")
                .ifPresent(vm::create));
        MenuItem importItem = new MenuItem("Import…");
        importItem.setOnAction(e -> importFile());
        getItems().addAll(switchTo, create, rename, new SeparatorMenuItem(), archive, restore, delete,
                new SeparatorMenuItem(), export, importItem);
        // the counts are reloaded in the background each time the menu opens; the lists follow when they arrive
        setOnShowing(e -> vm.refresh());
        vm.items().addListener((javafx.collections.ListChangeListener<WorkspaceItem>) c -> rebuild());
        vm.activeProperty().addListener((o, was, now) -> rebuild());
        rebuild();
    }

    /** Refreshes the counts in the background; the menu rebuilds when they arrive. */
    public void refresh() {
        vm.refresh();
    }

    private void rebuild() {
        ToggleGroup group = new ToggleGroup();
        switchTo.getItems().clear();
        rename.getItems().clear();
        archive.getItems().clear();
        delete.getItems().clear();
        export.getItems().clear();
        restore.getItems().clear();
        for (WorkspaceItem item : vm.switchable()) {
            RadioMenuItem r = new RadioMenuItem(item.workspace().name() + "  (" + item.totalRecords() + " records)");
            r.setToggleGroup(group);
            r.setSelected(vm.isActive(item));
            r.setOnAction(e -> vm.switchTo(item));
            switchTo.getItems().add(r);
            rename.getItems().add(action(item.label(), () -> askName("Rename workspace",
                    "New name for \"" + item.workspace().name() + "\":", item.workspace().name())
                    .ifPresent(n -> vm.rename(item, n))));
            MenuItem a = action(item.label(), () -> vm.archive(item));
            a.setDisable(vm.isActive(item));
            archive.getItems().add(a);
        }
        for (WorkspaceItem item : vm.items()) {
            MenuItem d = action(item.label(), () -> confirmDelete(item));
            d.setDisable(vm.isActive(item));
            delete.getItems().add(d);
            export.getItems().add(action(item.label(), () -> export(item)));
        }
        for (WorkspaceItem item : vm.archived()) {
            restore.getItems().add(action(item.label(), () -> vm.restore(item)));
        }
        restore.setDisable(restore.getItems().isEmpty());
    }

    private static MenuItem action(String text, Runnable r) {
        MenuItem i = new MenuItem(text);
        i.setMnemonicParsing(false);
        i.setOnAction(e -> r.run());
        return i;
    }

    private Optional<String> askName(String title, String header, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private void confirmDelete(WorkspaceItem item) {
        String question = vm.deleteConfirmation(item);
        if (question == null) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.WARNING, question, new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE),
                ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Delete workspace");
        a.setHeaderText("Delete \"" + item.workspace().name() + "\" for good?");
        a.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).ifPresent(b -> vm.delete(item));
    }

    private void export(WorkspaceItem item) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export workspace \"" + item.workspace().name() + "\"");
        chooser.setInitialFileName(item.workspace().name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".pwws");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Planwright workspace", FILE_EXTENSION));
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        PassphraseDialog.ask(owner, "Passphrase for the exported file of \"" + item.workspace().name() + "\"", true)
                .ifPresent(p -> vm.export(item, f.toPath(), p));
    }

    private void importFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a workspace file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Planwright workspace", FILE_EXTENSION));
        File f = chooser.showOpenDialog(owner);
        if (f == null) {
            return;
        }
        Path file = f.toPath();
        // used only when the file's workspace is new here and its name is taken: the file's own name
        String fallbackName = file.getFileName().toString().replaceFirst("\\.pwws$", "");
        PassphraseDialog.ask(owner, "Passphrase of " + file.getFileName(), false)
                .ifPresent(p -> vm.importFile(file, p, fallbackName));
    }
}
