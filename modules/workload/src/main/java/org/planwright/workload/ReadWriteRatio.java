package org.planwright.workload;

/**
 * How much of a workload reads and how much writes, counted in statement calls, as MySQLTuner counts
 * {@code Com_select} against {@code Com_insert + Com_update + Com_delete + Com_replace}: a read share above 0.8 is
 * read-heavy, below 0.2 write-heavy (MySQLTuner's thresholds).
 *
 * @param readCalls  calls of queries
 * @param writeCalls calls of INSERT, UPDATE, DELETE, MERGE and data-modifying WITH
 * @param readShare  {@code readCalls / (readCalls + writeCalls)}, a fraction; NaN without reads and writes
 * @param verdict    read-heavy, write-heavy, balanced, or unknown without reads and writes
 */
public record ReadWriteRatio(long readCalls, long writeCalls, double readShare, Verdict verdict) {

    /** MySQLTuner: a read share above this is read-heavy. */
    public static final double READ_HEAVY_ABOVE = 0.8;
    /** MySQLTuner: a read share below this is write-heavy. */
    public static final double WRITE_HEAVY_BELOW = 0.2;

    /** The reading of the ratio. */
    public enum Verdict {
        READ_HEAVY, WRITE_HEAVY, BALANCED, UNKNOWN
    }

    /**
     * @param readCalls  query calls
     * @param writeCalls data-changing calls
     * @return the ratio and its verdict
     */
    public static ReadWriteRatio of(long readCalls, long writeCalls) {
        long all = readCalls + writeCalls;
        if (all == 0) {
            return new ReadWriteRatio(0, 0, Double.NaN, Verdict.UNKNOWN);
        }
        double share = (double) readCalls / all;
        Verdict verdict = share > READ_HEAVY_ABOVE ? Verdict.READ_HEAVY
                : share < WRITE_HEAVY_BELOW ? Verdict.WRITE_HEAVY : Verdict.BALANCED;
        return new ReadWriteRatio(readCalls, writeCalls, share, verdict);
    }
}
