package org.planwright.learning;

import java.util.List;
import org.planwright.store.TrialOutcome;

/**
 * The improvement estimator in use for a workspace: the deployed learned model, or the cost-only estimate until
 * one has beaten it on held-out trials. Every estimate carries an 80 % interval: the model's split-conformal
 * half-width, or for cost-only the 0.8 quantile of the cost-only estimate's absolute errors on the workspace's
 * trials (half the accuracy scale while there are fewer than 5). Immutable; thread-safe.
 */
public final class Estimator {

    private final LearnedEstimator model;
    private final int version;
    private final double costOnlyHalfWidth;

    private Estimator(LearnedEstimator model, int version, double costOnlyHalfWidth) {
        this.model = model;
        this.version = version;
        this.costOnlyHalfWidth = costOnlyHalfWidth;
    }

    /** @return the cost-only estimator, its interval from the outcomes' cost-only errors */
    public static Estimator costOnly(List<TrialOutcome> outcomes, LearningSettings settings) {
        List<Double> errors = new java.util.ArrayList<>();
        for (TrialOutcome o : outcomes) {
            errors.add(Math.abs(Candidate.of(o).costOnlyPercent() - o.actualImprovementPercent()));
        }
        double hw = errors.size() < 5 ? settings.accuracyScalePercent() / 2 : Stats.quantile(errors, 0.8);
        return new Estimator(null, 0, hw);
    }

    /**
     * @param modelBytes a stored model's bytes
     * @param version    its version
     * @param fallback   what to use when the bytes cannot be read (another feature layout)
     * @return the learned estimator, or {@code fallback}
     */
    public static Estimator learned(byte[] modelBytes, int version, Estimator fallback) {
        LearnedEstimator m = modelBytes == null ? null : LearnedEstimator.fromBytes(modelBytes);
        return m == null ? fallback : new Estimator(m, version, fallback.costOnlyHalfWidth);
    }

    static Estimator of(LearnedEstimator model, int version) {
        return new Estimator(model, version, Double.NaN);
    }

    /** @return the model version in use, 0 for cost-only */
    public int version() {
        return model == null ? 0 : version;
    }

    /** @return true when a learned model is in use */
    public boolean isLearned() {
        return model != null;
    }

    /**
     * @param candidate the recommendation
     * @param memory    pattern memory (for the pattern-history features)
     * @return the estimate with its interval, percent; the estimate and the interval's upper end at most 100 (a change
     *     cannot save more than the whole execution time), the lower end unbounded (slower); well under a
     *     millisecond (see docs/learning.md, benchmark)
     */
    public Estimate estimate(Candidate candidate, PatternMemory memory) {
        if (model == null) {
            double p = Math.min(100, candidate.costOnlyPercent());
            return new Estimate(p, p - costOnlyHalfWidth, Math.min(100, p + costOnlyHalfWidth),
                    Estimate.Source.COST_ONLY, 0);
        }
        PatternMatch exact = memory.match(candidate.patternSignature(), candidate.recommendationKind(),
                memory.kindRate(candidate.recommendationKind())).filter(PatternMatch::exact).orElse(null);
        double rate = exact == null ? memory.kindRate(candidate.recommendationKind()) : exact.confidence();
        double p = Math.min(100, model.predict(FeatureVector.of(candidate, rate,
                exact == null ? List.of() : exact.improvements(),
                memory.sameQuery(candidate.fingerprint(), candidate.recommendationKind()))));
        double hw = model.intervalHalfWidth();
        return new Estimate(p, p - hw, Math.min(100, p + hw), Estimate.Source.LEARNED, version);
    }
}
