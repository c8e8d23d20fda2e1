package org.planwright.app.advice;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.planwright.advice.Cancellation;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.trial.TrialResult;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.query.Confirmer;
import org.planwright.targetdb.TargetException;

/**
 * State and commands of the Advice pane: the recommendations for the current query (in the order the actions give:
 * largest expected benefit first once the workspace's learning loop has a say, else largest estimated improvement),
 * the selected one's details (what the learning loop says, evidence and SQL), Try (a measured, rolled-back trial) and Apply (only after
 * the {@link Confirmer} said yes). Work runs on the app's one {@link BackgroundExecutor}; the properties change on
 * the UI thread only. No scene graph here.
 */
public final class AdviceViewModel {

    private final BackgroundExecutor executor;
    private final AdviceActions actions;
    private final Confirmer confirmer;
    private final ObservableList<Recommendation> recommendations = FXCollections.observableArrayList();
    private final ObjectProperty<Recommendation> selected = new SimpleObjectProperty<>();
    private final StringProperty details = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Advise on the statement under the caret");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<TrialResult> trial = new SimpleObjectProperty<>();
    private final StringProperty trialSummary = new SimpleStringProperty("");
    private String query;
    private Cancellation cancellation;
    private java.util.function.Consumer<TrialResult> onTrialFinished = r -> { };

