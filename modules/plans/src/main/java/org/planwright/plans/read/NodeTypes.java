package org.planwright.plans.read;

import org.planwright.plans.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates the node description of a text-format plan ("Parallel Index Scan Backward using idx on public.t
 * a", "Hash Left Join", "Partial HashAggregate", "Insert on t") into the keys PostgreSQL's JSON format uses
 * for the same node ("Node Type", "Parallel Aware", "Scan Direction", "Index Name", "Relation Name", "Schema",
 * "Alias", "Join Type", "Strategy", "Partial Mode", "Operation", "CTE Name", "Function Name", ...). The text
 * names are those printed by PostgreSQL's explain.c. Stateless and thread-safe.
 */
public final class NodeTypes {

    /** Node types printed as is (text name = JSON "Node Type"), longest first for prefix matching. */
    private static final List<String> PLAIN = sortedLongestFirst(List.of("Result", "ProjectSet", "ModifyTable",
            "Append", "Merge Append", "Recursive Union", "BitmapAnd", "BitmapOr", "Nested Loop", "Merge Join",
            "Hash Join", "Seq Scan", "Sample Scan", "Gather", "Gather Merge", "Index Scan", "Index Only Scan",
            "Bitmap Index Scan", "Bitmap Heap Scan", "Tid Scan", "Tid Range Scan", "Subquery Scan", "Function Scan",
            "Table Function Scan", "Values Scan", "CTE Scan", "Named Tuplestore Scan", "WorkTable Scan",
            "Foreign Scan", "Custom Scan", "Materialize", "Memoize", "Sort", "Incremental Sort", "Group",
            "Aggregate", "WindowAgg", "Unique", "SetOp", "LockRows", "Limit", "Hash"));

    private static final Map<String, String> AGGREGATES = Map.of("GroupAggregate", "Sorted",
            "HashAggregate", "Hashed", "MixedAggregate", "Mixed");
    private static final List<String> JOIN_TYPES = List.of("Right Anti", "Right Semi", "Left", "Full", "Right",
            "Semi", "Anti");
    private static final Set<String> OPERATIONS = Set.of("Insert", "Update", "Delete", "Merge");
    private static final Set<String> RELATION_SCANS = Set.of("Seq Scan", "Sample Scan", "Index Scan",
            "Index Only Scan", "Bitmap Heap Scan", "Tid Scan", "Tid Range Scan", "Foreign Scan", "Custom Scan",
            "ModifyTable");

    private NodeTypes() {
    }

    /**
     * @param description node text without indentation, arrow and estimates, e.g. "Seq Scan on t1"
     * @return JSON-format keys for the node; "Node Type" is always set (the whole description if unknown)
     */
    static Map<String, Object> describe(String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        String d = description.strip();
        boolean again = true;
        while (again) {
            again = false;
            for (String prefix : List.of("Parallel ", "Async ", "Partial ", "Finalize ")) {
                if (d.startsWith(prefix) && d.length() > prefix.length()) {
                    switch (prefix) {
                        case "Parallel " -> p.put("Parallel Aware", true);
                        case "Async " -> p.put("Async Capable", true);
                        default -> p.put("Partial Mode", prefix.strip());
                    }
                    d = d.substring(prefix.length());
                    again = true;
                }
            }
        }
        for (String op : OPERATIONS) {
            if (d.startsWith(op + " on ")) {
                p.put("Node Type", "ModifyTable");
                p.put("Operation", op);
                target(p, "ModifyTable", d.substring(op.length() + 4));
                return p;
            }
        }
        String first = word(d, 0);
        if (AGGREGATES.containsKey(first)) {
            p.put("Node Type", "Aggregate");
            p.put("Strategy", AGGREGATES.get(first));
            return p;
        }
        if (first.equals("SetOp") || first.equals("HashSetOp")) {
            p.put("Node Type", "SetOp");
            p.put("Strategy", first.equals("SetOp") ? "Sorted" : "Hashed");
            String command = d.substring(first.length()).strip();
            if (!command.isEmpty()) {
                p.put("Command", command);
            }
            return p;
        }
        if (join(p, d)) {
            return p;
        }
        for (String type : PLAIN) {
            if (d.equals(type) || d.startsWith(type + " ") || d.startsWith(type + "(")) {
                p.put("Node Type", type);
                String rest = d.substring(type.length()).strip();
                if (type.equals("Aggregate")) {
                    p.put("Strategy", "Plain");
                }
                if (!rest.isEmpty()) {
                    details(p, type, rest);
                }
                return p;
            }
        }
        p.put("Node Type", d);
        return p;
    }

    /**
     * The JSON "Node Type" for a node type as some tools write it: a text-format description ("Hash Semi
     * Join", "HashAggregate", "Subquery Scan x") or PEV2's operation names for ModifyTable ("Insert",
     * "Merge"). Used to compare plans from different sources.
     *
     * @param nodeType a node type or description
     * @return PostgreSQL's JSON "Node Type" for it
     */
    public static String canonical(String nodeType) {
        String t = nodeType.strip();
        if (OPERATIONS.contains(t)) {
            return "ModifyTable";
        }
        if (t.equals("Nested Loop Join")) {
            return "Nested Loop";
        }
        return String.valueOf(describe(t).get("Node Type"));
    }

    private static boolean join(Map<String, Object> p, String d) {
        if (!d.endsWith(" Join") && !d.startsWith("Nested Loop")) {
            return false;
        }
        for (String method : List.of("Nested Loop", "Hash", "Merge")) {
            if (!d.startsWith(method + " ")) {
                continue;
            }
            String middle = d.substring(method.length()).strip();
            if (middle.endsWith("Join")) {
                middle = middle.substring(0, middle.length() - 4).strip();
            }
            String jt = middle.isEmpty() ? "Inner" : JOIN_TYPES.contains(middle) ? middle : null;
            if (jt == null) {
                continue;
            }
            p.put("Node Type", method.equals("Nested Loop") ? "Nested Loop" : method + " Join");
            p.put("Join Type", jt);
            return true;
        }
        if (d.equals("Nested Loop")) {
            p.put("Node Type", "Nested Loop");
            p.put("Join Type", "Inner");
            return true;
        }
        return false;
    }

    private static void details(Map<String, Object> p, String type, String rest) {
        String r = rest;
        if (type.equals("Custom Scan") && r.startsWith("(")) {
            int close = r.indexOf(')');
            if (close > 0) {
                p.put("Custom Plan Provider", r.substring(1, close));
                r = r.substring(close + 1).strip();
            }
        }
        if (type.equals("Index Scan") || type.equals("Index Only Scan")) {
            if (r.startsWith("Backward ")) {
                p.put("Scan Direction", "Backward");
                r = r.substring(9);
            } else {
                p.put("Scan Direction", "Forward");
            }
            if (r.startsWith("using ")) {
                int on = r.indexOf(" on ", 5); // 5: "using on t" has no index name
                String index = on > 0 ? r.substring(6, Math.max(6, on)) : r.substring(6);
                if (!index.isBlank()) {
                    p.put("Index Name", index);
                }
                r = on > 0 ? r.substring(on + 1) : "";
            }
        }
        if (!r.startsWith("on ")) {
            if (!r.isEmpty()) {
                p.put("Description", rest); // e.g. Subquery Scan written without "on" by other tools
            }
            return;
        }
        String target = r.substring(3).strip();
        if (type.equals("Bitmap Index Scan")) {
            p.put("Index Name", target);
            return;
        }
        target(p, type, target);
    }

    /** "[schema.]name [alias]" after "on". */
    private static void target(Map<String, Object> p, String type, String target) {
        List<String> tokens = tokens(target);
        if (tokens.isEmpty()) {
            return;
        }
        String name = tokens.getFirst();
        String alias = tokens.size() > 1 ? tokens.get(1) : null;
        String schema = null;
        int dot = qualifiedDot(name);
        if (dot > 0 && !type.equals("CTE Scan") && !type.equals("WorkTable Scan")) {
            schema = unquote(name.substring(0, dot));
            name = name.substring(dot + 1);
        }
        name = unquote(name);
        if (schema != null) {
            p.put("Schema", schema);
        }
        if (RELATION_SCANS.contains(type)) {
            p.put("Relation Name", name);
        } else if (type.equals("CTE Scan") || type.equals("WorkTable Scan")) {
            p.put("CTE Name", name);
        } else if (type.equals("Function Scan")) {
            p.put("Function Name", name);
        } else if (type.equals("Named Tuplestore Scan")) {
            p.put("Tuplestore Name", name);
        } else {
            alias = alias == null ? name : alias;
        }
        p.put("Alias", alias == null ? name : unquote(alias));
    }

    private static int qualifiedDot(String name) {
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Splits on spaces outside double quotes. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ' ' && !quoted) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String word(String s, int from) {
        int end = s.indexOf(' ', from);
        return end < 0 ? s.substring(from) : s.substring(from, end);
    }

    /** @return true if {@code description} starts with a node type PostgreSQL prints */
    static boolean isKnown(String description) {
        Object t = describe(description).get("Node Type");
        return PLAIN.contains(t) || "SetOp".equals(t) || "Aggregate".equals(t);
    }

    private static List<String> sortedLongestFirst(List<String> l) {
        return l.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
