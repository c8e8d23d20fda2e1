package org.planwright.app.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.sqltext.SqlScript;
import org.planwright.tuning.apply.Approval;
import org.planwright.tuning.apply.Cancellation;
import org.planwright.tuning.apply.ChangeEvent;
import org.planwright.tuning.apply.ChangePlan;
import org.planwright.tuning.apply.ConfigChange;
import org.planwright.tuning.apply.ValidationRun;
import org.planwright.tuning.trial.SettingsTrial;

/**
 * State and commands of the Apply action in the configuration window: the advisor's recommendations to choose
 * from, how to measure (not, the live workload, a pgbench run; window length; threshold), then
 * {@link #prepare()} validates the chosen changes and offers the confirmation (parameter, old → new, reload or
 * restart), {@link #confirm()} runs apply / measure / keep-or-revert in the background with its phase in
 * {@link #progressProperty()}, {@link #cancel()} stops it (what was applied is reverted), and the result and the
 * history timeline follow. Nothing is applied without {@link #confirm()}. FX thread (or the test's thread with a
 * same-thread executor); knows no scene.
 */
public final class ConfigApplyViewModel {

    private final BackgroundExecutor executor;
    private final ConfigChanger changer;
    private final Runnable historyChanged;
    private final ObservableList<RecommendationItem> recommendations = FXCollections.observableArrayList(
            i -> new javafx.beans.Observable[] {i.chosenProperty()});
    private final ObjectProperty<ConfigChanger.Measure.Kind> measure = new SimpleObjectProperty<>(this, "measure",
            ConfigChanger.Measure.Kind.NONE);
    private final IntegerProperty seconds = new SimpleIntegerProperty(this, "seconds", 30);
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.10);
    private final ObjectProperty<Path> pgbenchScript = new SimpleObjectProperty<>(this, "pgbenchScript");
    private final ReadOnlyObjectWrapper<ChangePlan> pending = new ReadOnlyObjectWrapper<>(this, "pending");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final javafx.beans.property.BooleanProperty approvalRequired =
            new javafx.beans.property.SimpleBooleanProperty(this, "approvalRequired");
    private final javafx.beans.property.StringProperty approvedBy =
            new javafx.beans.property.SimpleStringProperty(this, "approvedBy", "");
    private final BooleanBinding canApply;
    private Cancellation cancellation;
    private boolean trialing;

    /**
     * @param executor       runs the blocking work
     * @param changer        the advice, the plan and the run
     * @param historyChanged called (UI thread) after a run wrote to the history, to reload the timeline
     */
    public ConfigApplyViewModel(BackgroundExecutor executor, ConfigChanger changer, Runnable historyChanged) {
        this.executor = executor;
        this.changer = changer;
        this.historyChanged = historyChanged;
        this.canApply = Bindings.createBooleanBinding(() -> !running.get() && !loading.get() && pending.get() == null
                        && recommendations.stream().anyMatch(i -> i.chosenProperty().get()), running, loading, pending,
                recommendations);
    }

    /** @return the recommendations, each with its "chosen" box */
    public ObservableList<RecommendationItem> recommendations() {
        return recommendations;
    }

    /** @return how the change is measured (default: not measured) */
    public ObjectProperty<ConfigChanger.Measure.Kind> measureProperty() {
        return measure;
    }

    /** @return each measurement window's length, s (default 30) */
    public IntegerProperty secondsProperty() {
        return seconds;
    }

    /** @return the relative change beyond noise that reverts (default 0.10: the ±10% pgbench noise measured) */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** @return a pgbench script of the workload, or null for pgbench's built-in transaction */
    public ObjectProperty<Path> pgbenchScriptProperty() {
        return pgbenchScript;
    }

    /**
     * @return true when configuration changes need an administrator's approval (the store preference
     *     {@link Approval#PREFERENCE}; set by the window): {@link #confirm()} then needs {@link #approvedByProperty()}
     */
    public javafx.beans.property.BooleanProperty approvalRequiredProperty() {
        return approvalRequired;
    }

    /** @return the administrator who approved the pending changes, as typed; recorded with them in the history */
    public javafx.beans.property.StringProperty approvedByProperty() {
        return approvedBy;
    }

    /** @return the validated plan waiting for the DBA's confirmation, or null */
    public ReadOnlyObjectProperty<ChangePlan> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** @return true while a run applies, measures or reverts */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** @return true while the recommendations are read or the chosen changes validated */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** @return the run's phase in words, e.g. "Measuring the baseline (30 s)…" */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** @return the last run's outcome in words, or "" */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** @return the last error in words, or "" */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return true when Apply can start: something chosen, nothing running or waiting for confirmation */
    public BooleanBinding canApplyBinding() {
        return canApply;
    }

    /** Loads the advisor's recommendations in the background. */
    public void loadRecommendations() {
        error.set("");
        loading.set(true);
        executor.submit(changer::recommendations, recs -> {
            loading.set(false);
            recommendations.setAll(recs.stream().map(RecommendationItem::new).toList());
        }, e -> {
            loading.set(false);
            error.set("Could not read the recommendations: " + message(e));
        });
    }

    /**
     * Tries the session-settable changes on the statements of the {@code *.sql} files (a folder stands for its
     * files) in the background — progress in {@link #progressProperty()}, {@link #cancel()} stops it — and replaces
     * the recommendations with the trial's: a tried parameter is recommended only when it made a statement (or the
     * workload as a whole) faster and none slower. Nothing changes on the server.
     *
     * @param paths files or folders of SQL
     */
    public void trySettings(List<Path> paths) {
        if (running.get() || loading.get()) {
            return;
        }
        List<SettingsTrial.Statement> statements;
        try {
            statements = statements(paths);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            error.set("Could not read the statements: " + message(e));
            return;
        }
        if (statements.isEmpty()) {
            error.set("No SQL statements in " + paths.stream().map(Path::toString).collect(
                    java.util.stream.Collectors.joining(", ")));
            return;
        }
        running.set(true);
        result.set("");
        error.set("");
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        trialing = true;
        executor.submit(() -> changer.trial(statements, cancel,
                phase -> executor.onUiThread(() -> progress.set(phase))), r -> {
                    running.set(false);
                    progress.set("");
                    recommendations.setAll(r.recommendations().stream().map(RecommendationItem::new).toList());
                    result.set(describe(r.trial(), statements.size()));
                }, e -> {
                    running.set(false);
                    progress.set("");
                    error.set("The settings trial failed (nothing was changed): " + message(e));
                });
    }

    static String describe(SettingsTrial.Result r, int statements) {
        long tried = r.outcomes().stream().map(o -> o.candidate().parameter()).distinct().count();
        StringBuilder s = new StringBuilder(r.cancelled() ? "Settings trial cancelled (nothing was changed); "
                : "Settings trial on " + statements + " statement(s): ");
        s.append(r.accepted().isEmpty() ? "none of the " + tried + " parameter(s) tried was shown to help"
                : "kept " + r.accepted().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")) + " of " + tried + " parameter(s) tried");
        if (!r.skipped().isEmpty()) {
            s.append("; ").append(r.skipped().size()).append(" statement(s) skipped");
        }
        return s.append('.').toString();
    }

    private static List<SettingsTrial.Statement> statements(List<Path> paths)
            throws java.io.IOException {
        List<SettingsTrial.Statement> out = new java.util.ArrayList<>();
        for (Path given : paths) {
            List<Path> files;
            if (java.nio.file.Files.isDirectory(given)) {
                try (var list = java.nio.file.Files.list(given)) {
                    files = list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                            .sorted().toList();
                }
            } else {
                files = List.of(given);
            }
            for (Path f : files) {
                var all = SqlScript.split(java.nio.file.Files.readString(f));
                for (int i = 0; i < all.size(); i++) {
                    String name = f.getFileName().toString();
                    out.add(new SettingsTrial.Statement(
                            all.size() == 1 ? name : name + "#" + (i + 1), all.get(i).text()));
                }
            }
        }
        return out;
    }

    /**
     * Validates the chosen changes in the background; when valid, {@link #pendingProperty()} holds the plan for the
     * confirmation dialog, else {@link #errorProperty()} says what is wrong. Changes nothing.
     */
    public void prepare() {
        Map<String, String> changes = new LinkedHashMap<>();
        recommendations.stream().filter(i -> i.chosenProperty().get())
                .forEach(i -> changes.put(i.recommendation().parameter(), i.recommendation().recommended()));
        if (changes.isEmpty()) {
            return;
        }
        error.set("");
        result.set("");
        loading.set(true);
        executor.submit(() -> changer.plan(changes), plan -> {
            loading.set(false);
            if (plan.problems().isEmpty()) {
                pending.set(plan);
            } else {
                error.set("Not valid, nothing changed: " + String.join("; ", plan.problems()));
            }
        }, e -> {
            loading.set(false);
            error.set("Could not validate the changes: " + message(e));
        });
    }

    /**
     * @param plan the pending plan
     * @return the confirmation's lines: "Applied now (ALTER SYSTEM + reload):", then "work_mem: 4MB → 10MB
     *     (reload)"..., then the restart-only ones ("Prepared only, needs a restart:"), then how it is measured
     */
    public List<String> confirmationLines(ChangePlan plan) {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        if (!plan.live().isEmpty()) {
            lines.add("Applied now (ALTER SYSTEM + pg_reload_conf()):");
            plan.live().forEach(c -> lines.add("    " + line(c)));
        }
        if (!plan.restartOnly().isEmpty()) {
            lines.add("Prepared only — needs a restart, never applied live:");
            plan.restartOnly().forEach(c -> lines.add("    " + line(c)));
        }
        ConfigChanger.Measure.Kind kind = measure.get();
        lines.add(kind == ConfigChanger.Measure.Kind.NONE ? "Not measured: the changes stay until reverted."
                : String.format(Locale.ROOT, "Measured with %s for %d s before and after; reverted when p95 latency or "
                        + "throughput degrade by more than %.0f%% or the effect is within that noise.",
                kind.toString().toLowerCase(Locale.ROOT), seconds.get(), threshold.get() * 100));
        return lines;
    }

    private static String line(ConfigChange c) {
        return c.parameter() + ": " + c.oldValue() + " → " + c.newValue() + " (" + c.applyMode().label() + ")";
    }

    /** The DBA said no: the pending plan is dropped, nothing changed. */
    public void dismiss() {
        pending.set(null);
    }

    /** The DBA confirmed: applies the pending plan, measures, keeps or reverts, in the background. */
    public void confirm() {
        ChangePlan plan = pending.get();
        if (plan == null || running.get()) {
            return;
        }
        String approvalProblem = Approval.problem(approvalRequired.get(), approvedBy.get());
        if (approvalProblem != null) {
            error.set(approvalProblem + " Nothing was changed.");
            pending.set(null);
            return;
        }
        String approver = approvedBy.get() == null || approvedBy.get().isBlank() ? null : approvedBy.get().strip();
        pending.set(null);
        running.set(true);
        result.set("");
        error.set("");
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        trialing = false;
        ConfigChanger.Measure m = new ConfigChanger.Measure(measure.get(), Math.max(1, seconds.get()), threshold.get(),
                pgbenchScript.get());
        executor.submit(() -> changer.run(plan, m, true, approver, cancel,
                        phase -> executor.onUiThread(() -> progress.set(phase))), r -> {
                    running.set(false);
                    progress.set("");
                    result.set(describe(r, plan));
                    historyChanged.run();
                }, e -> {
                    running.set(false);
                    progress.set("");
                    error.set("Applying failed (what was applied is reverted): " + message(e));
                    historyChanged.run();
                });
    }

    /** Stops the running measurement or settings trial; a run reverts what it applied. Any thread. */
    public void cancel() {
        Cancellation c = cancellation;
        if (c != null && running.get()) {
            c.cancel();
            progress.set(trialing ? "Cancelling the settings trial…" : "Cancelling: reverting what was applied…");
        }
    }

    static String describe(ValidationRun.Result r, ChangePlan plan) {
        StringBuilder s = new StringBuilder();
        long applied = r.events().stream().filter(e -> e.action() == ChangeEvent.Action.APPLIED).count();
        if (r.cancelled()) {
            s.append("Cancelled: nothing stays changed.");
        } else if (applied == 0 && !plan.live().isEmpty()) {
            s.append("Nothing was applied.");
        } else if (r.verdict().isEmpty()) {
            s.append("Applied, not measured: ").append(applied).append(" change(s) stay.");
        } else {
            s.append("Measured ").append(r.verdict().get().describe()).append(" — ")
                    .append(r.kept() ? "kept." : "reverted: nothing stays changed.");
        }
        if (!plan.restartOnly().isEmpty()) {
            s.append(" Prepared for a restart: ").append(String.join("; ", plan.preparedStatements())).append('.');
        }
        return s.toString();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