    /**
     * @param executor  the app's background executor
     * @param actions   the advice services
     * @param confirmer asks before Apply
     */
    public AdviceViewModel(BackgroundExecutor executor, AdviceActions actions, Confirmer confirmer) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
        selected.addListener((o, a, b) -> {
            String note = b == null ? "" : actions.learningNote(b);
            details.set(b == null ? "" : (note.isEmpty() ? "" : note + "\n\n") + describe(b));
            trial.set(null);
            trialSummary.set("");
        });
    }

    /** Advises on {@code sql}: replaces the list when done. */
    public void advise(String sql) {
        if (busy.get() || sql == null || sql.isBlank()) {
            return;
        }
        query = sql;
        Cancellation c = start("Advising…");
        executor.submit(() -> actions.advise(sql, this::report, c), list -> {
            recommendations.setAll(list);
            if (!list.isEmpty()) {
                selected.set(list.getFirst());
            }
            done(list.size() + (!list.isEmpty() && !actions.learningNote(list.getFirst()).isEmpty()
                    ? " recommendations, ranked by expected benefit (estimate x confidence after pattern memory)"
                    : " recommendations, ranked by estimated improvement"));
        }, this::failed);
    }

    /** Tries the selected recommendation: before/after runs in a transaction that is rolled back. */
    public void trySelected() {
        Recommendation rec = selected.get();
        if (busy.get() || rec == null) {
            return;
        }
        boolean consent = false;
        if (actions.needsLockConsent(rec)) {
            consent = confirmer.confirm("Try it for real on this server?", rec.sql() + "\n\nThe trial builds it inside a"
                    + " transaction that is always rolled back, but holds a lock on the table until then: writes to"
                    + " the table wait for the trial.");
            if (!consent) {
                status.set("Not tried");
                return;
            }
        }
        boolean lockConsent = consent;
        Cancellation c = start("Trying: " + rec.title());
        executor.submit(() -> actions.tryOut(rec, query, lockConsent, this::report, c), r -> {
            trialSummary.set(summary(r));
            trial.set(r);
            done("Trial finished; nothing was left changed (rolled back)");
            onTrialFinished.accept(r);
        }, this::failed);
    }

    /**
     * @param listener called on the FX thread after each finished trial (the pane offers the feedback form), after
     *                 {@link #trialProperty()} is set
     */
    public void setOnTrialFinished(java.util.function.Consumer<TrialResult> listener) {
        onTrialFinished = Objects.requireNonNull(listener, "listener");
    }

    /** Applies the selected recommendation for real after the DBA's confirmation. */
    public void applySelected() {
        Recommendation rec = selected.get();
        if (busy.get() || rec == null || !canApply(rec)) {
            return;
        }
        if (!confirmer.confirm("Apply for real?", rec.sql() + "\n\nThis changes the database. Undo: "
                + (rec.undoSql().isBlank() ? "nothing to undo" : rec.undoSql()))) {
            status.set("Not applied");
            return;
        }
        start("Applying: " + rec.title());
        executor.submit(() -> actions.apply(rec), change -> done("Applied: " + change.appliedSql()
                + (change.undoSql().isBlank() ? "" : " — undo: " + change.undoSql())), this::failed);
    }

    /** Cancels the running advice or trial (the trial rolls back). */
    public void cancel() {
        Cancellation c = cancellation;
        if (c != null) {
            c.cancel();
        }
    }

    /** @return true when {@code rec} can be applied to the server (not a rewrite nor a SET LOCAL) */
    public static boolean canApply(Recommendation rec) {
        return rec.kind() != RecommendationKind.REWRITE && rec.kind() != RecommendationKind.SETTING;
    }

    private Cancellation start(String message) {
        cancellation = Cancellation.create();
        busy.set(true);
        progress.set(-1);
        status.set(message);
        return cancellation;
    }

    private void report(double fraction, String message) {
        executor.onUiThread(() -> {
            progress.set(fraction);
            status.set(message);
        });
    }

    private void done(String message) {
        busy.set(false);
        progress.set(0);
        status.set(message);
        cancellation = null;
    }

    private void failed(Throwable e) {
        String message = e instanceof TargetException t ? t.userMessage() : String.valueOf(e.getMessage());
        done(e instanceof TargetException t && t.reason() == TargetException.Reason.CANCELLED
                ? "Cancelled; nothing was changed" : "Failed: " + message);
    }

    static String describe(Recommendation r) {
        String evidence = r.evidence().stream().map(e -> "• " + e.label() + ": " + e.detail())
                .collect(Collectors.joining("\n"));
        return String.format(Locale.ROOT, "%s — estimated %.0f %% (confidence %.0f %%; %s)%n%n%s%n%nSQL:%n%s%s",
                r.kind().jsonName(), r.estimate().percent(), r.estimate().confidence() * 100, r.estimate().method(),
                evidence, r.sql(), r.undoSql().isBlank() ? "" : "\n\nUndo:\n" + r.undoSql());
    }

    static String summary(TrialResult r) {
        if (r.beforeSummary() == null) {
            return String.format(Locale.ROOT, "Hypothetical: planner cost %.0f -> %.0f", r.costBefore(),
                    r.costAfter());
        }
        return String.format(Locale.ROOT, "Before: median %.2f ms (%.2f-%.2f, %d runs)   After: median %.2f ms"
                        + " (%.2f-%.2f)   Actual improvement %.0f %% (estimated %.0f %%)   p = %.3f%s",
                r.beforeSummary().medianMillis(), r.beforeSummary().minMillis(), r.beforeSummary().maxMillis(),
                r.before().size(), r.afterSummary().medianMillis(), r.afterSummary().minMillis(),
                r.afterSummary().maxMillis(), r.actualImprovementPercent(), r.recommendation().estimate().percent(),
                r.pValue(), r.significant() ? " (significant)" : " (not significant)");
    }

    /**
     * @return the list line of {@code r}: the estimate in use (the learning loop's when it had a say, else the
     *     advisor's), percent, the kind and the title
     */
    public String label(Recommendation r) {
        return String.format(Locale.ROOT, "%4.0f %%  %-11s %s",
                actions.estimateInUse(r).orElse(r.estimate().percent()), r.kind().jsonName(), r.title());
    }

    /** @return the recommendations, largest estimate first */
    public ObservableList<Recommendation> recommendations() {
        return recommendations;
    }

    /** @return the selected recommendation */
    public ObjectProperty<Recommendation> selectedProperty() {
        return selected;
    }

    /** @return the selected recommendation's evidence and SQL as text */
    public StringProperty detailsProperty() {
        return details;
    }

    /** @return one line of what happens */
    public StringProperty statusProperty() {
        return status;
    }

    /** @return 0..1, or -1 for indeterminate */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** @return true while advice, a trial or an apply runs */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** @return the last trial of the selected recommendation */
    public ObjectProperty<TrialResult> trialProperty() {
        return trial;
    }

    /** @return the before/after numbers of the last trial, one line */
    public StringProperty trialSummaryProperty() {
        return trialSummary;
    }

    /** @return the query the recommendations are for */
    public List<String> query() {
        return query == null ? List.of() : List.of(query);
    }
}
