package org.planwright.plans.compare;

import java.util.Set;
import org.planwright.plans.PlanNode;

/** Families of node types that may stand for each other in a changed plan, and a node's identity for matching. */
final class NodeKinds {

    static final String JOIN = "join";
    static final String SCAN = "scan";
    static final String BITMAP = "bitmap";

    private static final Set<String> JOINS = Set.of("Nested Loop", "Hash Join", "Merge Join");
    private static final Set<String> SCANS = Set.of("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan",
            "Tid Scan", "Tid Range Scan", "Sample Scan", "Foreign Scan", "Custom Scan");
    private static final Set<String> BITMAPS = Set.of("Bitmap Index Scan", "BitmapAnd", "BitmapOr");

    private NodeKinds() {
    }

    /**
     * @return the node's family: "join", "scan" (a scan of a relation, whatever its method), "bitmap", "sort"
     *     (Sort, Incremental Sort), "gather", "append", else the node type itself
     */
    static String family(PlanNode n) {
        String t = n.nodeType();
        if (JOINS.contains(t)) {
            return JOIN;
        }
        if (SCANS.contains(t)) {
            return SCAN;
        }
        if (BITMAPS.contains(t)) {
            return BITMAP;
        }
        return switch (t) {
            case "Sort", "Incremental Sort" -> "sort";
            case "Gather", "Gather Merge" -> "gather";
            case "Append", "Merge Append" -> "append";
            default -> t;
        };
    }

    static boolean compatible(PlanNode a, PlanNode b) {
        return family(a).equals(family(b));
    }

    static boolean isScan(PlanNode n) {
        String f = family(n);
        return f.equals(SCAN) || n.nodeType().equals("Bitmap Index Scan");
    }

    /**
     * What a node reads or names, independent of how: "rel:schema.table/alias", "cte:name/alias",
     * "fn:name/alias", "idx:name" (Bitmap Index Scan), "sub:name" (InitPlan / SubPlan / CTE heads); null for
     * nodes that only process their children's rows.
     */
    static String identity(PlanNode n) {
        if (n.subplanName().isPresent()) {
            return "sub:" + n.subplanName().get();
        }
        String alias = "/" + n.alias().orElse("");
        if (n.relationName().isPresent()) {
            return "rel:" + n.schema().map(s -> s + ".").orElse("") + n.relationName().get() + alias;
        }
        if (n.cteName().isPresent()) {
            return "cte:" + n.cteName().get() + alias;
        }
        if (n.functionName().isPresent()) {
            return "fn:" + n.functionName().get() + alias;
        }
        if (n.nodeType().equals("Bitmap Index Scan") && n.indexName().isPresent()) {
            return "idx:" + n.indexName().get();
        }
        return null;
    }

    /** @return e.g. "Index Scan using idx_lineitem_part_supp on lineitem", "Seq Scan on part", "Hash Join" */
    static String describe(PlanNode n) {
        StringBuilder s = new StringBuilder(n.displayType());
        n.indexName().ifPresent(i -> s.append(" using ").append(i));
        n.relationName().or(n::cteName).or(n::functionName).ifPresent(r -> s.append(" on ").append(r));
        n.alias().filter(a -> !a.equals(n.relationName().orElse(a))).ifPresent(a -> s.append(' ').append(a));
        return s.toString();
    }
}
