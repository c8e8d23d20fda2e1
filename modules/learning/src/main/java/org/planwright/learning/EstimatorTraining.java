package org.planwright.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.planwright.store.TrialOutcome;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.model.cart.Loss;
import smile.regression.GradientTreeBoost;

/**
 * Trains a candidate improvement estimator on a workspace's trial outcomes and decides whether it replaces the
 * current one (PostgresML's "deploy if better"):
 * <ol>
 *   <li>outcomes in the order they finished; each one's pattern-history features use only earlier outcomes;</li>
 *   <li>the newest {@code holdoutFraction} are held out; the rest are the training set;</li>
 *   <li>3-fold cross-validation on the training set gives the CV mean absolute error and the out-of-fold residuals
 *       whose 0.8 quantile is the interval half-width;</li>
 *   <li>the model fitted on the whole training set is scored on the held-out outcomes, and so is the current
 *       estimator (the deployed model, else the cost-only estimate) on the same outcomes;</li>
 *   <li>deploy only when the candidate's held-out MAE is lower.</li>
 * </ol>
 * Model: the cost-only estimate corrected by Smile {@code GradientTreeBoost} fitted to the cost-only estimate's error
 * ({@code actual - costOnly}, percentage points; {@link LearnedEstimator}), with least-absolute-deviation loss (it
 * targets the median, matching the median |error| it is judged by, and shrugs off a trial that hit its timeout),
 * {@value #TREES} trees of at most {@value #MAX_NODES} leaves, shrinkage {@value #SHRINKAGE}, subsample 0.7:
 * Friedman 2001's recommended ranges. Fitting the correction rather than the improvement itself starts the model
 * from the planner's own estimate and moves it only where trials showed the planner wrong; on the end-to-end test's
 * real trials it beat fitting the improvement directly in 5 of 6 runs (docs/learning.md, session 7).
 * Stateless; training takes seconds for 10,000 outcomes: call it off the JavaFX application thread.
 */
public final class EstimatorTraining {

    static final int TREES = 150;
    static final int MAX_NODES = 8;
    static final double SHRINKAGE = 0.05;
    static final int FOLDS = 3;
    /** Smile's version, written into every model record. */
    public static final String LIBRARY = "smile-core 6.2.5";
    /** The algorithm, written into every model record (at most 100 characters: the store's column). */
    public static final String ALGORITHM = "cost-only + GradientTreeBoost(LAD, " + TREES + " trees, " + MAX_NODES
            + " leaves, shrinkage " + SHRINKAGE + ", subsample 0.7) of its error";

    /**
     * The outcome of one training.
     *
     * @param candidate         the trained model (null when there were too few outcomes)
     * @param trainingSize      outcomes in the training split
     * @param holdoutSize       outcomes held out
     * @param cvMae             cross-validated MAE, percentage points
     * @param holdoutMae        the candidate's MAE on the held-out outcomes
     * @param baselineMae       the current estimator's MAE on the same outcomes
     * @param holdoutMedianAe   the candidate's median absolute error there
     * @param baselineMedianAe  the current estimator's median absolute error there
     * @param baseline          what it competed with: "cost-only" or "model vN"
     * @param deploy            true when it is better and replaces the current one
     */
    public record Result(LearnedEstimator candidate, int trainingSize, int holdoutSize, double cvMae,
                         double holdoutMae, double baselineMae, double holdoutMedianAe, double baselineMedianAe,
                         String baseline, boolean deploy) {

        /** @return the serialised candidate, for the store */
        public byte[] modelBytes() {
            return candidate == null ? null : candidate.toBytes();
        }

        /** @return the interval half-width, percentage points, or NaN */
        public double intervalHalfWidth() {
            return candidate == null ? Double.NaN : candidate.intervalHalfWidth();
        }
    }

    private EstimatorTraining() {
    }

