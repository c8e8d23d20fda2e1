package org.planwright.app.compare;

import javafx.scene.Scene;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The plan comparison window: a {@link ComparisonView} in its own stage over a {@link ComparisonViewModel} (which
 * loads the captures, opens plan files and exports reports); the window adds the file choosers. FX thread only.
 */
public final class ComparisonWindow {

    private final Stage stage = new Stage();
    private final ComparisonViewModel vm;
    private final ComparisonView view;

    /**
     * @param owner the main window, or null
     * @param vm    the comparison (its captures may still be loading)
     */
    public ComparisonWindow(Window owner, ComparisonViewModel vm) {
        this.vm = vm;
        this.view = new ComparisonView(vm, this::openFile, this::export);
        stage.initOwner(owner);
        stage.setTitle("Compare plans — Planwright");
        Scene scene = new Scene(view, 1400, 860);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    /** @return the window's view model */
    public ComparisonViewModel viewModel() {
        return vm;
    }

    /** @return the window's view */
    public ComparisonView view() {
        return view;
    }

    /** @return the stage */
    public Stage stage() {
        return stage;
    }

    /** Shows the window. */
    public void show() {
        stage.show();
    }

    private void export(ReportKind kind) {
        if (vm.report() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + kind.label() + " report");
        chooser.setInitialFileName("plan-comparison." + kind.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.label(), "*." + kind.extension()));
        var file = chooser.showSaveDialog(stage);
        if (file != null) {
            vm.export(kind, file.toPath());
        }
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open plan file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Plans", "*.json", "*.txt", "*.plan"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        var file = chooser.showOpenDialog(stage);
        if (file != null) {
            vm.open(file.toPath());
        }
    }
}
