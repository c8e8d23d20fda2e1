package org.planwright.app.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.plan.PlanViewModel;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.Plan;
import org.planwright.plans.report.PlanReport;
import org.planwright.store.PlanCaptures;
import org.planwright.store.Workspace;

/**
 * The commands behind the File menu's plan items ({@link CompareMenu}): "Compare plans…" (a new
 * {@link ComparisonViewModel} offering the workspace's latest plan captures) and "Export report" of the plan shown
 * (Markdown / HTML / JSON, with the insights of the thresholds in force).
 *
 * <p>Thread rules: call on the FX thread (or the test's thread with a same-thread executor); the store is read
 * and files are written through the {@link BackgroundExecutor}.
 */
public final class CompareMenuViewModel {

    /** How many captures the comparison window offers, newest first. */
    public static final int CAPTURES_OFFERED = 50;

    private final PlanViewModel plan;
    private final Supplier<Optional<PlanCaptures>> captures;
    private final Supplier<Workspace> workspace;
    private final Supplier<InsightThresholds> thresholds;
    private final BackgroundExecutor executor;
    private final Consumer<String> status;
    private final BiConsumer<String, Throwable> errors;
    private final BooleanBinding noPlan;

    /**
     * @param plan       the plan shown (what "Export report" exports)
     * @param captures   the store's plan captures once the store is open (empty before)
     * @param workspace  the active workspace; null while the store is not open
     * @param thresholds the insight thresholds in force (read in the background: they may come from the store)
     * @param executor   runs loading and writing
     * @param status     shows a done message (the status bar)
     * @param errors     shows a failure (title, cause)
     */
    public CompareMenuViewModel(PlanViewModel plan, Supplier<Optional<PlanCaptures>> captures,
                                Supplier<Workspace> workspace, Supplier<InsightThresholds> thresholds,
                                BackgroundExecutor executor, Consumer<String> status,
                                BiConsumer<String, Throwable> errors) {
        this.plan = Objects.requireNonNull(plan);
        this.captures = Objects.requireNonNull(captures);
        this.workspace = Objects.requireNonNull(workspace);
        this.thresholds = Objects.requireNonNull(thresholds);
        this.executor = Objects.requireNonNull(executor);
        this.status = Objects.requireNonNull(status);
        this.errors = Objects.requireNonNull(errors);
        this.noPlan = plan.planProperty().isNull();
    }

    /** @return true while no plan is shown (the export items are disabled) */
    public BooleanBinding noPlanProperty() {
        return noPlan;
    }

    /**
     * @return a comparison that is loading the workspace's latest {@link #CAPTURES_OFFERED} captures (none before
     *         the store is open)
     */
    public ComparisonViewModel newComparison() {
        ComparisonViewModel comparison = new ComparisonViewModel(executor, errors);
        comparison.loadCaptures(latestCaptures());
        return comparison;
    }

    /** @return loads the captures of the workspace active now, newest first (blocking; none before the store is open) */
    Callable<List<PlanSource>> latestCaptures() {
        Workspace ws = workspace.get();
        Optional<PlanCaptures> store = captures.get();
        return () -> ws == null || store.isEmpty() ? List.of()
                : CaptureSources.latest(store.get(), ws.id(), CAPTURES_OFFERED);
    }

    /**
     * @return builds the report of the plan shown now (blocking: insights with the thresholds in force), or null
     *         when no plan is shown
     */
    public Callable<PlanReport> shownPlanReport() {
        Plan shown = plan.planProperty().get();
        String sql = plan.statementProperty().get();
        return shown == null ? null : () -> ReportExporter.planReport("Plan", shown, sql, thresholds.get());
    }

    /**
     * Writes the report of the plan shown in the background and says so in the status bar; nothing happens when
     * no plan is shown.
     *
     * @param kind the format
     * @param file where to write (UTF-8, replaced)
     */
    public void exportShownPlan(ReportKind kind, Path file) {
        Callable<PlanReport> report = shownPlanReport();
        if (report != null) {
            new ReportExporter(executor).export(report, kind, file, p -> status.accept("Exported " + p.getFileName()),
                    e -> errors.accept("Could not export the report", e));
        }
    }
}
