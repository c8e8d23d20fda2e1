package org.planwright.advice.index;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How one query uses one table occurrence (one scan alias), as its plan shows: the columns compared with
 * constants or parameters, joined, ranged, sorted or grouped, and read. Mutable while {@link PlanColumns} fills
 * it, then read-only by convention. Column names are as EXPLAIN VERBOSE prints them (quoted when needed).
 */
final class TableUse {

    final String schema;
    final String table;
    final String alias;
    /** columns compared with = to a constant, a parameter or an IN list */
    final Set<String> equality = new LinkedHashSet<>();
    /** columns compared with = to a constant (not a parameter): partial-index predicates, by column */
    final Map<String, String> constantEquality = new LinkedHashMap<>();
    /** columns in range comparisons with a constant or parameter */
    final Set<String> range = new LinkedHashSet<>();
    /** columns joined by = to a column of another table occurrence (hash, merge, nested loop, sub-plan) */
    final Set<String> join = new LinkedHashSet<>();
    /** columns of a Sort Key or Group Key, in order */
    final Set<String> sort = new LinkedHashSet<>();
    /** columns the scan outputs (what an index-only scan must hold) */
    final Set<String> output = new LinkedHashSet<>();
    /** expressions over one column compared with a constant, e.g. {@code lower((email)::text)} */
    final Set<String> expressions = new LinkedHashSet<>();

    TableUse(String schema, String table, String alias) {
        this.schema = schema;
        this.table = table;
        this.alias = alias;
    }

    /** @return the table as SQL names it: schema-qualified when the plan gave a schema */
    String qualifiedTable() {
        return schema == null || schema.isEmpty() ? table : schema + "." + table;
    }

    /** @return every column a predicate, join or sort of this use touches */
    Set<String> predicateColumns() {
        Set<String> all = new LinkedHashSet<>(equality);
        all.addAll(join);
        all.addAll(range);
        all.addAll(sort);
        return all;
    }

    /** @return true when an index leading with {@code keyColumn} (a column or an expression) may serve this use */
    boolean canLeadWith(String keyColumn) {
        return predicateColumns().contains(keyColumn) || expressions.contains(keyColumn);
    }

    @Override
    public String toString() {
        return qualifiedTable() + " " + alias + " eq=" + equality + " join=" + join + " range=" + range + " sort="
                + sort + " expr=" + expressions + " out=" + output;
    }
}
