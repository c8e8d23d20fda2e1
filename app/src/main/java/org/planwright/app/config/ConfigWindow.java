package org.planwright.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import javafx.scene.Scene;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.store.ConfigChangeRecord;

/**
 * The configuration comparison window: a {@link ConfigComparisonView} in its own stage, offered the sources it
 * is given (first two preselected) and the workspace's change history. Export saves the text to a file. FX thread.
 */
public final class ConfigWindow {

    private final Stage stage = new Stage();
    private final ConfigComparisonViewModel vm;
    private final ConfigComparisonView view;
    private final BackgroundExecutor executor;
    private final BiConsumer<String, Throwable> errors;
    private final ConfigApplyViewModel applyVm;
    private final ConfigApplyPane applyPane;

    /**
     * @param owner    the main window, or null
     * @param executor background work
     * @param sources  the configurations to offer
     * @param history  loads the change history (blocking)
     * @param errors   shows an error (title, cause)
     */
    public ConfigWindow(Window owner, BackgroundExecutor executor, List<ConfigSource> sources,
                        Callable<List<ConfigChangeRecord>> history, BiConsumer<String, Throwable> errors) {
        this(owner, executor, sources, history, errors, null, "");
    }

    /**
     * @param owner    the main window, or null
     * @param executor background work
     * @param sources  the configurations to offer
     * @param history  loads the change history (blocking)
     * @param errors   shows an error (title, cause)
     * @param changer  applies recommendations to the connected server, or null for no Apply pane
     * @param server   the connected server's label (host:port)
     */
    public ConfigWindow(Window owner, BackgroundExecutor executor, List<ConfigSource> sources,
                        Callable<List<ConfigChangeRecord>> history, BiConsumer<String, Throwable> errors,
                        ConfigChanger changer, String server) {
        this.executor = executor;
        this.errors = errors;
        this.vm = new ConfigComparisonViewModel(executor);
        this.view = new ConfigComparisonView(vm, this::export);
        vm.choices().setAll(sources);
        if (sources.size() >= 2) {
            vm.leftProperty().set(sources.get(0));
            vm.rightProperty().set(sources.get(1));
        }
        vm.loadHistory(history);
        if (changer != null) {
            applyVm = new ConfigApplyViewModel(executor, changer, () -> {
                vm.loadHistory(history);
                vm.compare(); // the live side after the change
            });
            applyPane = new ConfigApplyPane(applyVm, server);
            view.showApply(applyPane);
            applyVm.loadRecommendations();
            stage.setOnHidden(e -> applyVm.cancel());
        } else {
            applyVm = null;
            applyPane = null;
        }
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Server configuration — Planwright");
        Scene scene = new Scene(view, 1400, changer == null ? 820 : 900);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    /** @return the view model */
    public ConfigComparisonViewModel viewModel() {
        return vm;
    }

    /** @return the Apply view model, or null when not connected */
    public ConfigApplyViewModel applyViewModel() {
        return applyVm;
    }

    /** @return the Apply pane, or null when not connected */
    public ConfigApplyPane applyPane() {
        return applyPane;
    }

    /** @return the view */
    public ConfigComparisonView view() {
        return view;
    }

    /** @return the stage */
    public Stage stage() {
        return stage;
    }

    /** Shows the window and compares the preselected pair. */
    public void show() {
        stage.show();
        vm.compare();
    }

    private void export(ExportKind kind) {
        String text = vm.exportText(kind);
        if (text.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + kind.label());
        chooser.setInitialFileName("planwright-config." + kind.extension());
        var file = chooser.showSaveDialog(stage);
        if (file != null) {
            executor.submit(() -> Files.writeString(file.toPath(), text), p -> { },
                    e -> errors.accept("Could not export the configuration", e instanceof IOException ? e : e));
        }
    }
}
