package org.planwright.app.compare;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.plans.InsightEngine;
import org.planwright.plans.Plan;
import org.planwright.plans.report.ComparisonReport;
import org.planwright.plans.report.PlanReport;

/**
 * Writes reports to files in the background: the current plan (File &gt; Export report) or a comparison.
 * Callbacks run on the UI thread; the file is written whole (UTF-8) or not at all reported as done.
 */
public final class ReportExporter {

    private final BackgroundExecutor executor;

    /** @param executor runs rendering and writing */
    public ReportExporter(BackgroundExecutor executor) {
        this.executor = executor;
    }

    /**
     * @param name  the plan's name in the report
     * @param plan  the plan
     * @param query the statement, or null
     * @return the report input, with the insights of the standard {@link InsightEngine}
     */
    public static PlanReport planReport(String name, Plan plan, String query) {
        return new PlanReport(name, plan, new InsightEngine().analyze(plan), query == null || query.isBlank() ? null : query);
    }

    /**
     * @param report  the plan report
     * @param kind    the format
     * @param file    where to write
     * @param done    receives the file on the UI thread
     * @param failed  receives the error on the UI thread
     */
    public void export(PlanReport report, ReportKind kind, Path file, Consumer<Path> done, Consumer<Throwable> failed) {
        executor.submit(() -> Files.writeString(file, kind.render(report), StandardCharsets.UTF_8), done, failed);
    }

    /** Same for a comparison. */
    public void export(ComparisonReport report, ReportKind kind, Path file, Consumer<Path> done,
                       Consumer<Throwable> failed) {
        executor.submit(() -> Files.writeString(file, kind.render(report), StandardCharsets.UTF_8), done, failed);
    }
}
