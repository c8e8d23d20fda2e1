package org.planwright.targetdb;

import java.util.List;

/**
 * What one statement returned.
 *
 * @param columns       result columns in order; empty for statements without a result set
 * @param rows          at most {@code maxRows} rows, each an array parallel to {@code columns}; values are JDBC
 *                      objects, except arrays, PostgreSQL objects (json, interval, ...), XML and LOBs, which are
 *                      converted to their text (or {@code byte[]}) so they outlive the connection
 * @param truncated     true when the statement returned more rows than were kept
 * @param updateCount   rows inserted/updated/deleted, or -1 when the statement reports none (queries, SET ...)
 * @param elapsedMillis wall time from sending the statement to having read the kept rows, in ms
 * @param notices       server notices and warnings raised while it ran (e.g. NOTICE from RAISE), in order
 */
public record QueryResult(List<ResultColumn> columns, List<Object[]> rows, boolean truncated, long updateCount,
                          double elapsedMillis, List<ServerNotice> notices) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notices = List.copyOf(notices);
    }

    /** @return true when the statement produced a result set (possibly with no rows) */
    public boolean hasResultSet() {
        return !columns.isEmpty();
    }
}
