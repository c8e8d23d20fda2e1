package org.planwright.plans;

import java.util.EnumMap;
import java.util.Map;

/**
 * Every number the insight rules compare a plan with, in one immutable value; {@link #defaults()} are the values
 * Planwright ships, {@link #with} and {@link #fromValues} build overrides (the app's preferences). Each component
 * is described, with its unit and source, by the {@link InsightThreshold} of the same name. Thread-safe.
 *
 * @param slowNodeShare              SLOW_NODE: minimum exclusive time share (fraction 0..1)
 * @param slowNodeMaxNodes           SLOW_NODE: how many of the slowest nodes to report at most
 * @param highCostShare              HIGH_COST (no ANALYZE): minimum exclusive cost share of the total cost (fraction)
 * @param misestimateMinor           ROW_MISESTIMATE: factor (x) from which a misestimate is reported
 * @param misestimateMajor           ROW_MISESTIMATE: factor (x) of a bad estimate (see {@link org.planwright.plans.insight.RowMisestimateRule} for
 *                                   the score caps of the three tiers)
 * @param misestimateSevere          ROW_MISESTIMATE: factor (x) of a severe estimate error
 * @param removedFraction            rows removed by filter / join filter / index recheck: minimum fraction 0..1 of
 *                                   the rows read
 * @param removedRowsMin             the same rules: minimum rows removed over all loops
 * @param heapFetchesMin             HEAP_FETCHES: minimum heap fetches over all loops
 * @param heapFetchesPerRow          HEAP_FETCHES: minimum heap fetches per returned row
 * @param nestedLoopLoops            NESTED_LOOP_LOOPS: minimum executions of the inner side
 * @param nestedLoopInnerShare       NESTED_LOOP_LOOPS: minimum inclusive time share of the inner side (fraction)
 * @param readBlocksMin              READ_EFFICIENCY: minimum shared blocks (8 kB) hit or read by the scan
 * @param readBlocksPerRow           READ_EFFICIENCY: minimum blocks (8 kB) per row returned
 * @param offsetRowsMin              LARGE_OFFSET: minimum rows discarded by the Limit
 * @param offsetFraction             LARGE_OFFSET: minimum discarded fraction of the Limit's input rows
 * @param jitShare                   JIT_SHARE: minimum JIT share of the execution time (fraction)
 * @param slowCountRows              SLOW_COUNT: minimum rows the scan under a count read (kept + removed, all loops)
 * @param staleAnalyzeScaleFactor    STALE_STATISTICS: fraction of the live rows that, modified since the last
 *                                   ANALYZE, make statistics stale
 * @param staleAnalyzeBaseThreshold  STALE_STATISTICS: rows added to that fraction
 */
