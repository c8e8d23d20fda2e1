package org.planwright.workload;

/**
 * Counters of one index from {@code pg_stat_user_indexes}, or their difference over a window.
 *
 * @param schema      the schema
 * @param table       the indexed table
 * @param index       the index's name
 * @param idxScan     scans started on the index
 * @param idxTupRead  index entries returned
 * @param idxTupFetch live table rows fetched by simple index scans
 */
public record IndexCounters(String schema, String table, String index, long idxScan, long idxTupRead,
                            long idxTupFetch) {

    /** @return {@code schema.index} */
    public String qualifiedName() {
        return schema + "." + index;
    }

    /**
     * @param earlier the same index's counters at an earlier time
     * @return the activity in between; this snapshot unchanged after a statistics reset
     */
    public IndexCounters minus(IndexCounters earlier) {
        if (idxScan < earlier.idxScan || idxTupRead < earlier.idxTupRead) {
            return this;
        }
        return new IndexCounters(schema, table, index, idxScan - earlier.idxScan, idxTupRead - earlier.idxTupRead,
                Math.max(0, idxTupFetch - earlier.idxTupFetch));
    }

    /**
     * @param other the same index's counters of another window
     * @return both together
     */
    public IndexCounters plus(IndexCounters other) {
        return new IndexCounters(schema, table, index, idxScan + other.idxScan, idxTupRead + other.idxTupRead,
                idxTupFetch + other.idxTupFetch);
    }
}
