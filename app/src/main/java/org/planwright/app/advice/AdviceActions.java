package org.planwright.app.advice;

import java.util.List;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.Recommendation;
import org.planwright.advice.trial.AppliedChange;
import org.planwright.advice.trial.TrialResult;

/**
 * What the Advice pane asks of the services. Blocking; called on a background thread by {@link AdviceViewModel}.
 * The host wires it to the connection's sessions ({@link SessionAdviceActions}); the index advisor's
 * recommendations join in {@link #advise}.
 */
public interface AdviceActions {

    /** @return recommendations for {@code sql}, largest estimated improvement first */
    List<Recommendation> advise(String sql, ProgressListener progress, Cancellation cancellation) throws Exception;

    /**
     * @return the measured trial of {@code rec} for {@code sql} (nothing is left changed); {@code lockConsent} is the
     *     DBA's yes to a change that locks a table until the rollback
     */
    TrialResult tryOut(Recommendation rec, String sql, boolean lockConsent, ProgressListener progress,
                       Cancellation cancellation) throws Exception;

    /**
     * @return true when trying {@code rec} for real locks a table on a server that is not the sandbox, so the DBA is
     *     asked first. Non-blocking (the FX thread calls it).
     */
    default boolean needsLockConsent(Recommendation rec) {
        return false;
    }

    /**
     * @return what the workspace's learning loop says about {@code rec} from the last {@link #advise} (the estimate in
     *     use with its interval, pattern memory's confidence; {@code AdviceEstimates.Estimated#describe}), or "" when
     *     there is no store or workspace. Non-blocking (the FX thread calls it).
     */
    default String learningNote(Recommendation rec) {
        return "";
    }

    /**
     * @return the estimate in use for {@code rec} from the last {@link #advise} (the learned model's, or the
     *     cost-only estimate), percent; empty when the learning loop had no say. Non-blocking.
     */
    default java.util.OptionalDouble estimateInUse(Recommendation rec) {
        return java.util.OptionalDouble.empty();
    }

    /** Applies {@code rec} for real; called only after the DBA confirmed. @return what ran and its undo SQL */
    AppliedChange apply(Recommendation rec) throws Exception;
}
