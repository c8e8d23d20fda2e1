package org.planwright.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.planwright.store.TrialOutcome;

/**
 * Scores a confidence rule on a workspace's history: replays the outcomes in the order they finished; before each
 * trial whose (signature, kind) has been tried before, asks the rule for the probability that it succeeds, using
 * only earlier trials; then compares with what happened (1 = success). The Brier score (Brier 1950) is the mean of
 * {@code (p - y)^2}: lower is better, 0.25 is what a constant 0.5 scores.
 *
 * @param predictions how many trials were predicted
 * @param brierOurs   the Brier score of {@link MatchConfidence#of}
 * @param brierSeed   the Brier score of {@link MatchConfidence#seed}
 */
public record ConfidenceEvaluation(int predictions, double brierOurs, double brierSeed) {

    /** @return the evaluation; NaN scores when no trial had a predecessor on its pattern */
    public static ConfidenceEvaluation of(List<TrialOutcome> outcomes, LearningSettings settings) {
        List<TrialOutcome> ordered = new ArrayList<>(outcomes);
        ordered.sort(Comparator.comparing(TrialOutcome::finishedAt).thenComparing(TrialOutcome::trialId));
        List<TrialOutcome> seen = new ArrayList<>();
        double ours = 0;
        double seed = 0;
        int n = 0;
        for (TrialOutcome o : ordered) {
            List<Double> history = new ArrayList<>();
            double kindSum = 0;
            int kindN = 0;
            for (TrialOutcome p : seen) {
                if (p.recommendationKind().equals(o.recommendationKind())) {
                    kindSum += MatchConfidence.softSuccess(p.actualImprovementPercent(), settings.successThresholdPercent());
                    kindN++;
                    if (p.patternSignature().equals(o.patternSignature())) {
                        history.add(p.actualImprovementPercent());
                    }
                }
            }
            if (!history.isEmpty()) {
                double prior = kindN == 0 ? 0.5 : kindSum / kindN;
                double y = o.actualImprovementPercent() >= settings.successThresholdPercent() ? 1 : 0;
                double a = MatchConfidence.of(history, 1.0, prior, settings) - y;
                double b = MatchConfidence.seed(history, prior, settings) - y;
                ours += a * a;
                seed += b * b;
                n++;
            }
            seen.add(o);
        }
        return new ConfidenceEvaluation(n, n == 0 ? Double.NaN : ours / n, n == 0 ? Double.NaN : seed / n);
    }
}
