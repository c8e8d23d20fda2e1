package org.planwright.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Timings of repeated runs of one piece of work, in milliseconds.
 *
 * @param medianMs    the median (nearest-rank) of the timed runs, wall-clock
 * @param p90Ms       the 90th percentile (nearest-rank) of the timed runs, wall-clock
 * @param runs        how many runs were timed
 * @param cpuMedianMs the median CPU time of the measuring thread per run ({@code ThreadMXBean}), or NaN when the
 *                    JVM does not measure it; the garbage collector's threads are not in it. On a machine shared
 *                    with other work this is the steadier figure
 * @param processCpuMeanMs the CPU time of the whole JVM over all timed runs divided by their number (every
 *                    thread: the garbage collector's and the JIT compiler's too; {@code
 *                    com.sun.management.OperatingSystemMXBean#getProcessCpuTime}, which counts in clock ticks of
 *                    10 ms on Linux, hence a mean over the runs, not a median), or NaN when the JVM does not measure
 *                    it: the figure to set beside another runtime's process CPU time (bench/pev2 measures Node's
 *                    the same way)
 */
record BenchStats(double medianMs, double p90Ms, int runs, double cpuMedianMs, double processCpuMeanMs) {

    /**
     * Runs {@code work} {@code warmUp} times untimed, then {@code runs} times timed with {@link System#nanoTime()}.
     *
     * @param warmUp untimed runs first (JIT compilation, class loading)
     * @param runs   timed runs, at least 1
     * @param work   the work; its result is kept alive until the run is timed so that it is not optimised away
     * @return the median and p90 of the timed runs
     */
    static BenchStats measure(int warmUp, int runs, java.util.function.Supplier<?> work) {
        return measure(warmUp, 0, runs, work);
    }

    /**
     * As {@link #measure(int, int, java.util.function.Supplier)}, warming up for at least {@code minWarmUpMs} ms
     * of wall clock too: on a busy machine ten runs can end before the JIT compiler had the CPU to compile them.
     *
     * @param minWarmUpMs the warm-up goes on, run after run, until this many ms passed; 0 for none
     */
    static BenchStats measure(int warmUp, long minWarmUpMs, int runs, java.util.function.Supplier<?> work) {
        long warmUpEnd = System.nanoTime() + minWarmUpMs * 1_000_000;
        for (int i = 0; i < warmUp || System.nanoTime() - warmUpEnd < 0; i++) {
            sink(work.get());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        com.sun.management.OperatingSystemMXBean process =
                ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        && os.getProcessCpuTime() >= 0 ? os : null;
        double[] ms = new double[runs];
        double[] cpuMs = new double[runs];
        long processStart = process != null ? process.getProcessCpuTime() : 0;
        for (int i = 0; i < runs; i++) {
            long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
            long start = System.nanoTime();
            Object result = work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
            cpuMs[i] = cpu ? (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 : Double.NaN;
            sink(result);
        }
        double processMs = process != null ? (process.getProcessCpuTime() - processStart) / 1e6 / runs : Double.NaN;
        Arrays.sort(ms);
        Arrays.sort(cpuMs);
        return new BenchStats(nearestRank(ms, 0.5), nearestRank(ms, 0.9), runs, nearestRank(cpuMs, 0.5), processMs);
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
