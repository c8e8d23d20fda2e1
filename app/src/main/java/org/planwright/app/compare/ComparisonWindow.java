package org.planwright.app.compare;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import javafx.scene.Scene;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.planwright.app.concurrent.BackgroundExecutor;

/**
 * The plan comparison window: a {@link ComparisonView} in its own stage, filled with the workspace's plan
 * captures (loaded in the background) and any plan files the user opens. FX thread only.
 */
public final class ComparisonWindow {

    private final Stage stage = new Stage();
    private final ComparisonViewModel vm;
    private final ComparisonView view;
    private final BackgroundExecutor executor;
    private final BiConsumer<String, Throwable> errors;

    /**
     * @param owner    the main window
     * @param executor runs loading and comparing
     * @param captures loads the plans to offer (blocking; e.g. {@link CaptureSources#latest}); may return none
     * @param errors   shows an error to the user (title, cause)
     */
    public ComparisonWindow(Window owner, BackgroundExecutor executor, Callable<List<PlanSource>> captures,
                            BiConsumer<String, Throwable> errors) {
        this.executor = executor;
        this.errors = errors;
        this.vm = new ComparisonViewModel(executor);
        this.view = new ComparisonView(vm, this::openFile);
        stage.initOwner(owner);
        stage.setTitle("Compare plans — Planwright");
        Scene scene = new Scene(view, 1400, 860);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        executor.submit(captures, list -> {
            vm.choices().addAll(0, list);
            if (list.size() >= 2 && vm.beforeProperty().get() == null) {
                vm.beforeProperty().set(list.get(1));
                vm.afterProperty().set(list.get(0));
            }
        }, e -> errors.accept("Could not load the plan captures", e));
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

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open plan file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Plans", "*.json", "*.txt", "*.plan"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        var file = chooser.showOpenDialog(stage);
        if (file != null) {
            open(file.toPath());
        }
    }

    /**
     * Reads a plan file in the background and offers it; the first file opened becomes "before" if none is
     * chosen, the next "after".
     *
     * @param file the plan file
     */
    public void open(Path file) {
        executor.submit(() -> new PlanSource(file.getFileName().toString(),
                Files.readString(file, StandardCharsets.UTF_8), null), s -> {
            vm.addChoice(s);
            if (vm.beforeProperty().get() == null) {
                vm.beforeProperty().set(s);
            } else {
                vm.afterProperty().set(s);
            }
        }, e -> errors.accept("Could not open " + file.getFileName(), e));
    }
}
