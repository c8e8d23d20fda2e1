package org.planwright.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Orders new recommendations with what pattern memory knows: each gets the estimator's estimate and its confidence
 * raised or lowered by matching patterns ({@link PatternMemory#confidence}); the order is by expected benefit =
 * confidence x max(estimate, 0), so a proven recommendation comes before an untried one of the same estimate.
 * Stateless.
 */
public final class Ranking {

    /**
     * One ranked recommendation.
     *
     * @param candidate       the recommendation
     * @param estimate        its estimate with interval
     * @param confidence      its confidence after pattern memory, in [0, 1]
     * @param expectedBenefit confidence x max(estimate, 0), percent
     */
    public record Ranked(Candidate candidate, Estimate estimate, double confidence, double expectedBenefit) {
    }

    private Ranking() {
    }

    /**
     * @param candidates         the new recommendations
     * @param advisorConfidence  each one's confidence from the advisor, in [0, 1]
     * @param memory             pattern memory of the workspace
     * @param estimator          the estimator in use
     * @return the candidates, highest expected benefit first
     */
    public static List<Ranked> rank(List<Candidate> candidates, ToDoubleFunction<Candidate> advisorConfidence,
                                    PatternMemory memory, Estimator estimator) {
        List<Ranked> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            Estimate e = estimator.estimate(c, memory);
            double conf = memory.confidence(c.patternSignature(), c.recommendationKind(), advisorConfidence.applyAsDouble(c));
            out.add(new Ranked(c, e, conf, conf * Math.max(0, e.percent())));
        }
        out.sort(Comparator.comparingDouble(Ranked::expectedBenefit).reversed());
        return out;
    }
}
