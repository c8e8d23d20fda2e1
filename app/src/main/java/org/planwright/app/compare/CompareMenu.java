package org.planwright.app.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.plans.report.PlanReport;

/**
 * The File menu's plan items, kept in one place: "Compare plans…" (opens a {@link ComparisonWindow}) and
 * "Export report" (Markdown / HTML / JSON of the plan shown). FX thread only.
 */
public final class CompareMenu {

    private final Window owner;
    private final BackgroundExecutor executor;
    private final Callable<List<PlanSource>> captures;
    private final Supplier<PlanReport> currentPlan;
    private final Consumer<String> status;
    private final BiConsumer<String, Throwable> errors;

    /**
     * @param owner       the main window
     * @param executor    background work
     * @param captures    loads the workspace's plan captures (blocking)
     * @param currentPlan the plan shown and its query, or null when there is none
     * @param status      shows a done message in the status bar
     * @param errors      shows an error (title, cause)
     */
    public CompareMenu(Window owner, BackgroundExecutor executor, Callable<List<PlanSource>> captures,
                       Supplier<PlanReport> currentPlan, Consumer<String> status, BiConsumer<String, Throwable> errors) {
        this.owner = owner;
        this.executor = executor;
        this.captures = captures;
        this.currentPlan = currentPlan;
        this.status = status;
        this.errors = errors;
    }

    /**
     * @param compareKey accelerator of "Compare plans…", or null
     * @param noPlan     true while no plan is shown (disables the export items)
     * @return the items to add to the File menu
     */
    public List<MenuItem> items(javafx.scene.input.KeyCombination compareKey, BooleanExpression noPlan) {
        MenuItem compare = new MenuItem("Compare plans…");
        compare.setId("compare-plans");
        compare.setAccelerator(compareKey);
        compare.setOnAction(e -> new ComparisonWindow(owner, executor, captures, errors).show());
        Menu export = new Menu("Export report");
        export.setId("export-report");
        for (ReportKind kind : ReportKind.values()) {
            MenuItem item = new MenuItem(kind.label() + "…");
            item.setOnAction(e -> export(kind));
            item.disableProperty().bind(noPlan);
            export.getItems().add(item);
        }
        return List.of(compare, export);
    }

    private void export(ReportKind kind) {
        PlanReport report = currentPlan.get();
        if (report == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + kind.label() + " report");
        chooser.setInitialFileName("plan-report." + kind.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.label(), "*." + kind.extension()));
        var file = chooser.showSaveDialog(owner);
        if (file != null) {
            Path target = file.toPath();
            new ReportExporter(executor).export(report, kind, target, p -> status.accept("Exported " + p.getFileName()),
                    e -> errors.accept("Could not export the report", e));
        }
    }
}
