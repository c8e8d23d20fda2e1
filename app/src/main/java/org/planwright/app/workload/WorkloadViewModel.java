package org.planwright.app.workload;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.planwright.advice.index.IndexAdvice;
import org.planwright.advice.index.IndexAdviceOptions;
import org.planwright.advice.index.IndexAdvisor;
import org.planwright.advice.index.WorkloadStatement;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.concurrent.BackgroundJob;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.store.StoredWorkloadWindow;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.ServerInfo;
import org.planwright.targetdb.TargetException;
import org.planwright.store.WorkloadWindows;
import org.planwright.store.Workspace;
import org.planwright.workload.IndexCounters;
import org.planwright.workload.LoadHistory;
import org.planwright.workload.LoadPoint;
import org.planwright.workload.ServerLabel;
import org.planwright.workload.StatementFigures;
import org.planwright.workload.StatisticsReader;
import org.planwright.workload.TableCounters;
import org.planwright.workload.WorkloadAnalyzer;
import org.planwright.workload.WorkloadReport;
import org.planwright.workload.WorkloadWindow;

/**
 * State and commands of the Workload window: which server and period, the report (class, read/write ratio, top
 * statements) and, for recorded periods, the load history (hourly load, busiest hours, a shift, the next day's
 * forecast). Loading runs on the background executor; results land on the UI thread. FX thread only.
 */
public final class WorkloadViewModel {

    /** Statements per top list. */
    public static final int TOP = 15;

    private final BackgroundExecutor executor;
    private final Supplier<Optional<WorkloadWindows>> store;
    private final Supplier<Workspace> workspace;
    private final Supplier<Optional<ActiveConnection>> connection;
    private final Clock clock;
    private final ZoneId zone;
    private final WorkloadAnalyzer analyzer = new WorkloadAnalyzer();

