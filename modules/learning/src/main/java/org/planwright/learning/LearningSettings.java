package org.planwright.learning;

/**
 * The learning loop's thresholds, each with its source.
 *
 * @param successThresholdPercent a trial succeeds when its actual improvement is at least this, percent of
 *                                execution time. Default 10: below a tenth, a DBA rarely keeps an index or
 *                                rewrite, and run-to-run noise of a 5-run median on a quiet server is of that
 *                                order (issue 9's trials report significance separately)
 * @param accuracyScalePercent    the scale of the accuracy score {@code 1 - |estimated - actual| / scale}, clamped
 *                                to [0, 1]. Default 50 percentage points: an estimate 50 points off scores 0 (the
 *                                seed documents' definition, made precise)
 * @param minTrainingSize         outcomes needed before an estimator is trained; below it the what-if cost ratio
 *                                is the estimate. Default 30 (20 % of them held out leaves 6 for the deploy
 *                                decision, the least that a median of errors means anything on)
 * @param holdoutFraction         the newest outcomes held out for the deploy decision (PostgresML's "deploy if
 *                                better" on a test split). Default 0.2
 * @param similarityThreshold     the least {@link SignatureSimilarity} for a similar pattern to count. Default 0.6
 * @param priorStrength           the pseudo-trials of the kind-wide prior in {@link MatchConfidence}. Default 4
 * @param retrainEvery            new outcomes since the last training that trigger a background retraining.
 *                                Default 10
 */
public record LearningSettings(double successThresholdPercent, double accuracyScalePercent, int minTrainingSize,
                               double holdoutFraction, double similarityThreshold, double priorStrength,
                               int retrainEvery) {

    /** @return the defaults documented above */
    public static LearningSettings defaults() {
        return new LearningSettings(10.0, 50.0, 30, 0.2, 0.6, 4.0, 10);
    }
}
