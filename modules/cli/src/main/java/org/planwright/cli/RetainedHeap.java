package org.planwright.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.function.Supplier;

/**
 * Estimates the heap an object graph retains: heap used after a full collection with the object alive, minus heap
 * used after a full collection before it was built ({@link MemoryMXBean#getHeapMemoryUsage()}, with
 * {@link MemoryMXBean#gc()} run a few times until the figure settles). An estimate, good to a few hundred kB: other
 * threads may allocate meanwhile, and {@code gc()} is a request that the JVM may ignore
 * ({@code -XX:+DisableExplicitGC}).
 */
final class RetainedHeap {

    /** The method, in words, for the bench output. */
    static final String METHOD = "MemoryMXBean heap used after System.gc() with the parsed plan alive, minus before "
            + "it was parsed (the JSON text itself excluded)";

    private RetainedHeap() {
    }

    /**
     * @param build builds the object graph to measure
     * @return its retained size in bytes (0 when the estimate came out negative)
     */
    static long of(Supplier<?> build) {
        long before = settledUsed();
        Object kept = build.get();
        long after = settledUsed();
        Reference.reachabilityFence(kept);
        return Math.max(0, after - before);
    }

    private static long settledUsed() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            memory.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(now - used) < 64 * 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
