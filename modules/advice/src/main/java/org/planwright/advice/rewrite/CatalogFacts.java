package org.planwright.advice.rewrite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * What the rewrite rules need to know of the connected database's catalog: whether a column is NOT NULL, its type,
 * whether it leads an index, and the tables' unique keys. Read-only catalog queries ({@code pg_attribute},
 * {@code pg_index}) under the session's statement timeout, cached per instance. Tables are named as the query names
 * them (resolved with {@code to_regclass}, so through the search_path); an unknown table or column reads as "not
 * known" (nullable, untyped, unindexed, no key), which makes every rule stay on the safe side. One thread at a time.
 */
public final class CatalogFacts {

    /** One column's facts. */
    public record ColumnFacts(boolean notNull, String type, boolean leadsIndex) {
        static final ColumnFacts UNKNOWN = new ColumnFacts(false, "", false);
    }

    private final TargetSession session;
    private final Map<String, ColumnFacts> columns = new HashMap<>();
    private final Map<String, List<Set<String>>> keys = new HashMap<>();

    /** @param session a PostgreSQL session (read-only is enough) */
    public CatalogFacts(TargetSession session) {
        this.session = session;
    }

    /**
     * @param table  the table as the query names it, e.g. {@code rental} or {@code public.rental}
     * @param column the column name (unquoted names are lower-cased as PostgreSQL folds them)
     * @return the column's facts, {@link ColumnFacts#UNKNOWN}-like when the table or column does not exist
     * @throws TargetException when the catalog query fails (timeout, connection lost)
     */
    public ColumnFacts column(String table, String column) throws TargetException {
        String key = table + "\u0000" + fold(column);
        ColumnFacts cached = columns.get(key);
        if (cached != null) {
            return cached;
        }
        QueryResult r = session.execute("SELECT a.attnotnull, format_type(a.atttypid, a.atttypmod),"
                + " EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indkey[0] = a.attnum)"
                + " FROM pg_attribute a WHERE a.attrelid = to_regclass(" + literal(table) + ")"
                + " AND a.attname = " + literal(fold(column)) + " AND a.attnum > 0 AND NOT a.attisdropped", 1);
        ColumnFacts f = ColumnFacts.UNKNOWN;
        if (!r.rows().isEmpty()) {
            Object[] row = r.rows().getFirst();
            f = new ColumnFacts(Boolean.TRUE.equals(row[0]), String.valueOf(row[1]), Boolean.TRUE.equals(row[2]));
        }
        columns.put(key, f);
        return f;
    }

    /**
     * @param table   the table as the query names it
     * @param columns column names
     * @return true when a unique index without predicate or expressions (a primary key, a unique constraint) has
     *     all its columns among {@code columns}, so no two rows agree on them
     * @throws TargetException when the catalog query fails
     */
    public boolean coversUniqueKey(String table, Set<String> columns) throws TargetException {
        Set<String> folded = new TreeSet<>();
        columns.forEach(c -> folded.add(fold(c)));
        for (Set<String> key : uniqueKeys(table)) {
            if (folded.containsAll(key)) {
                return true;
            }
        }
        return false;
    }

    private List<Set<String>> uniqueKeys(String table) throws TargetException {
        List<Set<String>> cached = keys.get(table);
        if (cached != null) {
            return cached;
        }
        QueryResult r = session.execute("SELECT i.indexrelid::int, a.attname FROM pg_index i"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                + " WHERE i.indrelid = to_regclass(" + literal(table) + ") AND i.indisunique AND i.indisvalid"
                + " AND i.indpred IS NULL AND i.indexprs IS NULL ORDER BY 1", Integer.MAX_VALUE);
        Map<Object, Set<String>> byIndex = new HashMap<>();
        for (Object[] row : r.rows()) {
            byIndex.computeIfAbsent(row[0], k -> new TreeSet<>()).add(String.valueOf(row[1]));
        }
        List<Set<String>> out = new ArrayList<>(byIndex.values());
        keys.put(table, out);
        return out;
    }

    /** @return the type of {@code column}, e.g. {@code integer}, {@code timestamp with time zone}; empty if unknown */
    public Optional<String> type(String table, String column) throws TargetException {
        String t = column(table, column).type();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** @return the session the facts come from (rules that read a value, such as a page's last key, use it) */
    TargetSession session() {
        return session;
    }

    /** @return {@code name} as PostgreSQL folds it: quoted names keep their case, others are lower-cased */
    static String fold(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** @return {@code text} as a SQL string literal */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
