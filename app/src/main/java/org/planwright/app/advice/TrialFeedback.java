package org.planwright.app.advice;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.planwright.advice.trial.TrialResult;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.learning.FeedbackForm;
import org.planwright.app.learning.FeedbackFormViewModel;
import org.planwright.app.learning.StoreFeedbackGateway;
import org.planwright.store.Feedback;
import org.planwright.store.Feedbacks;

/**
 * The feedback form after a trial: what it is about (the stored trial, its estimate and its measured medians) and
 * the opener the Advice pane calls when a trial finishes.
 */
final class TrialFeedback {

    private TrialFeedback() {
    }

    /**
     * Opens the feedback form, modeless and pre-filled, for a trial stored in the workspace; does nothing for a
     * trial that was not stored (no store or no workspace: nothing to tie the feedback to). FX thread.
     *
     * @param owner       the main window
     * @param executor    background work
     * @param storedId    the stored trial's id of a finished trial, or null
     * @param workspace   the current workspace's id, or null
     * @param feedback    the store's feedback records, when the store is open
     * @param onSubmitted called on the FX thread with submitted feedback
     * @return the opener
     */
    static Consumer<TrialResult> opener(Window owner, BackgroundExecutor executor,
                                        Function<TrialResult, UUID> storedId, Supplier<UUID> workspace,
                                        Supplier<Optional<Feedbacks>> feedback, Consumer<Feedback> onSubmitted) {
        return trial -> {
            UUID trialId = storedId.apply(trial);
            UUID ws = workspace.get();
            Optional<Feedbacks> records = feedback.get();
            if (trialId != null && ws != null && records.isPresent()) {
                new FeedbackForm(owner, new FeedbackFormViewModel(executor, new StoreFeedbackGateway(records::get),
                        subject(ws, trialId, trial), onSubmitted)).modeless().show();
            }
        };
    }

    /**
     * @param workspaceId the workspace the trial is stored in
     * @param trialId     the stored trial's id
     * @param r           the finished trial
     * @return the form's subject, before/after pre-filled with the trial's median execution times (ms)
     */
    static FeedbackFormViewModel.Subject subject(UUID workspaceId, UUID trialId, TrialResult r) {
        return new FeedbackFormViewModel.Subject(workspaceId, trialId, r.recommendation().kind().jsonName(),
                r.recommendation().estimate().percent(),
                r.beforeSummary() == null ? null : r.beforeSummary().medianMillis(),
                r.afterSummary() == null ? null : r.afterSummary().medianMillis());
    }
}
