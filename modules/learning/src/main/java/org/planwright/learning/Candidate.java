package org.planwright.learning;

import java.util.Map;
import java.util.Objects;
import org.planwright.store.TrialOutcome;

/**
 * A recommendation to estimate: what the estimator sees before any trial.
 *
 * @param recommendationKind    kind by name ({@code index}, {@code rewrite}, ...)
 * @param patternSignature      the query's pattern signature
 * @param whatIfCostRatio       planner cost after / before (fraction), or null when not costed
 * @param advisorEstimatePercent the advisor's own estimate, percent of execution time
 * @param features              numeric features by name (see {@link TrialOutcome#features()})
 */
public record Candidate(String recommendationKind, String patternSignature, Double whatIfCostRatio,
                        double advisorEstimatePercent, Map<String, Double> features) {

    public Candidate {
        Objects.requireNonNull(recommendationKind, "recommendationKind");
        Objects.requireNonNull(patternSignature, "patternSignature");
        features = features == null ? Map.of() : Map.copyOf(features);
    }

    /** @return what the estimator saw before the trial of this outcome */
    public static Candidate of(TrialOutcome o) {
        return new Candidate(o.recommendationKind(), o.patternSignature(), o.whatIfCostRatio(),
                o.estimatedImprovementPercent(), o.features());
    }

    /** @return the cost-only estimate, {@code 100 * (1 - whatIfCostRatio)} percent, else the advisor's estimate */
    public double costOnlyPercent() {
        return whatIfCostRatio == null ? advisorEstimatePercent : 100.0 * (1.0 - whatIfCostRatio);
    }
}