public record InsightThresholds(double slowNodeShare, int slowNodeMaxNodes, double highCostShare,
                                double misestimateMinor, double misestimateMajor, double misestimateSevere,
                                double removedFraction, double removedRowsMin,
                                long heapFetchesMin, double heapFetchesPerRow,
                                long nestedLoopLoops, double nestedLoopInnerShare,
                                long readBlocksMin, double readBlocksPerRow,
                                double offsetRowsMin, double offsetFraction,
                                double jitShare, double slowCountRows,
                                double staleAnalyzeScaleFactor, double staleAnalyzeBaseThreshold) {

    private static final InsightThresholds DEFAULTS = fromValues(defaultValues());

    /**
     * Validates every component against its {@link InsightThreshold}: each is positive (counts at least 1),
     * fractions at most 1, and the misestimate factors above 1 and in order minor &lt;= major &lt;= severe.
     *
     * @throws IllegalArgumentException naming the first bad threshold and the allowed range
     */
    public InsightThresholds {
        double[] v = {slowNodeShare, slowNodeMaxNodes, highCostShare, misestimateMinor, misestimateMajor,
            misestimateSevere, removedFraction, removedRowsMin, heapFetchesMin, heapFetchesPerRow, nestedLoopLoops,
            nestedLoopInnerShare, readBlocksMin, readBlocksPerRow, offsetRowsMin, offsetFraction, jitShare,
            slowCountRows, staleAnalyzeScaleFactor, staleAnalyzeBaseThreshold};
        InsightThreshold[] all = InsightThreshold.values();
        for (int i = 0; i < all.length; i++) {
            all[i].check(v[i]);
        }
        if (misestimateMinor > misestimateMajor || misestimateMajor > misestimateSevere) {
            throw new IllegalArgumentException("the misestimate factors must be in order minor <= major <= severe, "
                    + "not " + misestimateMinor + " / " + misestimateMajor + " / " + misestimateSevere);
        }
    }

    /**
     * The values Planwright ships. Sources, one per threshold (see {@link InsightThreshold} for each):
     * <ul>
     *   <li>misestimate 10x / 100x / 1000x: explain.depesz.com colours the "rows x" column from 10x, 100x and
     *       1000x; 100x is also PEV2's {@code MIN_ESTIMATE_MISS}, the factor from which PEV2 calls an estimate bad;</li>
     *   <li>slow node 10 % of the execution time, at most 3 nodes; high exclusive cost 10 % of the total cost:
     *       Planwright's own (10 % is {@link ImpactScore} score 3; depesz and PEV2 colour exclusive time by share
     *       without a published cut-off for a tip);</li>
     *   <li>removed rows 90 % and 1,000 rows: Planwright's own rule of thumb for an index to beat reading and
     *       discarding (PEV2 and pgMustard show the removed share without a published cut-off);</li>
     *   <li>heap fetches 100 and 0.1 per row; nested loop 1,000 loops and 10 %; read efficiency 1,000 blocks and
     *       10 blocks per row (the tip is pgMustard's "read efficiency"); offset 1,000 rows and 50 %; JIT 10 %;
     *       slow count 100,000 rows: Planwright's own;</li>
     *   <li>stale statistics 0.1 x live rows + 50: PostgreSQL's own autovacuum trigger for ANALYZE,
     *       {@code autovacuum_analyze_scale_factor} (default 0.1) and {@code autovacuum_analyze_threshold}
     *       (default 50) — PostgreSQL documentation, "Automatic Vacuuming" (runtime-config-autovacuum) and "The
     *       Autovacuum Daemon": analyze threshold = analyze base threshold + analyze scale factor * number of
     *       tuples.</li>
     * </ul>
     *
     * @return the shipped thresholds
     */
    public static InsightThresholds defaults() {
        return DEFAULTS;
    }

    /** @return every threshold's shipped value */
    public static Map<InsightThreshold, Double> defaultValues() {
        Map<InsightThreshold, Double> m = new EnumMap<>(InsightThreshold.class);
        for (InsightThreshold t : InsightThreshold.values()) {
            m.put(t, t.defaultValue());
        }
        return m;
    }

    /**
     * @param values a value per threshold; missing ones take their default
     * @return the thresholds
     * @throws IllegalArgumentException when a value is out of its range (see the constructor)
     */
    public static InsightThresholds fromValues(Map<InsightThreshold, Double> values) {
        double[] v = new double[InsightThreshold.values().length];
        for (InsightThreshold t : InsightThreshold.values()) {
            Double x = values.get(t);
            v[t.ordinal()] = x != null ? x : t.defaultValue();
            t.check(v[t.ordinal()]); // before whole numbers are cast

        }
        return new InsightThresholds(v[0], whole(v[1]), v[2], v[3], v[4], v[5], v[6], v[7], (long) v[8], v[9],
                (long) v[10], v[11], (long) v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19]);
    }

    private static int whole(double v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    /** @return every threshold's value, in {@link InsightThreshold} order */
    public Map<InsightThreshold, Double> values() {
        Map<InsightThreshold, Double> m = new EnumMap<>(InsightThreshold.class);
        for (InsightThreshold t : InsightThreshold.values()) {
            m.put(t, t.valueIn(this));
        }
        return m;
    }

    /**
     * @param threshold which one
     * @param value     its new value
     * @return a copy with that threshold changed
     * @throws IllegalArgumentException when the value is out of its range
     */
    public InsightThresholds with(InsightThreshold threshold, double value) {
        Map<InsightThreshold, Double> m = values();
        m.put(threshold, value);
        return fromValues(m);
    }
}
