package org.planwright.learning;

import java.util.List;

/**
 * What pattern memory knows about one recommendation kind on one query shape.
 *
 * @param signature          the pattern matched (the query's own signature for an exact match)
 * @param recommendationKind the kind
 * @param exact              true for an exact signature match, false for the most similar pattern(s)
 * @param similarity         1 for exact; else the similarity of the matched pattern(s), in [0, 1]
 * @param attempts           past trials behind it
 * @param successes          of which at or above the success threshold
 * @param improvements       their actual improvements, percent, sorted ascending
 * @param confidence         {@link MatchConfidence} of a new recommendation of this kind, in [0, 1]
 */
public record PatternMatch(String signature, String recommendationKind, boolean exact, double similarity,
                           int attempts, int successes, List<Double> improvements, double confidence) {

    public PatternMatch {
        improvements = List.copyOf(improvements);
    }

    /** @return the median actual improvement, percent, or NaN without trials */
    public double medianImprovement() {
        return Stats.median(improvements);
    }

    /** @return successes / attempts, or NaN without trials */
    public double successRate() {
        return attempts == 0 ? Double.NaN : (double) successes / attempts;
    }
}