    /**
     * @param outcomes the workspace's outcomes
     * @param current  the deployed estimator and its version, or null while cost-only is in use
     * @param settings minimum size, hold-out share
     * @return the result; {@code candidate} null and {@code deploy} false below {@code minTrainingSize}
     */
    public static Result train(List<TrialOutcome> outcomes, Estimator current, LearningSettings settings) {
        List<TrialOutcome> ordered = Accuracy.ordered(outcomes);
        int n = ordered.size();
        if (n < settings.minTrainingSize()) {
            return new Result(null, n, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "cost-only", false);
        }
        double[][] x = timeOrderedFeatures(ordered, settings);
        int holdout = Math.max(1, (int) Math.round(n * settings.holdoutFraction()));
        int train = n - holdout;
        double[][] trainRows = new double[train][];
        for (int i = 0; i < train; i++) {
            trainRows[i] = row(x[i], ordered.get(i).actualImprovementPercent());
        }
        // cross-validation: contiguous folds of the training split
        List<Double> residuals = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            int from = train * f / FOLDS;
            int to = train * (f + 1) / FOLDS;
            double[][] fit = new double[train - (to - from)][];
            int k = 0;
            for (int i = 0; i < train; i++) {
                if (i < from || i >= to) {
                    fit[k++] = trainRows[i];
                }
            }
            GradientTreeBoost m = fit(fit);
            LearnedEstimator e = new LearnedEstimator(m, 0);
            for (int i = from; i < to; i++) {
                residuals.add(Math.abs(e.predict(x[i]) - ordered.get(i).actualImprovementPercent()));
            }
        }
        double cvMae = Stats.mean(residuals);
        LearnedEstimator candidate = new LearnedEstimator(fit(trainRows), Stats.quantile(residuals, 0.8));
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        PatternMemory memoryAtSplit = new PatternMemory(ordered.subList(0, train), settings);
        for (int i = train; i < n; i++) {
            TrialOutcome o = ordered.get(i);
            ours.add(Math.abs(candidate.predict(x[i]) - o.actualImprovementPercent()));
            double baseline = current == null ? Candidate.of(o).costOnlyPercent()
                    : current.estimate(Candidate.of(o), memoryAtSplit).percent();
            theirs.add(Math.abs(baseline - o.actualImprovementPercent()));
        }
        double holdoutMae = Stats.mean(ours);
        double baselineMae = Stats.mean(theirs);
        String baselineName = current == null || current.version() == 0 ? "cost-only" : "model v" + current.version();
        return new Result(candidate, train, holdout, cvMae, holdoutMae, baselineMae, Stats.median(ours),
                Stats.median(theirs), baselineName, holdoutMae < baselineMae);
    }

    /** Fits the model on rows whose last column is the target ({@link #row}: the cost-only estimate's error). */
    static GradientTreeBoost fit(double[][] rowsWithTarget) {
        DataFrame df = LearnedEstimator.frame(rowsWithTarget);
        int nodeSize = Math.max(2, Math.min(5, rowsWithTarget.length / 10));
        GradientTreeBoost.Options options = new GradientTreeBoost.Options(Loss.lad(), TREES, 20, MAX_NODES, nodeSize,
                SHRINKAGE, 0.7, null, null);
        return GradientTreeBoost.fit(Formula.lhs("y"), df, options);
    }

    /** Features of each outcome, its pattern and same-query history taken from the outcomes before it only. */
    static double[][] timeOrderedFeatures(List<TrialOutcome> ordered, LearningSettings settings) {
        double[][] x = new double[ordered.size()][];
        Map<String, List<Double>> history = new HashMap<>();
        Map<String, double[]> kindTotals = new HashMap<>();
        Map<String, List<double[]>> sameQuery = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            TrialOutcome o = ordered.get(i);
            String key = o.recommendationKind() + "\u0000" + o.patternSignature();
            List<Double> h = history.computeIfAbsent(key, k -> new ArrayList<>());
            double[] kt = kindTotals.computeIfAbsent(o.recommendationKind(), k -> new double[2]);
            double prior = kt[1] == 0 ? 0.5 : kt[0] / kt[1];
            List<double[]> q = sameQuery.computeIfAbsent(
                    PatternMemory.sameQueryKey(o.recommendationKind(), o.fingerprint()), k -> new ArrayList<>());
            x[i] = FeatureVector.of(Candidate.of(o), MatchConfidence.of(h, 1.0, prior, settings), h, q);
            h.add(o.actualImprovementPercent());
            q.add(PatternMemory.sameQueryPair(o));
            kt[0] += MatchConfidence.softSuccess(o.actualImprovementPercent(), settings.successThresholdPercent());
            kt[1]++;
        }
        return x;
    }

    /**
     * @param x      a trial's features
     * @param actual its measured improvement, percent
     * @return the training row: the features, then the target {@code actual - costOnly} (percentage points)
     */
    static double[] row(double[] x, double actual) {
        double[] row = java.util.Arrays.copyOf(x, x.length + 1);
        row[x.length] = actual - x[FeatureVector.COST_ONLY];
        return row;
    }
}
