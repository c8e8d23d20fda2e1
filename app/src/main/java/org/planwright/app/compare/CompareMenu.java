package org.planwright.app.compare;

import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The File menu's plan items, kept in one place: "Compare plans…" (opens a {@link ComparisonWindow}) and
 * "Export report" (Markdown / HTML / JSON of the plan shown). FX thread only.
 */
public final class CompareMenu {

    private final Window owner;
    private final CompareMenuViewModel vm;

    /**
     * @param owner the main window
     * @param vm    the commands
     */
    public CompareMenu(Window owner, CompareMenuViewModel vm) {
        this.owner = owner;
        this.vm = vm;
    }

    /**
     * @param compareKey accelerator of "Compare plans…", or null
     * @return the items to add to the File menu
     */
    public List<MenuItem> items(KeyCombination compareKey) {
        MenuItem compare = new MenuItem("Compare plans…");
        compare.setId("compare-plans");
        compare.setAccelerator(compareKey);
        compare.setOnAction(e -> new ComparisonWindow(owner, vm.newComparison()).show());
        Menu export = new Menu("Export report");
        export.setId("export-report");
        for (ReportKind kind : ReportKind.values()) {
            MenuItem item = new MenuItem(kind.label() + "…");
            item.setOnAction(e -> export(kind));
            item.disableProperty().bind(vm.noPlanProperty());
            export.getItems().add(item);
        }
        return List.of(compare, export);
    }

    private void export(ReportKind kind) {
        if (vm.shownPlanReport() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + kind.label() + " report");
        chooser.setInitialFileName("plan-report." + kind.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.label(), "*." + kind.extension()));
        var file = chooser.showSaveDialog(owner);
        if (file != null) {
            vm.exportShownPlan(kind, file.toPath());
        }
    }
}
