package org.planwright.sqltext.fingerprint;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shape of one statement, collected from its syntax tree or (when JSqlParser cannot parse it) its tokens, and
 * rendered as a {@link PatternSignature}. Mutable while being collected; confined to one thread.
 */
final class QueryShape {

    /** Join kinds in the order the signature lists them. */
    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS, SEMI, ANTI, LATERAL }

    String kind = "OTHER";
    int ctes;
    boolean recursive;
    boolean distinct;
    final Map<JoinType, Integer> joins = new EnumMap<>(JoinType.class);
    int derivedTables;
    int subqueries;
    boolean aggregate;
    boolean groupBy;
    boolean having;
    boolean window;
    int unions;
    int intersects;
    int excepts;
    boolean orderBy;
    boolean limit;
    boolean offset;
    final TreeSet<String> predicates = new TreeSet<>();
    boolean values;
    boolean onConflict;
    boolean returning;

    void join(JoinType type) {
        joins.merge(type, 1, Integer::sum);
    }

    /** Renders the signature text; the grammar is in {@code docs/query-fingerprints.md}. */
    String render(boolean approximate) {
        StringBuilder s = new StringBuilder(kind);
        if (ctes > 0) {
            s.append(recursive ? "_WITH_RECURSIVE(" : "_WITH(").append(ctes).append(')');
        }
        flag(s, distinct, "DISTINCT");
        for (Map.Entry<JoinType, Integer> e : joins.entrySet()) {
            s.append('_').append(e.getKey()).append("_JOIN(").append(e.getValue()).append(')');
        }
        count(s, derivedTables, "DERIVED");
        count(s, subqueries, "SUBQUERY");
        flag(s, aggregate, "AGG");
        flag(s, groupBy, "GROUP_BY");
        flag(s, having, "HAVING");
        flag(s, window, "WINDOW");
        count(s, unions, "UNION");
        count(s, intersects, "INTERSECT");
        count(s, excepts, "EXCEPT");
        flag(s, orderBy, "ORDER_BY");
        flag(s, limit, "LIMIT");
        flag(s, offset, "OFFSET");
        if (!predicates.isEmpty()) {
            s.append("_PRED(").append(String.join(",", predicates)).append(')');
        }
        flag(s, values, "VALUES");
        flag(s, onConflict, "ON_CONFLICT");
        flag(s, returning, "RETURNING");
        if (approximate) {
            s.append('~');
        }
        return s.toString();
    }

    private static void flag(StringBuilder s, boolean on, String name) {
        if (on) {
            s.append('_').append(name);
        }
    }

    private static void count(StringBuilder s, int n, String name) {
        if (n > 0) {
            s.append('_').append(name).append('(').append(n).append(')');
        }
    }
}
