package org.planwright.plans.read;

import org.planwright.plans.PlanNode;
import java.util.List;
import java.util.Map;

/**
 * MySQL 8 plan words mapped to the PostgreSQL node types the insight rules know, so that a MySQL full table scan
 * is a "Seq Scan" with a relation and a filter to them. MySQL's own words stay in "Display Type" (what
 * {@link PlanNode#displayType()} shows) and in the node's other keys. Sources: MySQL 8.0 Reference Manual,
 * "EXPLAIN Output Format" (access types; FORMAT=JSON names) and "Obtaining Information with EXPLAIN ANALYZE"
 * (iterator names of the tree format); the access-type words are MySQL Workbench's Visual Explain labels.
 */
final class MySqlWords {

    private MySqlWords() {
    }

    /** Tree-format iterator names (longest first) and the PostgreSQL node type that does the same work. */
    private static final List<Map.Entry<String, String>> TREE = List.of(
            Map.entry("Covering index range scan", "Index Only Scan"),
            Map.entry("Covering index skip scan", "Index Only Scan"),
            Map.entry("Covering index lookup", "Index Only Scan"),
            Map.entry("Covering index scan", "Index Only Scan"),
            Map.entry("Single-row covering index lookup", "Index Only Scan"),
            Map.entry("Single-row index lookup", "Index Scan"),
            Map.entry("Index range scan", "Index Scan"),
            Map.entry("Index skip scan", "Index Scan"),
            Map.entry("Index lookup", "Index Scan"),
            Map.entry("Index scan", "Index Scan"),
            Map.entry("Full-text index search", "Index Scan"),
            Map.entry("Multi-range index scan", "Index Scan"),
            Map.entry("Table scan", "Seq Scan"),
            Map.entry("Nested loop", "Nested Loop"),
            Map.entry("Inner hash join", "Hash Join"),
            Map.entry("Left hash join", "Hash Join"),
            Map.entry("Hash antijoin", "Hash Join"),
            Map.entry("Hash semijoin", "Hash Join"),
            Map.entry("Hash", "Hash"),
            Map.entry("Sort with duplicate removal", "Sort"),
            Map.entry("Sort", "Sort"),
            Map.entry("Aggregate using temporary table", "Aggregate"),
            Map.entry("Group aggregate", "Aggregate"),
            Map.entry("Aggregate", "Aggregate"),
            Map.entry("Limit", "Limit"),
            Map.entry("Materialize", "Materialize"),
            Map.entry("Window aggregate", "WindowAgg"),
            Map.entry("Window multi-pass aggregate", "WindowAgg"),
            Map.entry("Remove duplicates", "Unique"),
            Map.entry("Append", "Append"),
            Map.entry("Union materialize", "Append"),
            Map.entry("Rows fetched before execution", "Result"),
            Map.entry("Constant row", "Result"),
            Map.entry("Zero rows", "Result"));

    /**
     * @param description the iterator text, e.g. "Table scan on city", "Nested loop inner join"
     * @return the PostgreSQL node type, or the description's head (MySQL's word) when nothing matches
     */
    static String treeNodeType(String description) {
        for (Map.Entry<String, String> e : TREE) {
            if (description.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return head(description);
    }

    /** @return the description up to " on ", ":" or " (", e.g. "Table scan", "Filter", "Nested loop inner join" */
    static String head(String description) {
        int end = description.length();
        for (String stop : new String[] {" on ", ": ", " (", ":"}) {
            int at = description.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return description.substring(0, end).strip();
    }

    /** @return the join type of a join iterator: Inner, Left, Semi, Anti; null for other iterators */
    static String joinType(String description) {
        String d = description.toLowerCase(java.util.Locale.ROOT);
        if (!d.contains("join")) {
            return null;
        }
        return d.contains("left") || d.contains("outer") ? "Left" : d.contains("antijoin") || d.contains("anti")
                ? "Anti" : d.contains("semijoin") || d.contains("semi") ? "Semi" : "Inner";
    }

    /**
     * @param accessType a FORMAT=JSON "access_type": ALL, index, range, ref, eq_ref, const, system, fulltext...
     * @param usingIndex "using_index" (a covering index: no table rows read)
     * @return the PostgreSQL node type of that access
     */
    static String accessNodeType(String accessType, boolean usingIndex) {
        return switch (accessType) {
            case "ALL" -> "Seq Scan";
            case "index", "range", "ref", "eq_ref", "ref_or_null", "index_merge", "fulltext", "unique_subquery",
                 "index_subquery", "const", "system" -> usingIndex ? "Index Only Scan" : "Index Scan";
            default -> "Seq Scan";
        };
    }

    /** @return MySQL Workbench's name of an access type, e.g. "Full Table Scan" for ALL */
    static String accessWords(String accessType) {
        return switch (accessType) {
            case "ALL" -> "Full Table Scan";
            case "index" -> "Full Index Scan";
            case "range" -> "Index Range Scan";
            case "ref" -> "Non-Unique Key Lookup";
            case "eq_ref" -> "Unique Key Lookup";
            case "const", "system" -> "Single Row";
            case "ref_or_null" -> "Key Lookup + Fetch NULL Values";
            case "index_merge" -> "Index Merge";
            case "fulltext" -> "Fulltext Index Search";
            default -> accessType;
        };
    }
}
