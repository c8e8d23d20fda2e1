package org.planwright.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.planwright.store.TrialOutcome;

/**
 * How good estimates were, made precise (issue 10; docs/learning.md):
 * <ul>
 *   <li><b>accuracy score</b> of one estimate: {@code clamp(1 - |estimated - actual| / scale, 0, 1)}, both in percent
 *       of execution time, scale = {@link LearningSettings#accuracyScalePercent()} (50 points);</li>
 *   <li><b>model accuracy over a window</b>: the mean score of the trials that finished in it;</li>
 *   <li><b>trend</b>: the Mann-Kendall test (Mann 1945; Kendall 1975) on the scores in time order, two-sided at
 *       5 %: IMPROVING / DECLINING when significant, else STABLE; INSUFFICIENT below 8 trials;</li>
 *   <li><b>bias</b> per kind: the mean of {@code estimated - actual} (positive = over-estimation), significant when
 *       a two-sided z-test of the mean against 0 gives p &lt; 0.05 (normal approximation, n &ge; 5).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Accuracy {

    /** Direction of a trend in accuracy. */
    public enum Trend { IMPROVING, DECLINING, STABLE, INSUFFICIENT }

    /**
     * @param statistic Mann-Kendall S
     * @param z         its normal score (continuity-corrected)
     * @param pValue    two-sided p
     * @param trend     the verdict
     * @param n         scores tested
     */
    public record TrendTest(double statistic, double z, double pValue, Trend trend, int n) {
    }

    /**
     * @param recommendationKind the kind
     * @param n                  trials
     * @param meanErrorPercent   mean of estimated - actual, percentage points (positive = over-estimates)
     * @param pValue             two-sided p of the mean against 0 (NaN below 5 trials)
     * @param significant        p &lt; 0.05
     */
    public record Bias(String recommendationKind, int n, double meanErrorPercent, double pValue, boolean significant) {
    }

    /**
     * One point of the accuracy-over-time chart.
     *
     * @param finishedAt when the trial finished
     * @param score      its accuracy score
     * @param rolling    the mean score of the last (up to) 10 trials, this one included
     */
    public record Point(Instant finishedAt, double score, double rolling) {
    }

    private Accuracy() {
    }

    /** @return the accuracy score of one estimate, in [0, 1] */
    public static double score(double estimatedPercent, double actualPercent, double scalePercent) {
        return Math.max(0, Math.min(1, 1 - Math.abs(estimatedPercent - actualPercent) / scalePercent));
    }

    /** @return the scores of the outcomes' recorded estimates in time order, with a rolling mean of 10 */
    public static List<Point> series(List<TrialOutcome> outcomes, LearningSettings settings) {
        return series(outcomes, TrialOutcome::estimatedImprovementPercent, settings);
    }

    /** As {@link #series(List, LearningSettings)} for another estimate of each outcome. */
    public static List<Point> series(List<TrialOutcome> outcomes, ToDoubleFunction<TrialOutcome> estimate,
                                     LearningSettings settings) {
        List<TrialOutcome> ordered = ordered(outcomes);
        List<Point> out = new ArrayList<>(ordered.size());
        double[] last = new double[10];
        double sum = 0;
        for (int i = 0; i < ordered.size(); i++) {
            TrialOutcome o = ordered.get(i);
            double s = score(estimate.applyAsDouble(o), o.actualImprovementPercent(), settings.accuracyScalePercent());
            sum += s - (i >= 10 ? last[i % 10] : 0);
            last[i % 10] = s;
            out.add(new Point(o.finishedAt(), s, sum / Math.min(i + 1, 10)));
        }
        return out;
    }

    /** @return the mean score of trials finished in [from, to), or NaN when none */
    public static double window(List<Point> series, Instant from, Instant to) {
        double sum = 0;
        int n = 0;
        for (Point p : series) {
            if (!p.finishedAt().isBefore(from) && p.finishedAt().isBefore(to)) {
                sum += p.score();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** @return the Mann-Kendall trend test on the scores in order */
    public static TrendTest trend(List<Point> series) {
        int n = series.size();
        if (n < 8) {
            return new TrendTest(0, 0, Double.NaN, Trend.INSUFFICIENT, n);
        }
        long s = 0;
        Map<Double, Integer> ties = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double xi = series.get(i).score();
            ties.merge(xi, 1, Integer::sum);
            for (int j = i + 1; j < n; j++) {
                s += Long.signum(Double.compare(series.get(j).score(), xi));
            }
        }
        double var = n * (n - 1.0) * (2 * n + 5);
        for (int t : ties.values()) {
            var -= t * (t - 1.0) * (2 * t + 5);
        }
        var /= 18.0;
        double z = var <= 0 ? 0 : s > 0 ? (s - 1) / Math.sqrt(var) : s < 0 ? (s + 1) / Math.sqrt(var) : 0;
        double p = 2 * (1 - Stats.normalCdf(Math.abs(z)));
        Trend trend = p >= 0.05 ? Trend.STABLE : s > 0 ? Trend.IMPROVING : Trend.DECLINING;
        return new TrendTest(s, z, p, trend, n);
    }

    /** @return the bias of the recorded estimates per kind, by kind name */
    public static List<Bias> biasByKind(List<TrialOutcome> outcomes) {
        return biasByKind(outcomes, TrialOutcome::estimatedImprovementPercent);
    }

    /** As {@link #biasByKind(List)} for another estimate of each outcome. */
    public static List<Bias> biasByKind(List<TrialOutcome> outcomes, ToDoubleFunction<TrialOutcome> estimate) {
        Map<String, List<Double>> errors = new TreeMap<>();
        for (TrialOutcome o : outcomes) {
            errors.computeIfAbsent(o.recommendationKind(), k -> new ArrayList<>())
                    .add(estimate.applyAsDouble(o) - o.actualImprovementPercent());
        }
        List<Bias> out = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : errors.entrySet()) {
            List<Double> d = e.getValue();
            double mean = Stats.mean(d);
            double p = Double.NaN;
            if (d.size() >= 5) {
                double ss = 0;
                for (double x : d) {
                    ss += (x - mean) * (x - mean);
                }
                double se = Math.sqrt(ss / (d.size() - 1) / d.size());
                p = se == 0 ? (mean == 0 ? 1 : 0) : 2 * (1 - Stats.normalCdf(Math.abs(mean / se)));
            }
            out.add(new Bias(e.getKey(), d.size(), mean, p, !Double.isNaN(p) && p < 0.05));
        }
        return out;
    }

    /** @return the mean absolute error of an estimate over the outcomes, percentage points (NaN when empty) */
    public static double meanAbsoluteError(List<TrialOutcome> outcomes, ToDoubleFunction<TrialOutcome> estimate) {
        List<Double> e = new ArrayList<>();
        for (TrialOutcome o : outcomes) {
            e.add(Math.abs(estimate.applyAsDouble(o) - o.actualImprovementPercent()));
        }
        return Stats.mean(e);
    }

    /** @return the median absolute error, percentage points (NaN when empty) */
    public static double medianAbsoluteError(List<TrialOutcome> outcomes, ToDoubleFunction<TrialOutcome> estimate) {
        List<Double> e = new ArrayList<>();
        for (TrialOutcome o : outcomes) {
            e.add(Math.abs(estimate.applyAsDouble(o) - o.actualImprovementPercent()));
        }
        return Stats.median(e);
    }

    static List<TrialOutcome> ordered(List<TrialOutcome> outcomes) {
        List<TrialOutcome> ordered = new ArrayList<>(outcomes);
        ordered.sort(Comparator.comparing(TrialOutcome::finishedAt).thenComparing(TrialOutcome::trialId));
        return ordered;
    }

}
