package org.planwright.app.plan;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.error.ErrorReporter;
import org.planwright.plans.InsightEngine;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;

/**
 * Opens a plan file or takes a pasted plan without any connection: reads and parses it in the background
 * ({@link PlanParser}, {@link InsightEngine}) and shows it in {@link PlanViewModel} with its original text and
 * the query when the plan carries one ({@code "Query Text"}, auto_explain). A plan that cannot be read sets
 * {@link #errorProperty()} to a readable problem with line and column and leaves the shown plan as it was.
 * FX thread only (the work itself runs on the executor).
 */
public final class PlanImportViewModel {

    /** Largest plan file read (bytes); larger files are refused with a message instead of filling the heap. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    /**
     * A plan that could not be read.
     *
     * @param title   what failed, e.g. "Could not read the plan in q9.txt"
     * @param message where and why, e.g. "Line 3, column 14: expected ..."
     */
    public record Problem(String title, String message) {
    }

    private final PlanViewModel plan;
    private final BackgroundExecutor executor;
    private final Consumer<String> status;
    private final Supplier<InsightThresholds> thresholds;
    private final ReadOnlyObjectWrapper<Problem> error = new ReadOnlyObjectWrapper<>(this, "error");

    /**
     * @param plan     where the plan shows
     * @param executor runs the reading and parsing
     * @param status   receives a one-line summary when a plan is shown (the status bar)
     */
    public PlanImportViewModel(PlanViewModel plan, BackgroundExecutor executor, Consumer<String> status) {
        this(plan, executor, status, InsightThresholds::defaults);
    }

    /**
     * As above, with the insight thresholds in force read at each plan shown (on a worker thread).
     *
     * @param thresholds e.g. {@code InsightPreferences::current}
     */
    public PlanImportViewModel(PlanViewModel plan, BackgroundExecutor executor, Consumer<String> status,
                               Supplier<InsightThresholds> thresholds) {
        this.thresholds = thresholds;
        this.plan = plan;
        this.executor = executor;
        this.status = status;
    }

    /** @return the last problem (null until one happens); a new one replaces it */
    public ReadOnlyObjectProperty<Problem> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Reads and shows a plan file (EXPLAIN output in any format the parser reads, UTF-8).
     *
     * @param file the file
     */
    public void open(Path file) {
        String name = file.getFileName().toString();
        executor.submit(() -> parse(read(file)), r -> shown(r, name), e -> failed(e, "Could not read the plan in " + name));
    }

    /**
     * Shows a pasted plan.
     *
     * @param text the clipboard's text; null or blank gives a problem "The clipboard holds no text"
     */
    public void paste(String text) {
        if (text == null || text.isBlank()) {
            error.set(new Problem("Nothing to paste", "The clipboard holds no text. Copy a plan (EXPLAIN output) first."));
            return;
        }
        executor.submit(() -> parse(text), r -> shown(r, "the clipboard"),
                e -> failed(e, "Could not read the pasted plan"));
    }

    private static String read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file.getFileName() + " is larger than " + MAX_FILE_BYTES / (1024 * 1024)
                    + " MB; a plan file is expected");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new IOException(file.getFileName() + " is not UTF-8 text; a plan file is expected", e);
        }
    }

    private Parsed parse(String text) {
        Plan p = PlanParser.parse(text);
        List<InsightItem> items = new InsightEngine(thresholds.get()).analyze(p).stream()
                .map(InsightItem::of).toList();
        return new Parsed(p, items, text);
    }

    private void shown(Parsed r, String source) {
        plan.show(r.plan(), r.plan().queryText().orElse(""), r.insights(), r.text());
        status.accept("Plan from " + source + " · " + PlanViewModel.headerOf(r.plan()));
    }

    private void failed(Throwable t, String title) {
        Throwable e = ErrorReporter.unwrap(t);
        if (e instanceof PlanParseException pe) {
            error.set(new Problem(title, "Line " + pe.line() + ", column " + pe.column() + ": " + pe.reason()));
        } else {
            error.set(new Problem(title, ErrorReporter.describe(e)));
        }
    }

    private record Parsed(Plan plan, List<InsightItem> insights, String text) {
    }
}
