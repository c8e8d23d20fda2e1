package org.planwright.plans;

import java.util.Map;

/**
 * JIT compilation summary of a plan ("JIT" in EXPLAIN ANALYZE output).
 *
 * @param functions number of functions compiled, or -1 if not reported
 * @param options   JIT options ("Inlining", "Optimization", "Expressions", "Deforming") to on/off
 * @param timings   phase to time in ms ("Generation", "Inlining", "Optimization", "Emission", "Total");
 *                  empty without ANALYZE
 */
public record Jit(long functions, Map<String, Boolean> options, Map<String, Double> timings) {

    /** Copies the maps. */
    public Jit {
        options = Map.copyOf(options);
        timings = Map.copyOf(timings);
    }

    /** @return total JIT time in ms ("Total" timing), 0 if unknown */
    public double totalTime() {
        return timings.getOrDefault("Total", 0.0);
    }
}
