package org.planwright.learning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The learning loop's report on one workspace: what {@code planwright learning report} prints and the Learning page
 * shows. Numbers that cannot be computed (no trials yet...) are null. Percentages are percent of execution time;
 * errors are percentage points; rates are fractions in [0, 1].
 *
 * @param workspace             the workspace's name
 * @param generatedAt           when the report was made (UTC)
 * @param trials                trial outcomes recorded
 * @param feedback              submitted feedback records
 * @param drafts                feedback drafts not yet submitted
 * @param successThresholdPercent a trial succeeds at or above this improvement
 * @param accuracy              mean accuracy score of the recorded estimates (all trials)
 * @param accuracyLast30Days    the same over the trials of the last 30 days
 * @param trend                 Mann-Kendall verdict on the scores in time order
 * @param trendPValue           its two-sided p
 * @param bias                  per kind: mean estimated - actual, significance
 * @param estimator             the estimator in use: "learned model vN" or "cost-only"
 * @param learnedHoldoutMae     the deployed model's MAE on its held-out trials
 * @param costOnlyHoldoutMae    the estimator it replaced, on the same trials
 * @param holdoutTrials         how many trials were held out for that comparison
 * @param models                the model versions, oldest first
 * @param feedbackOverall       feedback statistics, all kinds
 * @param feedbackByKind        per kind
 * @param topPatterns           most tried patterns with success rates
 * @param brierConfidence       Brier score of pattern memory's confidence on replayed trials (lower is better)
 * @param brierSeedRule         Brier score of the seed documents' rule on the same trials
 * @param whatWorks             sentences: kinds and patterns that succeed
 * @param whatDoesNot           sentences: kinds and patterns that fail
 * @param findings              sentences: bias found and what is done about it
 */
public record LearningReport(String workspace, Instant generatedAt, int trials, int feedback, int drafts,
                             double successThresholdPercent, Double accuracy, Double accuracyLast30Days,
                             Accuracy.Trend trend, Double trendPValue, List<KindBias> bias, String estimator,
                             Double learnedHoldoutMae, Double costOnlyHoldoutMae, Integer holdoutTrials,
                             List<ModelVersion> models, Stats feedbackOverall, Map<String, Stats> feedbackByKind,
                             List<Pattern> topPatterns, Double brierConfidence, Double brierSeedRule,
                             List<String> whatWorks, List<String> whatDoesNot, List<String> findings) {

    /** Bias of one kind: mean of estimated - actual (positive: over-estimates), percentage points. */
    public record KindBias(String kind, int trials, Double meanErrorPercent, Double pValue, boolean significant) {
    }

    /** One estimator version with its metrics (MAE in percentage points). */
    public record ModelVersion(int version, Instant createdAt, String algorithm, String libraryVersion,
                               int trainingSize, Double cvMae, Double holdoutMae, Double baselineMae,
                               Double intervalHalfWidth, boolean deployed) {
    }

    /** Feedback statistics (see {@link FeedbackStatistics}), nulls for what cannot be computed. */
    public record Stats(int total, Double ratedShare, Double averageRating, Double averageEstimatedPercent,
                        Double averageActualPercent, Double successRate, Double approvalRate) {
    }

    /** A pattern with its record for one kind. */
    public record Pattern(String signature, String kind, int attempts, int successes, Double successRate,
                          Double medianImprovementPercent) {
    }
}
