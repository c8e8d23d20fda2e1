package org.planwright.advice.parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planwright.advice.PgArrays;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * One column's planner statistics as {@code pg_stats} shows them (PostgreSQL docs, "pg_stats": most_common_vals,
 * most_common_freqs, histogram_bounds — "values that divide the column's values into groups of approximately equal
 * population", excluding the most common values), with its table's qualified name, its type and page count.
 *
 * @param table       the table, schema-qualified and quoted as needed ({@code public.lineitem})
 * @param column      the column's name as stored ({@code l_partkey})
 * @param type        {@code format_type} of the column, e.g. {@code numeric(15,2)}
 * @param relpages    {@code pg_class.relpages}: the table's size in 8 kB blocks at the last VACUUM/ANALYZE
 * @param analyzed    true when pg_stats has a row for the column (ANALYZE ran)
 * @param mostCommon  most_common_vals as text, most frequent first; empty when none
 * @param frequencies most_common_freqs, parallel to {@code mostCommon} (fractions of all rows)
 * @param histogram   histogram_bounds as text, in the column's order; empty when none
 */
record ColumnStats(String table, String column, String type, long relpages, boolean analyzed,
                   List<String> mostCommon, List<Double> frequencies, List<String> histogram) {

    ColumnStats {
        mostCommon = List.copyOf(mostCommon);
        frequencies = List.copyOf(frequencies);
        histogram = List.copyOf(histogram);
    }

    /** @return {@code table.column} for messages */
    String name() {
        return table + "." + column;
    }

    /**
     * Reads one column's statistics (one catalog query, read-only, under the session's statement timeout).
     *
     * @param session   the connected database
     * @param tableText the table as written in the statement ({@code lineitem}, {@code public."Order Items"}),
     *                  resolved with the session's search_path ({@code to_regclass})
     * @param attname   the column's stored name
     * @return the statistics, or empty when the table does not exist or has no such column (a CTE or a derived
     *     table's column)
     * @throws TargetException {@code TIMEOUT}, {@code CANCELLED} or {@code OTHER} (connection lost)
     */
    static Optional<ColumnStats> read(TargetSession session, String tableText, String attname)
            throws TargetException {
        if (tableText.isEmpty()) {
            return Optional.empty();
        }
        String sql = "SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), "
                + "pg_catalog.format_type(a.atttypid, a.atttypmod), c.relpages, s.attname IS NOT NULL, "
                + "s.most_common_vals::text, s.most_common_freqs::text, s.histogram_bounds::text "
                + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                + "AND a.attname = " + literal(attname) + " "
                + "LEFT JOIN pg_catalog.pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname "
                + "AND s.attname = a.attname "
                + "WHERE c.oid = pg_catalog.to_regclass(" + literal(tableText) + ") "
                + "ORDER BY s.inherited DESC NULLS LAST LIMIT 1";
        QueryResult r;
        try {
            r = session.execute(sql, 1);
        } catch (TargetException e) {
            if (e.reason() == TargetException.Reason.SQL_ERROR || e.reason() == TargetException.Reason.SYNTAX_ERROR) {
                return Optional.empty(); // e.g. to_regclass refusing a malformed name
            }
            throw e;
        }
        if (r.rows().isEmpty()) {
            return Optional.empty();
        }
        Object[] row = r.rows().getFirst();
        List<String> mcv = row[4] == null ? List.of() : PgArrays.parse(String.valueOf(row[4]));
        List<Double> freqs = new ArrayList<>();
        if (row[5] != null) {
            for (String f : PgArrays.parse(String.valueOf(row[5]))) {
                freqs.add(Double.parseDouble(f));
            }
        }
        if (freqs.size() != mcv.size()) {
            mcv = List.of();
            freqs = List.of();
        }
        List<String> hist = row[6] == null ? List.of() : PgArrays.parse(String.valueOf(row[6]));
        return Optional.of(new ColumnStats(String.valueOf(row[0]), attname, String.valueOf(row[1]),
                ((Number) row[2]).longValue(), Boolean.TRUE.equals(row[3]), mcv, freqs, hist));
    }

    /**
     * @return the values of the most common values list sorted in the column's order by the server
     *     ({@code unnest(...::type[]) ORDER BY}); empty when there are none or the type has no ordering
     * @throws TargetException {@code TIMEOUT}, {@code CANCELLED} or {@code OTHER}
     */
    List<String> sortedMostCommon(TargetSession session) throws TargetException {
        if (mostCommon.isEmpty()) {
            return List.of();
        }
        StringBuilder array = new StringBuilder("ARRAY[");
        for (int i = 0; i < mostCommon.size(); i++) {
            array.append(i == 0 ? "" : ", ").append(literal(mostCommon.get(i)));
        }
        array.append("]::").append(type).append("[]");
        try {
            List<String> out = new ArrayList<>();
            for (Object[] row : session.execute("SELECT x::text FROM unnest(" + array + ") AS u(x) ORDER BY x",
                    Integer.MAX_VALUE).rows()) {
                out.add(String.valueOf(row[0]));
            }
            return out;
        } catch (TargetException e) {
            if (e.reason() == TargetException.Reason.SQL_ERROR || e.reason() == TargetException.Reason.SYNTAX_ERROR) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * Reads one real non-null value of the column: first from a {@code TABLESAMPLE SYSTEM} sample of about
     * {@link ParameterBinder#SAMPLE_PAGES} blocks with a fixed seed ({@code REPEATABLE (0)}, so the same data gives
     * the same value), then, when the sample held none, from the first non-null row of a plain scan; both under the
     * session's statement timeout.
     *
     * @return the value as text, or empty when the column holds no non-null value or the read timed out
     * @throws TargetException {@code CANCELLED} or {@code OTHER}
     */
    Optional<String> sample(TargetSession session) throws TargetException {
        double percent = Math.min(100, 100.0 * ParameterBinder.SAMPLE_PAGES / Math.max(1, relpages));
        String col = quoteIdent(column);
        String sampled = String.format(java.util.Locale.ROOT, "SELECT %s::text FROM %s TABLESAMPLE SYSTEM (%.6f) "
                + "REPEATABLE (0) WHERE %s IS NOT NULL LIMIT 1", col, table, percent, col);
        String scanned = "SELECT " + col + "::text FROM " + table + " WHERE " + col + " IS NOT NULL LIMIT 1";
        for (String sql : List.of(sampled, scanned)) {
            try {
                QueryResult r = session.execute(sql, 1);
                if (!r.rows().isEmpty() && r.rows().getFirst()[0] != null) {
                    return Optional.of(String.valueOf(r.rows().getFirst()[0]));
                }
            } catch (TargetException e) {
                if (e.reason() == TargetException.Reason.CANCELLED || e.reason() == TargetException.Reason.OTHER) {
                    throw e;
                }
                // a timeout or a refused TABLESAMPLE: try the next way
            }
        }
        return Optional.empty();
    }

    /** @return {@code text} as a SQL string constant (standard_conforming_strings: quotes doubled) */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
