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
 * @param fingerprint           the query's fingerprint (pg_stat_statements' normalised query), or "" when unknown:
 *                              earlier trials of the same kind on the same fingerprint are the estimator's
 *                              same-query history
 */
public record Candidate(String recommendationKind, String patternSignature, Double whatIfCostRatio,
                        double advisorEstimatePercent, Map<String, Double> features, String fingerprint) {

    public Candidate {
        Objects.requireNonNull(recommendationKind, "recommendationKind");
        Objects.requireNonNull(patternSignature, "patternSignature");
        features = features == null ? Map.of() : Map.copyOf(features);
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /** A candidate whose query fingerprint is unknown (no same-query history). */
    public Candidate(String recommendationKind, String patternSignature, Double whatIfCostRatio,
                     double advisorEstimatePercent, Map<String, Double> features) {
        this(recommendationKind, patternSignature, whatIfCostRatio, advisorEstimatePercent, features, "");
    }

    /** @return what the estimator saw before the trial of this outcome */
    public static Candidate of(TrialOutcome o) {
        return new Candidate(o.recommendationKind(), o.patternSignature(), o.whatIfCostRatio(),
                o.estimatedImprovementPercent(), o.features(), o.fingerprint());
    }

    /** @return the cost-only estimate, {@code 100 * (1 - whatIfCostRatio)} percent, else the advisor's estimate */
    public double costOnlyPercent() {
        return whatIfCostRatio == null ? advisorEstimatePercent : 100.0 * (1.0 - whatIfCostRatio);
    }
}
