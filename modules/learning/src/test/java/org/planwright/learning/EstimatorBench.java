package org.planwright.learning;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.planwright.store.TrialOutcome;

/**
 * Benchmark: training time on 10,000 and 100,000 synthetic outcomes (one fit, and the whole deploy pipeline:
 * 3-fold CV + fit + hold-out scoring), and the latency of one estimate. Targets (issue 10): 10,000 trained in
 * under 5 s, an estimate under 1 ms. Baseline in the same run: the cost-only estimate's latency.
 * Run: {@code java -cp <test-classpath> org.planwright.learning.EstimatorBench [sizes...]}.
 */
public final class EstimatorBench {

    private EstimatorBench() {
    }

    public static void main(String[] args) {
        LearningSettings settings = LearningSettings.defaults();
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        // warm-up
        EstimatorTraining.train(SyntheticOutcomes.generate(500, UUID.randomUUID(), 1), null, settings);
        for (int n : sizes) {
            List<TrialOutcome> outcomes = SyntheticOutcomes.generate(n, UUID.randomUUID(), 42);
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<TrialOutcome> ordered = Accuracy.ordered(outcomes);
            double[][] x = EstimatorTraining.timeOrderedFeatures(ordered, settings);
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = EstimatorTraining.row(x[i], ordered.get(i).actualImprovementPercent());
            }
            EstimatorTraining.fit(rows);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "%,d outcomes: one fit (features + GradientTreeBoost.fit) %.2f s wall / %.2f s CPU%n",
                    n, (t1 - t0) / 1e9, (c1 - c0) / 1e9);
            System.out.flush();
            EstimatorTraining.Result r = EstimatorTraining.train(outcomes, null, settings);
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "%,d outcomes: full training (3-fold CV + fit + hold-out) %.2f s wall / %.2f s CPU;"
                            + " hold-out MAE %.1f vs cost-only %.1f points%n", n,
                    (t2 - t1) / 1e9, (c2 - c1) / 1e9, r.holdoutMae(), r.baselineMae());
            System.out.flush();
            if (n == sizes[0]) {
                latency(outcomes, r, settings);
            }
        }
    }

    private static void latency(List<TrialOutcome> outcomes, EstimatorTraining.Result r, LearningSettings settings) {
        PatternMemory memory = new PatternMemory(outcomes, settings);
        Estimator learned = Estimator.learned(r.modelBytes(), 1, Estimator.costOnly(outcomes, settings));
        Estimator costOnly = Estimator.costOnly(outcomes, settings);
        List<Candidate> candidates = outcomes.stream().limit(2000).map(Candidate::of).toList();
        double sink = 0;
        for (int w = 0; w < 3; w++) {
            for (Candidate c : candidates) {
                sink += learned.estimate(c, memory).percent() + costOnly.estimate(c, memory).percent();
            }
        }
        System.out.printf(Locale.ROOT, "load average now: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        for (Candidate c : candidates) {
            sink += learned.estimate(c, memory).percent();
        }
        long t1 = System.nanoTime();
        for (Candidate c : candidates) {
            sink += costOnly.estimate(c, memory).percent();
        }
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "estimate latency: learned %.3f ms, cost-only %.4f ms (mean of %d; checksum %.0f)%n",
                (t1 - t0) / 1e6 / candidates.size(), (t2 - t1) / 1e6 / candidates.size(), candidates.size(), sink);
    }
}
