package org.planwright.advice.index;

import java.util.List;

/**
 * An index the database already has, from {@code pg_index} and {@code pg_stat_user_indexes}.
 *
 * @param table       its table
 * @param sqlName     its quoted, schema-qualified name
 * @param method      access method, e.g. {@code btree}
 * @param keys        key columns or expressions in order, as {@code pg_get_indexdef(oid, k, true)} prints them
 * @param include     INCLUDE columns
 * @param predicate   partial-index predicate ({@code pg_get_expr(indpred)}), or empty
 * @param unique      UNIQUE
 * @param constraint  backs a constraint (primary key, unique or exclusion constraint): never proposed for dropping
 * @param scans       {@code idx_scan}: index scans since the statistics were last reset
 * @param sizeBytes   {@code pg_relation_size}, bytes
 * @param definition  {@code pg_get_indexdef(oid)}
 */
public record ExistingIndex(TableRef table, String sqlName, String method, List<String> keys, List<String> include,
                            String predicate, boolean unique, boolean constraint, long scans, long sizeBytes,
                            String definition) {

    public ExistingIndex {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        predicate = predicate == null ? "" : predicate;
    }

    /**
     * @param c a candidate on the same table
     * @return true when this index serves whatever {@code c} would: a b-tree whose keys start with {@code c}'s
     *     keys in the same order, with the same (or no) predicate, holding {@code c}'s INCLUDE columns
     */
    public boolean covers(IndexCandidate c) {
        if (!table.equals(c.table()) || !method.equals("btree") || keys.size() < c.keys().size()) {
            return false;
        }
        if (!keys.subList(0, c.keys().size()).equals(c.keys())) {
            return false;
        }
        if (!predicate.isEmpty() && !predicate.equals(c.predicate())) {
            return false;
        }
        return keys.containsAll(c.include()) || include.containsAll(c.include())
                || c.include().stream().allMatch(i -> keys.contains(i) || include.contains(i));
    }
}
