package org.planwright.advice.rewrite;

/**
 * The outcome of running a query and its rewrite on the connected database and comparing their rows.
 *
 * @param same             true when both returned the same rows: equal row counts and equal checksums
 * @param orderSensitive   true when the query orders its rows, so the checksum followed the row order
 * @param originalRows     rows the original returned
 * @param rewrittenRows    rows the rewrite returned
 * @param originalChecksum the original's checksum (hex)
 * @param rewrittenChecksum the rewrite's checksum (hex)
 * @param originalMillis   wall time of the original's checksum query, ms (includes hashing every row)
 * @param rewrittenMillis  wall time of the rewrite's checksum query, ms
 */
public record Verification(boolean same, boolean orderSensitive, long originalRows, long rewrittenRows,
                           String originalChecksum, String rewrittenChecksum, double originalMillis,
                           double rewrittenMillis) {

    /** @return one line for the evidence, e.g. "same 599 rows, order-independent checksum 1f3a..., both run ..." */
    public String describe() {
        if (!same) {
            return "different rows: " + originalRows + " vs " + rewrittenRows + " rows, checksum "
                    + originalChecksum + " vs " + rewrittenChecksum;
        }
        return "ran both on the connected database, read-only, within the statement timeout: the same "
                + originalRows + " rows (" + (orderSensitive ? "order-sensitive" : "order-independent")
                + " checksum " + originalChecksum + "); original " + ms(originalMillis) + ", rewrite "
                + ms(rewrittenMillis);
    }

    private static String ms(double millis) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", millis);
    }
}
