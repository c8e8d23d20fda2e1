package org.planwright.advice.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A b-tree index that might help: the table, the key columns in order (plain columns or expressions), the
 * {@code INCLUDE} columns of a covering index and the {@code WHERE} predicate of a partial index. Immutable;
 * equal candidates have equal {@link #definition()}.
 *
 * @param table     the table
 * @param keys      key columns or expressions as EXPLAIN VERBOSE prints them, e.g. {@code l_partkey},
 *                  {@code lower((email)::text)}; at least one
 * @param include   non-key columns for index-only scans; may be empty
 * @param predicate the partial index's predicate without alias, e.g. {@code status = 'pending'::text}, or empty
 */
public record IndexCandidate(TableRef table, List<String> keys, List<String> include, String predicate) {

    /** PostgreSQL's identifier length limit (NAMEDATALEN - 1), bytes. */
    private static final int MAX_NAME = 63;

    public IndexCandidate {
        Objects.requireNonNull(table, "table");
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        predicate = predicate == null ? "" : predicate;
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an index needs a key column");
        }
    }

    /** @return the definition without a name, e.g. {@code public.lineitem (l_partkey, l_suppkey)} */
    public String definition() {
        StringBuilder sb = new StringBuilder(table.sqlName()).append(" (");
        sb.append(String.join(", ", keys.stream().map(IndexCandidate::keySql).toList())).append(')');
        if (!include.isEmpty()) {
            sb.append(" INCLUDE (").append(String.join(", ", include)).append(')');
        }
        if (!predicate.isEmpty()) {
            sb.append(" WHERE ").append(predicate);
        }
        return sb.toString();
    }

    /** @return {@code CREATE INDEX ON <definition>} (the server names it), for what-if costing */
    public String createUnnamed() {
        return "CREATE INDEX ON " + definition();
    }

    /**
     * @return a name in PostgreSQL's own style ({@code table_col1_col2_idx}, INCLUDE columns too, expressions as
     *     {@code expr}); a partial index gets {@code _part} and a hash of its predicate; cut to 63 bytes with a hash
     *     of the definition when longer
     */
    public String name() {
        List<String> parts = new ArrayList<>();
        parts.add(unquote(table.name()));
        for (String k : keys) {
            parts.add(isPlainColumn(k) ? unquote(k) : "expr");
        }
        for (String i : include) {
            parts.add(unquote(i));
        }
        if (!predicate.isEmpty()) {
            parts.add("part" + Integer.toHexString(predicate.hashCode() & 0xffff));
        }
        String base = String.join("_", parts).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String suffix = "_idx";
        if (base.length() + suffix.length() > MAX_NAME) {
            String hash = Integer.toHexString(definition().hashCode() & 0xfffffff);
            base = base.substring(0, MAX_NAME - suffix.length() - hash.length() - 1) + "_" + hash;
        }
        return base + suffix;
    }

    /** @return true when the index has a key that is an expression, not a column */
    public boolean hasExpression() {
        return keys.stream().anyMatch(k -> !isPlainColumn(k));
    }

    static boolean isPlainColumn(String key) {
        return key.matches("[A-Za-z_][\\w$]*|\"(?:[^\"]|\"\")+\"");
    }

    private static String keySql(String key) {
        return isPlainColumn(key) ? key : "(" + key + ")";
    }

    private static String unquote(String s) {
        return s.startsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }

    @Override
    public String toString() {
        return definition();
    }
}
