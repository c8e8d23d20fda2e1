package org.planwright.app.learning;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.planwright.store.Feedback;
import org.planwright.store.Feedbacks;

/**
 * The feedback form's gateway over the workbench store's {@link Feedbacks} (the Learning window and the Advice pane
 * share it). Blocking; called on the background executor's worker.
 *
 * @param feedbacks the store's feedback records (the store is opened on first use)
 */
public record StoreFeedbackGateway(Supplier<Feedbacks> feedbacks) implements FeedbackFormViewModel.FeedbackGateway {

    public StoreFeedbackGateway {
        Objects.requireNonNull(feedbacks, "feedbacks");
    }

    @Override
    public Optional<Feedback> draftFor(UUID workspaceId, UUID trialId) {
        return feedbacks.get().draftFor(workspaceId, trialId);
    }

    @Override
    public Feedback save(Feedback feedback) {
        return feedbacks.get().save(feedback);
    }
}
