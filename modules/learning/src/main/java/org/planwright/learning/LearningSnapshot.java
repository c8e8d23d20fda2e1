package org.planwright.learning;

import java.util.List;
import org.planwright.store.TrialOutcome;

/**
 * Everything the Learning page draws, read in one go off the UI thread.
 *
 * @param report        the report (statistics, bias, patterns, models, improvement report)
 * @param accuracy      accuracy score per trial in time order, with its rolling mean
 * @param estimates     estimated vs actual improvement per trial (the scatter)
 * @param recentTrials  the newest trials first (at most 50), for giving feedback
 * @param estimatorNote what the estimate shown with new advice comes from, in words
 */
public record LearningSnapshot(LearningReport report, List<Accuracy.Point> accuracy, List<EstimatePoint> estimates,
                               List<TrialOutcome> recentTrials, String estimatorNote) {

    public LearningSnapshot {
        accuracy = List.copyOf(accuracy);
        estimates = List.copyOf(estimates);
        recentTrials = List.copyOf(recentTrials);
    }

    /**
     * One trial in the scatter.
     *
     * @param kind              recommendation kind
     * @param estimatedPercent  the estimate made before the trial, percent
     * @param actualPercent     the measured improvement, percent
     */
    public record EstimatePoint(String kind, double estimatedPercent, double actualPercent) {
    }
}
