package org.planwright.learning;

import java.util.List;

/**
 * The confidence that a recommendation of some kind succeeds on a query, given what pattern memory holds: a
 * probability in [0, 1], the posterior mean of a Beta-Binomial model (empirical Bayes shrinkage, as in Efron &
 * Morris 1975):
 *
 * <pre>
 *   w_i  = clamp(0.5 + (actual_i - T) / 20, 0, 1)          soft success of past trial i (T = success threshold, %)
 *   n    = sim * N,   s = sim * sum(w_i)                   N past trials; sim = 1 for an exact signature match,
 *                                                          the {@link SignatureSimilarity} for a similar pattern
 *   conf = (s + m * p0) / (n + m)                          p0 = the prior (the advisor's own confidence, or the
 *                                                          kind's rate over all patterns); m = prior strength (4)
 * </pre>
 *
 * It combines the three things issue 10 asks for: the success rate ({@code s / n}), how many trials back it (with
 * few, the prior dominates; with many, the history), and the size of past improvements (an improvement 10 points
 * above the threshold counts as a full success, one at the threshold as half, a regression as none). Unlike the
 * seed documents' rule ({@link #seed}: success rate, +10 % with 10+ successes, +10 % with 50 %+ improvement) it never
 * leaves [0, 1], never gives a pattern tried once a 0 or 1, and it is calibrated: {@link ConfidenceEvaluation}
 * replays trials in time order and scores both by the Brier score. Stateless and thread-safe.
 */
public final class MatchConfidence {

    private MatchConfidence() {
    }

    /**
     * @param improvements   actual improvements of the past trials, percent
     * @param similarity     1 for an exact match, else the similarity of the matched pattern, in [0, 1]
     * @param prior          the confidence before looking at history, in [0, 1]
     * @param settings       threshold and prior strength
     * @return the confidence, in [0, 1]
     */
    public static double of(List<Double> improvements, double similarity, double prior, LearningSettings settings) {
        double s = 0;
        for (double a : improvements) {
            s += softSuccess(a, settings.successThresholdPercent());
        }
        double n = similarity * improvements.size();
        s *= similarity;
        double m = settings.priorStrength();
        return (s + m * prior) / (n + m);
    }

    /** @return the soft success of one trial: 0.5 at the threshold, 1 at 10 points above, 0 at 10 points below */
    public static double softSuccess(double actualPercent, double thresholdPercent) {
        return Math.max(0, Math.min(1, 0.5 + (actualPercent - thresholdPercent) / 20.0));
    }

    /**
     * The seed documents' rule, kept to compare against: success rate, +0.1 with 10 or more successes, +0.1 when
     * the mean improvement is 50 % or more, capped at 1; {@code prior} when there is no history.
     */
    public static double seed(List<Double> improvements, double prior, LearningSettings settings) {
        if (improvements.isEmpty()) {
            return prior;
        }
        int successes = 0;
        double sum = 0;
        for (double a : improvements) {
            successes += a >= settings.successThresholdPercent() ? 1 : 0;
            sum += a;
        }
        double c = (double) successes / improvements.size();
        if (successes >= 10) {
            c += 0.1;
        }
        if (sum / improvements.size() >= 50) {
            c += 0.1;
        }
        return Math.min(1.0, c);
    }
}
