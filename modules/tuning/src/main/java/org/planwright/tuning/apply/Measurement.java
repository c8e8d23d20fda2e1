package org.planwright.tuning.apply;

/**
 * One measured window of a workload.
 *
 * @param transactions  transactions (pgbench) or statement calls (pg_stat_statements) in the window
 * @param seconds       the window's length, s
 * @param meanLatencyMs mean latency per transaction or call, ms
 * @param p95LatencyMs  95th percentile latency, ms (pgbench: exact from its per-transaction log;
 *                      pg_stat_statements: estimated, see {@link StatementsProbe})
 * @param source        how it was measured, e.g. "pgbench -c 2 -T 8 -f sort.sql"
 */
public record Measurement(long transactions, double seconds, double meanLatencyMs, double p95LatencyMs,
                          String source) {

    /** @return transactions per second */
    public double tps() {
        return seconds <= 0 ? 0 : transactions / seconds;
    }
}
