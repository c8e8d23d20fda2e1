package org.planwright.app.learning;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.learning.FeedbackValidation;
import org.planwright.store.Feedback;

/**
 * The feedback form after a trial (or an applied recommendation): 1-5 stars, would-apply-again, a comment, and the
 * before/after median times pre-filled from the measurement, editable or typed by hand (measured on production).
 * Validation with messages per field ({@link FeedbackValidation}); closing the form half filled keeps a draft, which
 * the next opening for the same trial restores.
 *
 * <p>Thread rules: FX thread only; store work runs through the {@link BackgroundExecutor}.
 */
public final class FeedbackFormViewModel {

    /** Where feedback is kept (the store's {@code Feedbacks} in the app; a real H2 store in tests). */
    public interface FeedbackGateway {
        /** @return the newest draft for the trial, or empty (blocking) */
        Optional<Feedback> draftFor(UUID workspaceId, UUID trialId);

        /** @return the feedback as stored (blocking) */
        Feedback save(Feedback feedback);
    }

    /**
     * What the form is about.
     *
     * @param workspaceId          the workspace
     * @param trialId              the trial (null for a recommendation applied outside a trial)
     * @param recommendationKind   kind by name
     * @param estimatedPercent     the estimate shown with the recommendation, percent, or null
     * @param measuredBeforeMs     the trial's median before, ms, or null
     * @param measuredAfterMs      its median after, ms, or null
     */
    public record Subject(UUID workspaceId, UUID trialId, String recommendationKind, Double estimatedPercent,
                          Double measuredBeforeMs, Double measuredAfterMs) {
    }

    private final BackgroundExecutor executor;
    private final FeedbackGateway gateway;
    private final Subject subject;
    private final Consumer<Feedback> onSubmitted;

    private final ObjectProperty<Integer> rating = new SimpleObjectProperty<>(this, "rating");
    private final ObjectProperty<Boolean> applyAgain = new SimpleObjectProperty<>(this, "applyAgain");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final StringProperty beforeMs = new SimpleStringProperty(this, "beforeMs", "");
    private final StringProperty afterMs = new SimpleStringProperty(this, "afterMs", "");
    private final ObservableList<FeedbackValidation.Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty submitted = new SimpleBooleanProperty(this, "submitted");
    private UUID id = UUID.randomUUID();
    private boolean dirty;

