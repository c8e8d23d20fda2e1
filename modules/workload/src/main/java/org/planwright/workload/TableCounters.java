package org.planwright.workload;

/**
 * Counters of one table from {@code pg_stat_user_tables}, or their difference over a window. Scan and tuple
 * counters only grow between resets; {@code nLiveTup} and {@code nDeadTup} are estimates at the moment read
 * (gauges: a window keeps the later value).
 *
 * @param schema      the table's schema
 * @param table       the table's name
 * @param seqScan     sequential scans started
 * @param seqTupRead  live rows fetched by sequential scans
 * @param idxScan     index scans started on the table's indexes
 * @param idxTupFetch live rows fetched by index scans
 * @param nTupIns     rows inserted
 * @param nTupUpd     rows updated (HOT updates included)
 * @param nTupDel     rows deleted
 * @param nTupHotUpd  rows HOT-updated
 * @param nLiveTup    estimated live rows
 * @param nDeadTup    estimated dead rows
 */
public record TableCounters(String schema, String table, long seqScan, long seqTupRead, long idxScan,
                            long idxTupFetch, long nTupIns, long nTupUpd, long nTupDel, long nTupHotUpd,
                            long nLiveTup, long nDeadTup) {

    /** @return {@code schema.table} */
    public String qualifiedName() {
        return schema + "." + table;
    }

    /**
     * @param earlier the same table's counters at an earlier time
     * @return the activity in between (gauges as now); this snapshot unchanged after a statistics reset
     */
    public TableCounters minus(TableCounters earlier) {
        if (seqScan < earlier.seqScan || seqTupRead < earlier.seqTupRead || nTupIns < earlier.nTupIns) {
            return this;
        }
        return new TableCounters(schema, table, seqScan - earlier.seqScan, seqTupRead - earlier.seqTupRead,
                Math.max(0, idxScan - earlier.idxScan), Math.max(0, idxTupFetch - earlier.idxTupFetch),
                nTupIns - earlier.nTupIns, Math.max(0, nTupUpd - earlier.nTupUpd),
                Math.max(0, nTupDel - earlier.nTupDel), Math.max(0, nTupHotUpd - earlier.nTupHotUpd), nLiveTup,
                nDeadTup);
    }

    /**
     * @param later the same table's counters of a later window
     * @return both windows' activity together, gauges of the later one
     */
    public TableCounters plus(TableCounters later) {
        return new TableCounters(schema, table, seqScan + later.seqScan, seqTupRead + later.seqTupRead,
                idxScan + later.idxScan, idxTupFetch + later.idxTupFetch, nTupIns + later.nTupIns,
                nTupUpd + later.nTupUpd, nTupDel + later.nTupDel, nTupHotUpd + later.nTupHotUpd, later.nLiveTup,
                later.nDeadTup);
    }

    /** @return rows written: inserted + updated + deleted */
    public long rowsWritten() {
        return nTupIns + nTupUpd + nTupDel;
    }
}
