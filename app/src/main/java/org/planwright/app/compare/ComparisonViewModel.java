package org.planwright.app.compare;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.error.ErrorReporter;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import org.planwright.plans.compare.Delta;
import org.planwright.plans.compare.PlanChange;
import org.planwright.plans.compare.PlanComparison;
import org.planwright.plans.report.ComparisonReport;
import org.planwright.plans.report.ReportText;
import org.planwright.plans.report.TotalsTable;

/**
 * State of the plan comparison window: the plans to choose from, the chosen "before" and "after", and, once
 * compared, the verdict, the totals, the changes and the side-by-side rows. Selecting a change selects the row
 * that holds its node(s) and so both nodes; the selected row gives the selected node of each plan.
 *
 * <p>The plans on offer are the workspace's captures ({@link #loadCaptures}) and opened plan files
 * ({@link #open}); the newest two captures, else the first two files, are picked as "before" and "after".
 *
 * <p>Loading, parsing, matching and exporting run through the {@link BackgroundExecutor}; everything else
 * happens on the FX thread (or the test's thread with a same-thread executor).
 */
public final class ComparisonViewModel {

    private final BackgroundExecutor executor;
    private final BiConsumer<String, Throwable> errors;
    private final ObservableList<PlanSource> choices = FXCollections.observableArrayList();
    private final ObjectProperty<PlanSource> before = new SimpleObjectProperty<>(this, "before");
    private final ObjectProperty<PlanSource> after = new SimpleObjectProperty<>(this, "after");
    private final ReadOnlyObjectWrapper<PlanComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "Pick two plans");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<TotalRow> totals = FXCollections.observableArrayList();
    private final ObservableList<PlanChange> changes = FXCollections.observableArrayList();
    private final ObservableList<ComparisonRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ComparisonRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ObjectProperty<PlanChange> selectedChange = new SimpleObjectProperty<>(this, "selectedChange");
    private final ReadOnlyObjectWrapper<PlanNode> selectedBefore = new ReadOnlyObjectWrapper<>(this, "selectedBefore");
    private final ReadOnlyObjectWrapper<PlanNode> selectedAfter = new ReadOnlyObjectWrapper<>(this, "selectedAfter");
    private final Map<Integer, ComparisonRow> rowOfBefore = new HashMap<>();
    private final Map<Integer, ComparisonRow> rowOfAfter = new HashMap<>();
    private String beforeName = "";
    private String afterName = "";

    /**
     * A comparison whose loading errors show in {@link #errorProperty()}.
     *
     * @param executor runs loading, parsing, matching and exporting
     */
    public ComparisonViewModel(BackgroundExecutor executor) {
        this(executor, null);
    }

    /**
     * @param executor runs loading, parsing, matching and exporting
     * @param errors   shows a failure to load captures, open a file or export a report (title, cause); null
     *                 shows it in {@link #errorProperty()} instead. Parse errors always go to
     *                 {@link #errorProperty()}.
     */
    public ComparisonViewModel(BackgroundExecutor executor, BiConsumer<String, Throwable> errors) {
        this.executor = Objects.requireNonNull(executor);
        this.errors = errors != null ? errors
                : (title, e) -> error.set(title + ": " + ErrorReporter.describe(e));
        selectedChange.addListener((obs, old, now) -> {
            if (now != null) {
                ComparisonRow row = now.beforeNode().map(rowOfBefore::get)
                        .orElseGet(() -> now.afterNode().map(rowOfAfter::get).orElse(null));
                selectedRow.set(row);
            }
        });
        selectedRow.addListener((obs, old, now) -> {
            selectedBefore.set(now == null ? null : now.before());
            selectedAfter.set(now == null ? null : now.after());
        });
    }

    /** @return plans to pick from (captures of the workspace, opened files) */
    public ObservableList<PlanSource> choices() {
        return choices;
    }

    /**
     * Adds an opened plan file to the choices.
     *
     * @param source the file's plan
     */
    public void addChoice(PlanSource source) {
        choices.add(source);
    }

    /**
     * Loads the plans to offer in the background and puts them first among the choices; when there are two or
     * more and nothing is picked yet, the second (older) becomes "before" and the first "after".
     *
     * @param captures loads the plans, newest first (blocking; e.g. {@link CaptureSources#latest}); may return
     *                 none
     */
    public void loadCaptures(Callable<List<PlanSource>> captures) {
        executor.submit(captures, list -> {
            choices.addAll(0, list);
            if (list.size() >= 2 && before.get() == null) {
                before.set(list.get(1));
                after.set(list.get(0));
            }
        }, e -> errors.accept("Could not load the plan captures", e));
    }

    /**
     * Reads a plan file (UTF-8) in the background and offers it; the first file opened becomes "before" if none
     * is picked, a later one "after".
     *
     * @param file the plan file (any format {@link PlanParser} reads; it is parsed when compared)
     */
    public void open(Path file) {
        executor.submit(() -> new PlanSource(file.getFileName().toString(),
                Files.readString(file, StandardCharsets.UTF_8), null), s -> {
            addChoice(s);
            if (before.get() == null) {
                before.set(s);
            } else {
                after.set(s);
            }
        }, e -> errors.accept("Could not open " + file.getFileName(), e));
    }

    /**
     * Writes the comparison's report in the background; nothing happens when nothing is compared.
     *
     * @param kind the format
     * @param file where to write (UTF-8, replaced)
     */
    public void export(ReportKind kind, Path file) {
        ComparisonReport r = report();
        if (r != null) {
            new ReportExporter(executor).export(r, kind, file, p -> { },
                    e -> errors.accept("Could not export the report", e));
        }
    }

    /** @return the chosen "before" plan */
    public ObjectProperty<PlanSource> beforeProperty() {
        return before;
    }

    /** @return the chosen "after" plan */
    public ObjectProperty<PlanSource> afterProperty() {
        return after;
    }

    /**
     * Parses and compares the chosen plans in the background. A plan that cannot be read sets
     * {@link #errorProperty()} to its name and the parser's line:column message, and clears the comparison.
     */
    public void compare() {
        PlanSource b = before.get();
        PlanSource a = after.get();
        if (b == null || a == null) {
            error.set("Pick a before and an after plan");
            return;
        }
        busy.set(true);
        error.set("");
        beforeName = b.name();
        afterName = a.name();
        executor.submit(() -> PlanComparison.compare(parse(b), parse(a)), this::show, e -> {
            busy.set(false);
            clear();
            error.set(e instanceof PlanParseException ? e.getMessage()
                    : "Could not compare the plans: " + e.getMessage());
        });
    }

    private static Plan parse(PlanSource s) {
        try {
            return PlanParser.parse(s.planText());
        } catch (PlanParseException e) {
            throw new PlanParseException(e.line(), e.column(), s.name() + ": " + e.reason());
        }
    }

    private void show(PlanComparison c) {
        busy.set(false);
        selectedChange.set(null);
        selectedRow.set(null);
        comparison.set(c);
        verdict.set("After is " + TotalsTable.verdict(c));
        List<TotalRow> t = new ArrayList<>();
        for (TotalsTable.Total total : TotalsTable.totals(c.totals())) {
            Delta d = total.delta();
            t.add(new TotalRow(total.label(), ReportText.number(d.before(), total.digits()),
                    ReportText.number(d.after(), total.digits()), ReportText.signed(d.difference(), total.digits()),
                    total.lowerIsBetter() ? d.trend(PlanComparison.NOISE_FRACTION, 0) : Delta.Trend.SAME));
        }
        totals.setAll(t);
        changes.setAll(c.changes());
        rows.setAll(align(c));
    }

    private void clear() {
        comparison.set(null);
        verdict.set("Pick two plans");
        totals.clear();
        changes.clear();
        rows.clear();
        rowOfBefore.clear();
        rowOfAfter.clear();
    }

    /**
     * The "before" plan in pre-order, each node beside its partner; a node only the "after" plan has comes right
     * after the row of the "after" node that precedes it in pre-order. Linear in the number of nodes.
     */
    private List<ComparisonRow> align(PlanComparison c) {
        rowOfBefore.clear();
        rowOfAfter.clear();
        List<ComparisonRow> base = new ArrayList<>();
        for (PlanNode b : c.before().nodes()) {
            var pair = c.pairOfBefore(b.id()).orElse(null);
            ComparisonRow row = new ComparisonRow(b, pair == null ? null : pair.after(), pair, ReportText.depth(b));
            base.add(row);
            rowOfBefore.put(b.id(), row);
            if (pair != null) {
                rowOfAfter.put(pair.after().id(), row);
            }
        }
        List<ComparisonRow> head = new ArrayList<>();
        Map<ComparisonRow, List<ComparisonRow>> followers = new HashMap<>();
        for (PlanNode a : c.onlyAfter()) {
            ComparisonRow row = new ComparisonRow(null, a, null, ReportText.depth(a));
            if (a.id() == 0) {
                head.add(row);
            } else {
                followers.computeIfAbsent(rowOfAfter.get(a.id() - 1), k -> new ArrayList<>()).add(row);
            }
            rowOfAfter.put(a.id(), row);
        }
        List<ComparisonRow> out = new ArrayList<>(base.size() + c.onlyAfter().size());
        java.util.ArrayDeque<ComparisonRow> stack = new java.util.ArrayDeque<>();
        List<ComparisonRow> order = new ArrayList<>(head);
        order.addAll(base);
        for (ComparisonRow start : order) {
            stack.push(start);
            while (!stack.isEmpty()) {
                ComparisonRow row = stack.pop();
                out.add(row);
                List<ComparisonRow> next = followers.getOrDefault(row, List.of());
                for (int k = next.size() - 1; k >= 0; k--) {
                    stack.push(next.get(k));
                }
            }
        }
        return out;
    }

    /** @return the comparison shown, or null */
    public ReadOnlyObjectProperty<PlanComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** @return e.g. "After is faster: execution time 314.249 ms -> 86.709 ms (0.28x; ...)" */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** @return why the last comparison failed (positioned parse error), or "" */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return true while plans are being parsed and matched */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @return the totals, in {@link TotalsTable} order */
    public ObservableList<TotalRow> totals() {
        return totals;
    }

    /** @return the detected changes */
    public ObservableList<PlanChange> changes() {
        return changes;
    }

    /** @return the side-by-side rows */
    public ObservableList<ComparisonRow> rows() {
        return rows;
    }

    /** @return the selected row (the table binds both ways) */
    public ObjectProperty<ComparisonRow> selectedRowProperty() {
        return selectedRow;
    }

    /** @return the selected change; setting it selects its row */
    public ObjectProperty<PlanChange> selectedChangeProperty() {
        return selectedChange;
    }

    /** @return the "before" node of the selected row, or null */
    public ReadOnlyObjectProperty<PlanNode> selectedBeforeProperty() {
        return selectedBefore.getReadOnlyProperty();
    }

    /** @return the "after" node of the selected row, or null */
    public ReadOnlyObjectProperty<PlanNode> selectedAfterProperty() {
        return selectedAfter.getReadOnlyProperty();
    }

    /**
     * @return the comparison as a report (for File > Export report), or null when nothing is compared
     */
    public ComparisonReport report() {
        PlanComparison c = comparison.get();
        return c == null ? null : new ComparisonReport(beforeName, afterName, c);
    }
}
