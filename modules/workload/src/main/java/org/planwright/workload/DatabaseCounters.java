package org.planwright.workload;

/**
 * Counters of one database from {@code pg_stat_database}, or their difference over a window. Blocks are 8 kB
 * blocks; tuple counters count rows.
 *
 * @param database     the database's name
 * @param xactCommit   transactions committed
 * @param xactRollback transactions rolled back
 * @param blksRead     blocks read (from the OS)
 * @param blksHit      shared buffer hits
 * @param tupReturned  rows returned by sequential and index scans ("live rows fetched")
 * @param tupFetched   rows fetched by index scans
 * @param tupInserted  rows inserted
 * @param tupUpdated   rows updated
 * @param tupDeleted   rows deleted
 * @param tempFiles    temporary files created
 * @param tempBytes    bytes written to temporary files
 */
public record DatabaseCounters(String database, long xactCommit, long xactRollback, long blksRead, long blksHit,
                               long tupReturned, long tupFetched, long tupInserted, long tupUpdated,
                               long tupDeleted, long tempFiles, long tempBytes) {

    /**
     * @param earlier the same database's counters at an earlier time
     * @return the activity in between; this snapshot unchanged when a counter went down (statistics reset)
     */
    public DatabaseCounters minus(DatabaseCounters earlier) {
        if (xactCommit < earlier.xactCommit || tupReturned < earlier.tupReturned) {
            return this;
        }
        return new DatabaseCounters(database, xactCommit - earlier.xactCommit,
                Math.max(0, xactRollback - earlier.xactRollback), Math.max(0, blksRead - earlier.blksRead),
                Math.max(0, blksHit - earlier.blksHit), tupReturned - earlier.tupReturned,
                Math.max(0, tupFetched - earlier.tupFetched), Math.max(0, tupInserted - earlier.tupInserted),
                Math.max(0, tupUpdated - earlier.tupUpdated), Math.max(0, tupDeleted - earlier.tupDeleted),
                Math.max(0, tempFiles - earlier.tempFiles), Math.max(0, tempBytes - earlier.tempBytes));
    }

    /**
     * @param other the same database's counters of another window
     * @return both windows' activity together
     */
    public DatabaseCounters plus(DatabaseCounters other) {
        return new DatabaseCounters(database, xactCommit + other.xactCommit, xactRollback + other.xactRollback,
                blksRead + other.blksRead, blksHit + other.blksHit, tupReturned + other.tupReturned,
                tupFetched + other.tupFetched, tupInserted + other.tupInserted, tupUpdated + other.tupUpdated,
                tupDeleted + other.tupDeleted, tempFiles + other.tempFiles, tempBytes + other.tempBytes);
    }

    /** @return buffer hit ratio, a fraction in [0, 1]; 1 when no block was touched */
    public double hitRatio() {
        long touched = blksHit + blksRead;
        return touched == 0 ? 1 : (double) blksHit / touched;
    }
}
