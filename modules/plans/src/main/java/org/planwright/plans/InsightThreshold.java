package org.planwright.plans;

import java.util.function.ToDoubleFunction;

/**
 * One number of {@link InsightThresholds}, described for people (the app's preferences dialog, reports): its
 * stable key (preference names), label, unit, shipped value and source. Constants are in the order of the
 * record's components.
 */
public enum InsightThreshold {
    /** See {@link InsightThresholds#slowNodeShare()}. */
    SLOW_NODE_SHARE("slow-node.share", "Slow node: share of execution time", Unit.FRACTION, 0.10,
            "Planwright (score 3 of ImpactScore)", InsightThresholds::slowNodeShare),
    /** See {@link InsightThresholds#slowNodeMaxNodes()}. */
    SLOW_NODE_MAX_NODES("slow-node.max-nodes", "Slow node: nodes reported at most", Unit.COUNT, 3,
            "Planwright (a short list a person reads)", InsightThresholds::slowNodeMaxNodes),
    /** See {@link InsightThresholds#highCostShare()}. */
    HIGH_COST_SHARE("high-cost.share", "High exclusive cost (no ANALYZE): share of total cost", Unit.FRACTION, 0.10,
            "Planwright", InsightThresholds::highCostShare),
    /** See {@link InsightThresholds#misestimateMinor()}. */
    MISESTIMATE_MINOR("misestimate.minor", "Row misestimate: reported from (x)", Unit.FACTOR, 10,
            "explain.depesz.com colours rows x from 10", InsightThresholds::misestimateMinor),
    /** See {@link InsightThresholds#misestimateMajor()}. */
    MISESTIMATE_MAJOR("misestimate.major", "Row misestimate: bad from (x)", Unit.FACTOR, 100,
            "PEV2 MIN_ESTIMATE_MISS; depesz's second colour", InsightThresholds::misestimateMajor),
    /** See {@link InsightThresholds#misestimateSevere()}. */
    MISESTIMATE_SEVERE("misestimate.severe", "Row misestimate: severe from (x)", Unit.FACTOR, 1000,
            "explain.depesz.com's third colour", InsightThresholds::misestimateSevere),
    /** See {@link InsightThresholds#removedFraction()}. */
    REMOVED_FRACTION("removed-rows.fraction", "Rows removed (filter, join filter, recheck): share of rows read",
            Unit.FRACTION, 0.90, "Planwright (rule of thumb for an index to pay off)",
            InsightThresholds::removedFraction),
    /** See {@link InsightThresholds#removedRowsMin()}. */
    REMOVED_ROWS_MIN("removed-rows.min", "Rows removed: at least (rows, all loops)", Unit.ROWS, 1000,
            "Planwright (keeps tiny tables out)", InsightThresholds::removedRowsMin),
    /** See {@link InsightThresholds#heapFetchesMin()}. */
    HEAP_FETCHES_MIN("heap-fetches.min", "Heap fetches: at least (all loops)", Unit.COUNT, 100, "Planwright",
            InsightThresholds::heapFetchesMin),
    /** See {@link InsightThresholds#heapFetchesPerRow()}. */
    HEAP_FETCHES_PER_ROW("heap-fetches.per-row", "Heap fetches: per row returned", Unit.RATIO, 0.10, "Planwright",
            InsightThresholds::heapFetchesPerRow),
    /** See {@link InsightThresholds#nestedLoopLoops()}. */
    NESTED_LOOP_LOOPS("nested-loop.loops", "Nested loop: inner loops at least", Unit.COUNT, 1000, "Planwright",
            InsightThresholds::nestedLoopLoops),
    /** See {@link InsightThresholds#nestedLoopInnerShare()}. */
    NESTED_LOOP_INNER_SHARE("nested-loop.inner-share", "Nested loop: inner side's share of execution time",
            Unit.FRACTION, 0.10, "Planwright", InsightThresholds::nestedLoopInnerShare),
    /** See {@link InsightThresholds#readBlocksMin()}. */
    READ_BLOCKS_MIN("read-efficiency.blocks", "Read efficiency: blocks touched at least (8 kB)", Unit.BLOCKS, 1000,
            "Planwright (8 MB)", InsightThresholds::readBlocksMin),
    /** See {@link InsightThresholds#readBlocksPerRow()}. */
    READ_BLOCKS_PER_ROW("read-efficiency.blocks-per-row", "Read efficiency: blocks (8 kB) per row returned",
            Unit.RATIO, 10, "Planwright; the tip is pgMustard's read efficiency", InsightThresholds::readBlocksPerRow),
    /** See {@link InsightThresholds#offsetRowsMin()}. */
    OFFSET_ROWS_MIN("offset.rows", "Large OFFSET: rows discarded at least", Unit.ROWS, 1000, "Planwright",
            InsightThresholds::offsetRowsMin),
    /** See {@link InsightThresholds#offsetFraction()}. */
    OFFSET_FRACTION("offset.fraction", "Large OFFSET: share of input rows discarded", Unit.FRACTION, 0.50,
            "Planwright", InsightThresholds::offsetFraction),
    /** See {@link InsightThresholds#jitShare()}. */
    JIT_SHARE("jit.share", "JIT: share of execution time", Unit.FRACTION, 0.10, "Planwright",
            InsightThresholds::jitShare),
    /** See {@link InsightThresholds#slowCountRows()}. */
    SLOW_COUNT_ROWS("slow-count.rows", "Slow COUNT: rows scanned at least", Unit.ROWS, 100_000, "Planwright",
            InsightThresholds::slowCountRows),
    /** See {@link InsightThresholds#staleAnalyzeScaleFactor()}. */
    STALE_SCALE_FACTOR("stale-statistics.scale-factor", "Stale statistics: modified share of live rows",
            Unit.FRACTION, 0.10, "PostgreSQL autovacuum_analyze_scale_factor default",
            InsightThresholds::staleAnalyzeScaleFactor),
    /** See {@link InsightThresholds#staleAnalyzeBaseThreshold()}. */
    STALE_BASE_THRESHOLD("stale-statistics.base-threshold", "Stale statistics: plus rows modified", Unit.ROWS, 50,
            "PostgreSQL autovacuum_analyze_threshold default", InsightThresholds::staleAnalyzeBaseThreshold);

