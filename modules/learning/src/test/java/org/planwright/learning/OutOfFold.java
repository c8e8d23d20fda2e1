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

    /** Contiguous folds in time order: {@code folds} models, each predicting the trials it did not see. */
    static Errors evaluate(List<TrialOutcome> outcomes, LearningSettings settings, int folds) {
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
                    fit[k++] = EstimatorTraining.row(x[i], ordered.get(i).actualImprovementPercent());
                }
            }
            LearnedEstimator model = new LearnedEstimator(EstimatorTraining.fit(fit), 0);
            for (int i = from; i < to; i++) {
                double actual = ordered.get(i).actualImprovementPercent();
                learned.add(Math.abs(model.predict(x[i]) - actual));
                costOnly.add(Math.abs(Candidate.of(ordered.get(i)).costOnlyPercent() - actual));
            }
        }
        return new Errors(learned, costOnly);
    }

    /**
     * Median absolute errors of repeated K-fold cross-validation: {@code repeats} times, the trials are dealt into
     * {@code folds} folds by a shuffle seeded with the repetition's number, Smile's random generator (the
     * boosting's row subsample) is seeded with it too, and every trial is predicted by the model fitted on the other
     * folds. One K-fold split decides which trials share a fold and one seed which rows each tree sees; with 60
     * trials either moves the learned median by a point or more, so a single split's verdict is partly the split's.
     * Repeating it over seeds and averaging is repeated cross-validation, the usual remedy for that variance
     * (Kohavi, IJCAI 1995; Bouckaert and Frank, PAKDD 2004: 10 x 10-fold). The cost-only estimate fits nothing,
     * so its median is the same in every repetition. Deterministic for given trials.
     *
     * @param learnedMedians the learned estimator's median |error| per repetition (or seed), percentage points
     * @param costOnlyMedian the cost-only estimate's median |error| over the same trials
     */
    record Repeated(List<Double> learnedMedians, double costOnlyMedian) {

        double learnedMedian() {
            return Stats.mean(learnedMedians);
        }

        /** @return repetitions (or seeds) whose learned median was below the cost-only median */
        long wins() {
            return learnedMedians.stream().filter(m -> m < costOnlyMedian).count();
        }
    }

    /**
     * @param folds   K, folds per repetition
     * @param repeats repetitions, seeds 1 to {@code repeats}
     * @return the per-repetition medians (see {@link Repeated})
     */
    static Repeated repeated(List<TrialOutcome> outcomes, LearningSettings settings, int folds, int repeats) {
        List<TrialOutcome> ordered = Accuracy.ordered(outcomes);
        int n = ordered.size();
        double[][] x = EstimatorTraining.timeOrderedFeatures(ordered, settings);
        List<Double> costOnly = new ArrayList<>();
        for (TrialOutcome o : ordered) {
            costOnly.add(Math.abs(Candidate.of(o).costOnlyPercent() - o.actualImprovementPercent()));
        }
        List<Double> medians = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, new java.util.Random(r));
            smile.math.MathEx.setSeed(r);
            List<Double> learned = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                java.util.Set<Integer> held = new java.util.HashSet<>(order.subList(n * f / folds, n * (f + 1) / folds));
                double[][] fit = new double[n - held.size()][];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (!held.contains(i)) {
                        fit[k++] = EstimatorTraining.row(x[i], ordered.get(i).actualImprovementPercent());
                    }
                }
                LearnedEstimator model = new LearnedEstimator(EstimatorTraining.fit(fit), 0);
                for (int i : held) {
                    learned.add(Math.abs(model.predict(x[i]) - ordered.get(i).actualImprovementPercent()));
                }
            }
            medians.add(Stats.median(learned));
        }
        return new Repeated(medians, Stats.median(costOnly));
    }

    /**
     * The next round: a model fitted on the earlier round's trials predicts the later round's, trials it never saw of
     * the same advice measured again (the learning loop's use: the estimate for advice that has been tried before).
     * Features are computed over both rounds in time order, so a later trial's same-query history includes the
     * earlier round, as it would in use. Smile's generator seeded 1 to {@code seeds}; the learned median |error|
     * is averaged over the seeds. Deterministic for given trials.
     *
     * @param earlier the trials to fit on
     * @param later   the held-out trials, all finished after {@code earlier}
     * @return the learned estimator's median |error| per seed and the cost-only estimate's, over {@code later}
     */
    static Repeated nextRound(List<TrialOutcome> earlier, List<TrialOutcome> later, LearningSettings settings,
                              int seeds) {
        List<TrialOutcome> first = Accuracy.ordered(earlier);
        List<TrialOutcome> all = new ArrayList<>(first);
        all.addAll(Accuracy.ordered(later));
        double[][] x = EstimatorTraining.timeOrderedFeatures(all, settings);
        int n = first.size();
        double[][] fit = new double[n][];
        for (int i = 0; i < n; i++) {
            fit[i] = EstimatorTraining.row(x[i], all.get(i).actualImprovementPercent());
        }
        List<Double> costOnly = new ArrayList<>();
        for (int i = n; i < all.size(); i++) {
            costOnly.add(Math.abs(Candidate.of(all.get(i)).costOnlyPercent() - all.get(i).actualImprovementPercent()));
        }
        List<Double> medians = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            smile.math.MathEx.setSeed(seed);
            LearnedEstimator model = new LearnedEstimator(EstimatorTraining.fit(fit), 0);
            List<Double> learned = new ArrayList<>();
            for (int i = n; i < all.size(); i++) {
                learned.add(Math.abs(model.predict(x[i]) - all.get(i).actualImprovementPercent()));
            }
            medians.add(Stats.median(learned));
        }
        return new Repeated(medians, Stats.median(costOnly));
    }

    /** @param args the store folder */
    public static void main(String[] args) {
        try (WorkbenchStore store = WorkbenchStore.open(Path.of(args[0]))) {
            Workspace ws = store.workspaces().list().getFirst();
            List<TrialOutcome> outcomes = store.learning().trialOutcomes().list(ws.id());
            Repeated rep = repeated(outcomes, LearningSettings.defaults(), 10, 10);
            System.out.printf(Locale.ROOT, "10 x 10-fold: median |error| learned %.1f (per repetition %.1f-%.1f, lower"
                            + " in %d of 10) vs cost-only %.1f%n", rep.learnedMedian(),
                    java.util.Collections.min(rep.learnedMedians()), java.util.Collections.max(rep.learnedMedians()),
                    rep.wins(), rep.costOnlyMedian());
            for (int folds : new int[] {3, 5, 10}) {
                Errors e = evaluate(outcomes, LearningSettings.defaults(), folds);
                System.out.printf(Locale.ROOT, "%d trials, %d contiguous folds: median |error| learned %.1f vs cost-only"
                                + " %.1f; mean %.1f vs %.1f%n", outcomes.size(), folds, e.learnedMedian(),
                        e.costOnlyMedian(), Stats.mean(e.learned()), Stats.mean(e.costOnly()));
            }
        }
    }
}
