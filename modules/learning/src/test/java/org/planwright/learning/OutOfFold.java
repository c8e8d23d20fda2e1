package org.planwright.learning;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.planwright.store.TrialOutcome;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;

/**
 * Test harness: K-fold out-of-fold errors of the learned estimator and of the cost-only estimate over all trials
 * of a workspace. Folds are contiguous in time order; each fold is predicted by a model fitted on the others (the
 * same {@link EstimatorTraining#fit} and features as training), so every trial is a held-out trial once, which
 * gives the comparison all the trials instead of the newest 20 % alone. Run {@link #main} on a kept store
 * ({@code -Dplanwright.e2e.store=DIR}) to see the figures.
 */
final class OutOfFold {

    /** Absolute errors, percentage points, per trial in time order. */
    record Errors(List<Double> learned, List<Double> costOnly) {

        double learnedMedian() {
            return Stats.median(learned);
        }

        double costOnlyMedian() {
            return Stats.median(costOnly);
        }
    }

    private OutOfFold() {
    }

    static Errors evaluate(List<TrialOutcome> outcomes, LearningSettings settings, int folds) {
        return evaluate(outcomes, settings, folds, false);
    }

    /**
     * @param residual true to fit the correction to the cost-only estimate ({@code actual - costOnly}) and predict
     *                 {@code costOnly + model}, a variant tried on the real trials (it did not help)
     */
    static Errors evaluate(List<TrialOutcome> outcomes, LearningSettings settings, int folds, boolean residual) {
        List<TrialOutcome> ordered = Accuracy.ordered(outcomes);
        int n = ordered.size();
        double[][] x = EstimatorTraining.timeOrderedFeatures(ordered, settings);
        List<Double> learned = new ArrayList<>();
        List<Double> costOnly = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int from = n * f / folds;
            int to = n * (f + 1) / folds;
            double[][] fit = new double[n - (to - from)][];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (i < from || i >= to) {
                    double[] row = java.util.Arrays.copyOf(x[i], x[i].length + 1);
                    row[x[i].length] = ordered.get(i).actualImprovementPercent()
                            - (residual ? Candidate.of(ordered.get(i)).costOnlyPercent() : 0);
                    fit[k++] = row;
                }
            }
            LearnedEstimator model = new LearnedEstimator(EstimatorTraining.fit(fit), 0);
            for (int i = from; i < to; i++) {
                double actual = ordered.get(i).actualImprovementPercent();
                double base = residual ? Candidate.of(ordered.get(i)).costOnlyPercent() : 0;
                learned.add(Math.abs(base + model.predict(x[i]) - actual));
                costOnly.add(Math.abs(Candidate.of(ordered.get(i)).costOnlyPercent() - actual));
            }
        }
        return new Errors(learned, costOnly);
    }

    /** @param args the store folder */
    public static void main(String[] args) {
        try (WorkbenchStore store = WorkbenchStore.open(Path.of(args[0]))) {
            Workspace ws = store.workspaces().list().getFirst();
            List<TrialOutcome> outcomes = store.learning().trialOutcomes().list(ws.id());
            for (int folds : new int[] {3, 5, 10}) {
                for (boolean residual : new boolean[] {false, true}) {
                    Errors e = evaluate(outcomes, LearningSettings.defaults(), folds, residual);
                    System.out.printf(Locale.ROOT, "%s%d trials, %d folds: median |error| learned %.1f vs cost-only"
                                    + " %.1f; mean %.1f vs %.1f%n", residual ? "residual " : "direct   ",
                            outcomes.size(), folds, e.learnedMedian(), e.costOnlyMedian(), Stats.mean(e.learned()),
                            Stats.mean(e.costOnly()));
                }
            }
        }
    }
}