    /** What a threshold's number measures; tells the allowed range and whether it is a whole number. */
    public enum Unit {
        /** A fraction in (0, 1], shown to people as a percentage. */
        FRACTION,
        /** A factor (x) above 1. */
        FACTOR,
        /** A positive ratio (per row). */
        RATIO,
        /** A whole count, at least 1. */
        COUNT,
        /** Rows, positive. */
        ROWS,
        /** 8 kB blocks, a whole count, at least 1. */
        BLOCKS
    }

    private final String key;
    private final String label;
    private final Unit unit;
    private final double defaultValue;
    private final String source;
    private final ToDoubleFunction<InsightThresholds> getter;

    InsightThreshold(String key, String label, Unit unit, double defaultValue, String source,
                     ToDoubleFunction<InsightThresholds> getter) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.defaultValue = defaultValue;
        this.source = source;
        this.getter = getter;
    }

    /** @return a stable key, e.g. "misestimate.major", used as the preference name */
    public String key() {
        return key;
    }

    /** @return a label for people, e.g. "Row misestimate: bad from (x)" */
    public String label() {
        return label;
    }

    /** @return the unit, which also tells the allowed range */
    public Unit unit() {
        return unit;
    }

    /** @return the shipped value (fractions as fractions, not percent) */
    public double defaultValue() {
        return defaultValue;
    }

    /** @return where the shipped value comes from, e.g. "PEV2 MIN_ESTIMATE_MISS" or "Planwright" */
    public String source() {
        return source;
    }

    /** @return true when the value must be a whole number (counts, blocks) */
    public boolean whole() {
        return unit == Unit.COUNT || unit == Unit.BLOCKS;
    }

    /** @return this threshold's value in {@code thresholds} */
    public double valueIn(InsightThresholds thresholds) {
        return getter.applyAsDouble(thresholds);
    }

    /**
     * @param key a {@link #key()}
     * @return the threshold with that key, or null
     */
    public static InsightThreshold byKey(String key) {
        for (InsightThreshold t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        return null;
    }

    /**
     * @param value a candidate value
     * @return null when the value is allowed, else why not, e.g. "must be a fraction above 0 and at most 1"
     */
    public String problem(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value <= 0) {
            return "must be a positive number";
        }
        return switch (unit) {
            case FRACTION -> value > 1 ? "must be a fraction above 0 and at most 1 (100 %)" : null;
            case FACTOR -> value <= 1 ? "must be a factor above 1" : null;
            case COUNT, BLOCKS -> value < 1 || value != Math.rint(value) ? "must be a whole number, at least 1" : null;
            case RATIO, ROWS -> null;
        };
    }

    void check(double value) {
        String p = problem(value);
        if (p != null) {
            throw new IllegalArgumentException(label + " (" + key + ") " + p + ", not " + value);
        }
    }
}