    /**
     * @param onSubmitted called on the FX thread with the stored feedback (the Learning page refreshes)
     */
    public FeedbackFormViewModel(BackgroundExecutor executor, FeedbackGateway gateway, Subject subject,
                                 Consumer<Feedback> onSubmitted) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.onSubmitted = Objects.requireNonNull(onSubmitted, "onSubmitted");
        for (javafx.beans.Observable o : List.of(rating, applyAgain, comment, beforeMs, afterMs)) {
            o.addListener(x -> {
                dirty = true;
                if (!problems.isEmpty()) {
                    validate();
                }
            });
        }
    }

    /** Fills the form: the trial's draft when there is one, else the measured times. */
    public void open() {
        busy.set(true);
        executor.submit(() -> subject.trialId() == null ? Optional.<Feedback>empty()
                        : gateway.draftFor(subject.workspaceId(), subject.trialId()),
                draft -> {
                    if (draft.isPresent()) {
                        Feedback d = draft.get();
                        id = d.id();
                        rating.set(d.rating());
                        applyAgain.set(d.wouldApplyAgain());
                        comment.set(d.comment() == null ? "" : d.comment());
                        beforeMs.set(ms(d.beforeMs()));
                        afterMs.set(ms(d.afterMs()));
                        status.set("Draft restored from " + d.updatedAt());
                    } else {
                        beforeMs.set(ms(subject.measuredBeforeMs()));
                        afterMs.set(ms(subject.measuredAfterMs()));
                    }
                    dirty = false;
                    busy.set(false);
                }, this::failed);
    }

    /** @return true when the fields hold no rule break; fills {@link #problems()} */
    public boolean validate() {
        problems.setAll(FeedbackValidation.validate(rating.get(), beforeMs.get(), afterMs.get(), comment.get()));
        return problems.isEmpty();
    }

    /** Validates and, when valid, stores the feedback (no longer a draft) and calls back. */
    public void submit() {
        if (!validate()) {
            status.set("Fix the " + problems.size() + " marked field" + (problems.size() == 1 ? "" : "s") + " to submit.");
            return;
        }
        Feedback f = feedback(false);
        busy.set(true);
        executor.submit(() -> gateway.save(f), stored -> {
            busy.set(false);
            dirty = false;
            submitted.set(true);
            status.set("Thank you: feedback recorded.");
            onSubmitted.accept(stored);
        }, this::failed);
    }

    /** The form is closing: keeps a draft of what was typed (rule breaks included) unless submitted or untouched. */
    public void close() {
        if (submitted.get() || !dirty) {
            return;
        }
        Feedback draft = feedback(true);
        dirty = false;
        executor.submit(() -> gateway.save(draft), stored -> status.set("Draft kept."), this::failed);
    }

    private Feedback feedback(boolean draft) {
        Double before = lenient(beforeMs.get());
        Double after = lenient(afterMs.get());
        Feedback.MetricsSource source = before == null && after == null ? Feedback.MetricsSource.NONE
                // as pre-filled (rounded to 0.1 ms) counts as measured
                : Objects.equals(before, lenient(ms(subject.measuredBeforeMs())))
                && Objects.equals(after, lenient(ms(subject.measuredAfterMs())))
                ? Feedback.MetricsSource.MEASURED : Feedback.MetricsSource.MANUAL;
        Integer r = rating.get() != null && rating.get() >= 1 && rating.get() <= 5 ? rating.get() : null;
        String c = comment.get() == null || comment.get().isBlank() ? null : comment.get();
        if (c != null && c.length() > org.planwright.store.Feedbacks.COMMENT_MAX) {
            c = c.substring(0, org.planwright.store.Feedbacks.COMMENT_MAX);
        }
        return new Feedback(id, subject.workspaceId(), subject.trialId(), subject.recommendationKind(), r,
                applyAgain.get(), c, before, after, source, subject.estimatedPercent(), draft, null, null);
    }

    /** A draft keeps what parses and drops what does not (the typed text of a bad number is not kept). */
    private static Double lenient(String text) {
        try {
            Double v = FeedbackValidation.parseMillis(text);
            return v == null || !Double.isFinite(v) || v < 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void failed(Throwable t) {
        busy.set(false);
        status.set("Could not save the feedback: " + t.getMessage());
    }

    private static String ms(Double v) {
        return v == null ? "" : v == Math.rint(v) ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** @return the first problem's message for the field, or "" */
    public String problemFor(String field) {
        return problems.stream().filter(p -> p.field().equals(field)).map(FeedbackValidation.Problem::message)
                .findFirst().orElse("");
    }

    /** @return the improvement the before/after fields show, e.g. "75 % faster", or "" */
    public String improvementText() {
        Double b = lenient(beforeMs.get());
        Double a = lenient(afterMs.get());
        if (b == null || a == null || b <= 0) {
            return "";
        }
        double p = 100 * (b - a) / b;
        return String.format(Locale.ROOT, "%.0f %% %s", Math.abs(p), p >= 0 ? "faster" : "slower");
    }

    public Subject subject() {
        return subject;
    }

    public ObjectProperty<Integer> ratingProperty() {
        return rating;
    }

    public ObjectProperty<Boolean> applyAgainProperty() {
        return applyAgain;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty beforeMsProperty() {
        return beforeMs;
    }

    public StringProperty afterMsProperty() {
        return afterMs;
    }

    /** @return the rule breaks found by the last {@link #validate()} (re-checked on every edit once shown) */
    public ObservableList<FeedbackValidation.Problem> problems() {
        return problems;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty submittedProperty() {
        return submitted;
    }

    /** @return true while a submit would be refused for lack of a rating (binds the Submit button's look) */
    public BooleanBinding ratingMissing() {
        return Bindings.createBooleanBinding(() -> rating.get() == null, rating);
    }
}