    private final ObservableList<String> servers = FXCollections.observableArrayList();
    private final ObjectProperty<String> server = new SimpleObjectProperty<>(this, "server");
    private final ObjectProperty<WorkloadPeriod> period = new SimpleObjectProperty<>(this, "period", WorkloadPeriod.LAST_DAY);
    private final ReadOnlyObjectWrapper<WorkloadReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<LoadHistory> history = new ReadOnlyObjectWrapper<>(this, "history");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper historyText = new ReadOnlyStringWrapper(this, "historyText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObservableList<StatementFigures> byTotal = FXCollections.observableArrayList();
    private final ObservableList<StatementFigures> byMean = FXCollections.observableArrayList();
    private final ObservableList<StatementFigures> byIo = FXCollections.observableArrayList();
    private final ObservableList<TableCounters> tables = FXCollections.observableArrayList();
    private final ObservableList<IndexCounters> unusedIndexes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<IndexAdvice> advice = new ReadOnlyObjectWrapper<>(this, "advice");
    private final ObservableList<IndexAdvice.ChosenIndex> adviceIndexes = FXCollections.observableArrayList();
    private final ObservableList<IndexAdvice.Skipped> adviceSkipped = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper adviceSummary = new ReadOnlyStringWrapper(this, "adviceSummary", "");
    private final ReadOnlyStringWrapper adviceProgress = new ReadOnlyStringWrapper(this, "adviceProgress", "");
    private final BooleanProperty adviceBusy = new SimpleBooleanProperty(this, "adviceBusy");
    private final BooleanProperty allowLockingBuilds = new SimpleBooleanProperty(this, "allowLockingBuilds");
    private BackgroundJob adviceJob = BackgroundJob.DONE;
    private java.util.concurrent.atomic.AtomicBoolean adviceCancel = new java.util.concurrent.atomic.AtomicBoolean();
    private long adviceRun;

    /**
     * @param executor   background work
     * @param store      the store's workload windows, once the store is open
     * @param workspace  the active workspace
     * @param connection the active connection, for the live period and to preselect its server
     * @param clock      the time that periods count back from
     * @param zone       the zone for hours of the day
     */
    public WorkloadViewModel(BackgroundExecutor executor, Supplier<Optional<WorkloadWindows>> store,
                             Supplier<Workspace> workspace, Supplier<Optional<ActiveConnection>> connection,
                             Clock clock, ZoneId zone) {
        this.executor = executor;
        this.store = store;
        this.workspace = workspace;
        this.connection = connection;
        this.clock = clock;
        this.zone = zone;
    }

    public ObservableList<String> servers() {
        return servers;
    }

    public ObjectProperty<String> serverProperty() {
        return server;
    }

    public ObjectProperty<WorkloadPeriod> periodProperty() {
        return period;
    }

    /** @return the report shown, null before the first load or when there is nothing to show */
    public ReadOnlyObjectProperty<WorkloadReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** @return the recorded load history, null for the live period */
    public ReadOnlyObjectProperty<LoadHistory> historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** @return class, confidence, read/write ratio and totals in a few lines */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** @return busiest hours, shift and forecast in a few lines (empty for the live period) */
    public ReadOnlyStringProperty historyTextProperty() {
        return historyText.getReadOnlyProperty();
    }

    /** @return why nothing is shown, or the last error; empty when all is well */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<StatementFigures> topByTotalTime() {
        return byTotal;
    }

    public ObservableList<StatementFigures> topByMeanTime() {
        return byMean;
    }

    public ObservableList<StatementFigures> topByIo() {
        return byIo;
    }

    /** @return the connected database's tables in the window, most rows read by sequential scans first */
    public ObservableList<TableCounters> tables() {
        return tables;
    }

    /** @return indexes not scanned in the window */
    public ObservableList<IndexCounters> unusedIndexes() {
        return unusedIndexes;
    }

    /** Lists the servers with recorded windows (and the connected one), then loads the report. */
    public void open() {
        Workspace ws = workspace.get();
        String connected = connection.get().map(c -> ServerLabel.of(c.session().profile())).orElse(null);
        busy.set(true);
        executor.submit(() -> store.get().filter(s -> ws != null)
                        .map(s -> s.serverLabels(ws.id())).orElse(List.of()),
                labels -> {
                    servers.setAll(labels);
                    if (connected != null && !servers.contains(connected)) {
                        servers.add(connected);
                    }
                    server.set(connected != null ? connected : servers.isEmpty() ? null : servers.getFirst());
                    if (connected != null && !labels.contains(connected)) {
                        period.set(WorkloadPeriod.SINCE_RESET);
                    }
                    refresh();
                }, this::failed);
    }

    /** Loads the report of the chosen server and period in the background. */
    public void refresh() {
        String label = server.get();
        WorkloadPeriod p = period.get();
        Workspace ws = workspace.get();
        if (label == null) {
            clear("No workload yet: connect to a PostgreSQL server with pg_stat_statements; Planwright records "
                    + "its workload every 5 minutes while connected.");
            return;
        }
        busy.set(true);
        if (p == WorkloadPeriod.SINCE_RESET) {
            Optional<ActiveConnection> active = connection.get()
                    .filter(c -> ServerLabel.of(c.session().profile()).equals(label));
            if (active.isEmpty()) {
                clear("Live counters need a connection to " + label + ".");
                return;
            }
            executor.submit(() -> active.get().with(session -> {
                StatisticsReader reader = new StatisticsReader(session);
                Optional<String> why = reader.unavailableReason();
                if (why.isPresent()) {
                    throw new IllegalStateException(why.get());
                }
                return WorkloadWindow.sinceReset(reader.take(Set.of(session.serverInfo().database())));
            }), window -> show(analyzer.analyze(window, TOP), null), this::failed);
            return;
        }
        Instant to = clock.instant();
        Instant from = to.minus(p.length());
        executor.submit(() -> store.get().filter(s -> ws != null)
                .map(s -> s.list(ws.id(), label, from, to)).orElse(List.of()), stored -> {
                    if (stored.isEmpty()) {
                        clear("No windows recorded for " + label + " in this period. Choose the live counters, or "
                                + "stay connected: a window is recorded every 5 minutes.");
                        return;
                    }
                    List<WorkloadWindow> windows = stored.stream().map(StoredWorkloadWindow::window).toList();
                    show(analyzer.analyze(WorkloadWindow.combine(windows), TOP),
                            new LoadHistory(windows.stream().map(LoadPoint::of).toList(), zone));
                }, this::failed);
    }

    private void show(WorkloadReport r, LoadHistory h) {
        busy.set(false);
        message.set("");
        report.set(r);
        history.set(h);
        byTotal.setAll(r.topByTotalTime());
        byMean.setAll(r.topByMeanTime());
        byIo.setAll(r.topByIo());
        tables.setAll(r.window().tables().stream()
                .sorted(java.util.Comparator.comparingLong(TableCounters::seqTupRead).reversed()
                        .thenComparing(java.util.Comparator.comparingLong(TableCounters::rowsWritten).reversed()))
                .toList());
        unusedIndexes.setAll(r.unusedIndexes());
        summary.set(summaryOf(r));
        historyText.set(h == null ? "" : historyOf(h, zone));
    }

    private void clear(String why) {
        busy.set(false);
        report.set(null);
        history.set(null);
        byTotal.clear();
        byMean.clear();
        byIo.clear();
        tables.clear();
        unusedIndexes.clear();
        summary.set("");
        historyText.set("");
        message.set(why);
    }

    private void failed(Throwable e) {
        clear("Could not load the workload: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    /** @return the last index advice, null before the first or after a failure */
    public ReadOnlyObjectProperty<IndexAdvice> adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    /** @return the chosen index set of the last advice, most estimated benefit first */
    public ObservableList<IndexAdvice.ChosenIndex> adviceIndexes() {
        return adviceIndexes;
    }

    /** @return statements of the last advice that were not costed, with the reason */
    public ObservableList<IndexAdvice.Skipped> adviceSkipped() {
        return adviceSkipped;
    }

    /** @return the total estimated benefit and the method, in a few lines; or why there is no advice */
    public ReadOnlyStringProperty adviceSummaryProperty() {
        return adviceSummary.getReadOnlyProperty();
    }

    /** @return the advisor's latest one-line progress message while it runs */
    public ReadOnlyStringProperty adviceProgressProperty() {
        return adviceProgress.getReadOnlyProperty();
    }

    /** @return true while index advice runs */
    public BooleanProperty adviceBusyProperty() {
        return adviceBusy;
    }

    /**
     * @return the DBA's consent to build candidate indexes for real inside a rolled-back transaction when the
     *     database has no HypoPG (locks the tables while the advice runs); always allowed on the sandbox
     */
    public BooleanProperty allowLockingBuildsProperty() {
        return allowLockingBuilds;
    }

    /**
     * Index advice for the shown top statements by total time ({@link #topByTotalTime()}), weighted by calls, on
     * the active connection. Statements with {@code $n} parameters are planned with {@code EXPLAIN (GENERIC_PLAN)}
     * on PostgreSQL 16+ and with representative values from pg_stats on older servers (skipped with the reason when
     * a parameter cannot be given one).
     */
    public void adviseTopStatements() {
        List<StatementFigures> top = List.copyOf(byTotal);
        if (top.isEmpty()) {
            adviceFailed("No top statements to advise on: load a workload first.");
            return;
        }
        String label = server.get();
        Optional<String> connected = connection.get().map(c -> ServerLabel.of(c.session().profile()));
        if (connected.isPresent() && label != null && !connected.get().equals(label)) {
            adviceFailed("The top statements are " + label + "'s: connect to it to advise indexes for them "
                    + "(connected: " + connected.get() + ").");
            return;
        }
        ServerInfo info = connection.get().map(c -> c.session().serverInfo()).orElse(null);
        String database = info == null ? null : info.database();
        advise(() -> AdviceWorkload.fromTopStatements(top, database));
    }

    /**
     * Index advice for every statement of the {@code .sql} files in {@code folder} (weight 1 each), on the active
     * connection.
     *
     * @param folder the folder the DBA picked
     */
    public void adviseFolder(java.nio.file.Path folder) {
        advise(() -> AdviceWorkload.fromFolder(folder));
    }

    /**
     * Stops the running advice: asks the server to cancel the running statement (again every 200 ms until the
     * advisor gives up), and the advisor's next progress step ends it. The worker is not interrupted: an interrupt
     * closes a virtual thread's socket, and the session is the page's shared connection.
     */
    public void cancelAdvice() {
        if (!adviceBusy.get()) {
            return;
        }
        adviceRun++;
        adviceCancel.set(true);
        cancelStatementUntilDone(adviceJob, 50);
        adviceBusy.set(false);
        adviceProgress.set("");
        adviceSummary.set("Index advice cancelled.");
    }

    private void cancelStatementUntilDone(BackgroundJob job, int tries) {
        if (job.isDone() || tries == 0) {
            return;
        }
        connection.get().ifPresent(ActiveConnection::cancel);
        executor.runLater(java.time.Duration.ofMillis(200), () -> cancelStatementUntilDone(job, tries - 1));
    }

    @FunctionalInterface
    private interface WorkloadSource {
        AdviceWorkload load() throws Exception;
    }

    private void advise(WorkloadSource source) {
        Optional<ActiveConnection> active = connection.get();
        if (active.isEmpty()) {
            adviceFailed("Index advice needs a connection to the database the statements run in.");
            return;
        }
        boolean sandbox = active.get().session().profile().kind() == ConnectionProfile.Kind.SANDBOX;
        IndexAdviceOptions options = IndexAdviceOptions.defaults()
                .withRolledBackBuilds(sandbox || allowLockingBuilds.get());
        long run = ++adviceRun;
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        adviceCancel = cancelled;
        advice.set(null);
        adviceIndexes.clear();
        adviceSkipped.clear();
        adviceSummary.set("");
        adviceProgress.set("Reading the statements");
        adviceBusy.set(true);
        adviceJob = executor.submit(() -> {
            AdviceWorkload w = source.load();
            if (w.statements().isEmpty()) {
                return new AdviceOutcome(w, null);
            }
            IndexAdvice a = active.get().with(session -> new IndexAdvisor(session, options, m -> {
                if (cancelled.get()) {
                    throw new java.util.concurrent.CancellationException("index advice cancelled");
                }
                executor.onUiThread(() -> {
                    if (run == adviceRun) {
                        adviceProgress.set(m);
                    }
                });
            }).advise(w.statements()));
            return new AdviceOutcome(w, a);
        }, outcome -> {
            if (run == adviceRun) {
                showAdvice(outcome);
            }
        }, e -> {
            if (run == adviceRun) {
                adviceFailed("Could not advise indexes: " + readable(e));
            }
        });
    }

    private record AdviceOutcome(AdviceWorkload workload, IndexAdvice advice) {
    }

    private void showAdvice(AdviceOutcome o) {
        adviceBusy.set(false);
        adviceProgress.set("");
        List<IndexAdvice.Skipped> skipped = new java.util.ArrayList<>(o.workload().skipped());
        if (o.advice() == null) {
            adviceSkipped.setAll(skipped);
            adviceSummary.set("No statement to advise on: every one was skipped (see the reasons).");
            return;
        }
        IndexAdvice a = o.advice();
        skipped.addAll(a.skipped());
        advice.set(a);
        adviceIndexes.setAll(a.chosen());
        adviceSkipped.setAll(skipped);
        adviceSummary.set(adviceSummaryOf(a, o.workload().statements()));
    }

    private void adviceFailed(String why) {
        adviceBusy.set(false);
        adviceProgress.set("");
        advice.set(null);
        adviceIndexes.clear();
        adviceSummary.set(why);
    }

    private static String readable(Throwable e) {
        Throwable t = e;
        if (t instanceof java.util.concurrent.ExecutionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TargetException te) {
            return te.userMessage();
        }
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * Total estimated benefit of the advice: the sum over the costed statements of
     * {@code weight * (cost before - cost after)}, in planner cost units (the statements' weights are their calls for
     * pg_stat_statements, 1 for files).
     *
     * @param a         the advice
     * @param workload  the statements it was given (for their weights)
     * @return the benefit, planner cost units, at least 0 in practice (the chosen set cuts costs)
     */
    static double totalBenefit(IndexAdvice a, List<WorkloadStatement> workload) {
        Map<String, Double> weights = new java.util.HashMap<>();
        workload.forEach(w -> weights.put(w.label(), w.weight()));
        return a.statements().stream()
                .mapToDouble(s -> weights.getOrDefault(s.label(), 1.0) * (s.costBefore() - s.costAfter())).sum();
    }

    static String adviceSummaryOf(IndexAdvice a, List<WorkloadStatement> workload) {
        Map<String, Double> weights = new java.util.HashMap<>();
        workload.forEach(w -> weights.put(w.label(), w.weight()));
        double before = a.statements().stream()
                .mapToDouble(s -> weights.getOrDefault(s.label(), 1.0) * s.costBefore()).sum();
        double benefit = totalBenefit(a, workload);
        StringBuilder s = new StringBuilder();
        if (a.chosen().isEmpty()) {
            s.append(String.format(Locale.ROOT, "No index cuts a statement's estimated cost enough: %d statements "
                    + "costed, %d candidates tried.", a.statements().size(), a.candidates()));
        } else {
            s.append(String.format(Locale.ROOT, "%d index%s, %,.1f MB together. Total estimated benefit: %,.0f "
                            + "cost units (%.1f%% of the workload's weighted plan cost), over %d costed statements; "
                            + "geometric mean cost ratio %.2f.", a.chosen().size(), a.chosen().size() == 1 ? "" : "es",
                    a.totalBytes() / 1048576.0,
                    benefit, before > 0 ? 100 * benefit / before : 0, a.statements().size(), a.geomeanCostRatio()));
        }
        String method = a.method().isEmpty() ? a.method()
                : Character.toUpperCase(a.method().charAt(0)) + a.method().substring(1);
        s.append(String.format(Locale.ROOT, "\n%s; %d candidates, %d what-if EXPLAINs, %.1f s.", method,
                a.candidates(), a.explainCalls(), a.elapsedMillis() / 1000));
        if (a.lockNote() != null && !a.lockNote().isEmpty()) {
            s.append('\n').append(a.lockNote());
        }
        return s.toString();
    }

    static String summaryOf(WorkloadReport r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s workload (confidence %.0f%%)",
                r.classification().workloadClass(), 100 * r.classification().confidence()));
        for (String reason : r.classification().reasons()) {
            s.append("\n• ").append(reason);
        }
        var rw = r.readWrite();
        s.append('\n').append(Double.isNaN(rw.readShare()) ? "No reads or writes"
                : String.format(Locale.ROOT, "Reads %.0f%% of %,d calls: %s", 100 * rw.readShare(),
                rw.readCalls() + rw.writeCalls(), rw.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        s.append(String.format(Locale.ROOT, "\n%,d statements, %,d calls, %,.0f ms; cache hit ratio %.1f%%; "
                + "temp written %,d blocks", r.statementCount(), r.totalCalls(), r.totalExecMs(),
                100 * r.cacheHitRatio(), r.tempBlksWritten()));
        return s.toString();
    }

    static String historyOf(LoadHistory h, ZoneId zone) {
        StringBuilder s = new StringBuilder(h.points().size() + " recorded windows.");
        List<Map.Entry<Integer, Double>> hours = h.busiestHoursOfDay(3);
        if (!hours.isEmpty()) {
            s.append(" Busiest hours:");
            for (Map.Entry<Integer, Double> e : hours) {
                s.append(String.format(Locale.ROOT, " %02d:00 (%.2f active)", e.getKey(), e.getValue()));
            }
        }
        h.changePoint().ifPresent(c -> s.append(c.significant()
                ? String.format(Locale.ROOT, "\nWorkload shift at %s: %.2f → %.2f average active statements "
                        + "(Pettitt p = %.2g)", c.at(), c.meanBefore(), c.meanAfter(), c.pValue())
                : "\nNo significant workload shift."));
        List<LoadHistory.HourForecast> f = h.forecastNextDay();
        if (!f.isEmpty()) {
            LoadHistory.HourForecast peak = f.stream()
                    .max(java.util.Comparator.comparingDouble(LoadHistory.HourForecast::averageActive)).orElseThrow();
            s.append(String.format(Locale.ROOT, "\nForecast: the next 24 hours peak at %s with %.2f average active "
                    + "statements.", peak.hour().atZone(zone).toLocalTime(), peak.averageActive()));
        } else {
            s.append("\nForecast: needs a day of recorded windows.");
        }
        return s.toString();
    }
}
