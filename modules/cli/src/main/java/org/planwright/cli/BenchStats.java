package org.planwright.cli;

import java.util.Arrays;

/**
 * Timings of repeated runs of one piece of work, in milliseconds.
 *
 * @param medianMs the median (nearest-rank) of the timed runs
 * @param p90Ms    the 90th percentile (nearest-rank) of the timed runs
 * @param runs     how many runs were timed
 */
record BenchStats(double medianMs, double p90Ms, int runs) {

    /**
     * Runs {@code work} {@code warmUp} times untimed, then {@code runs} times timed with {@link System#nanoTime()}.
     *
     * @param warmUp untimed runs first (JIT compilation, class loading)
     * @param runs   timed runs, at least 1
     * @param work   the work; its result is kept alive until the run is timed so that it is not optimised away
     * @return the median and p90 of the timed runs
     */
    static BenchStats measure(int warmUp, int runs, java.util.function.Supplier<?> work) {
        for (int i = 0; i < warmUp; i++) {
            sink(work.get());
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Object result = work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
            sink(result);
        }
        Arrays.sort(ms);
        return new BenchStats(nearestRank(ms, 0.5), nearestRank(ms, 0.9), runs);
    }

    /** Nearest-rank percentile of sorted values: the value at rank ceil(p * n). */
    static double nearestRank(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static volatile int sink;

    private static void sink(Object o) {
        sink += System.identityHashCode(o);
    }
}
