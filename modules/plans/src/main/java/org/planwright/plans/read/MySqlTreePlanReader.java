package org.planwright.plans.read;

import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads MySQL 8 {@code EXPLAIN FORMAT=TREE} and {@code EXPLAIN ANALYZE} output (MySQL 8.0.18+): one iterator per
 * line, "-> " indented four spaces per level,
 * {@code -> Nested loop inner join  (cost=550.98 rows=404) (actual time=0.80..9.51 rows=1 loops=1)}.
 * Each line becomes a node: "Node Type" is the PostgreSQL equivalent from {@link MySqlWords} (so the insight
 * rules apply), "Display Type" and "Description" keep MySQL's words; "(cost=C rows=R)" gives "Total Cost" and
 * "Plan Rows" ("cost=S..C" of newer versions gives "Startup Cost" too), "(actual time=A..B rows=R loops=L)" gives
 * "Actual Startup Time", "Actual Total Time" (ms, per loop, as in PostgreSQL), "Actual Rows" and "Actual Loops";
 * "(never executed)" is 0 loops. "on T", "using I" and the parenthesised lookup condition give "Relation Name",
 * "Index Name" and "Index Cond"; "Filter: (c)" gives a "Filter" node and, on a table scan right under it,
 * "Filter", "Rows Removed by Filter" = scan rows - filter rows per loop, and the filter's rows as its "Actual Rows"
 * and "Plan Rows" (what PostgreSQL prints for a Seq Scan with that filter; MySQL's own counts of rows read stay
 * in "MySQL Actual Rows" and "MySQL Plan Rows"). "-> Select #2 (subquery in condition; dependent)" heads a SubPlan; printed at
 * the left margin after the plan (subqueries in the select list), it is a SubPlan of the root.
 *
 * <p>Not thread-safe per instance; {@link PlanParser} creates one per call. Linear in the input.
 */
final class MySqlTreePlanReader {

    private record Open(int column, RawNode node) {
    }

    private final String[] lines;

    MySqlTreePlanReader(String[] lines) {
        this.lines = lines;
    }

    /** @return true if the first content line is a MySQL iterator ("-> " without PostgreSQL's "width=") */
    static boolean looksLikeMySqlTree(String head) {
        return head.startsWith("-> ") && !head.contains(" width=");
    }

    RawPlan read() {
        Deque<Open> stack = new ArrayDeque<>();
        RawNode root = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int col = 0;
            while (col < line.length() && Character.isWhitespace(line.charAt(col))) {
                col++;
            }
            if (!line.startsWith("->", col)) {
                if (root == null) {
                    throw new PlanParseException(i + 1, col + 1, "expected a MySQL plan line starting with \"->\"");
                }
                continue; // a condition wrapped onto the next line by the client: part of the line above
            }
            RawNode node = node(line.substring(col + 2).strip(), i + 1, col + 3);
            while (!stack.isEmpty() && stack.peek().column() >= col) {
                stack.pop();
            }
            if (stack.isEmpty() && root != null && "Subquery".equals(node.props.get("Node Type"))) {
                root.children.add(node); // "-> Select #2 (subquery in projection)" is printed after the plan
            } else if (stack.isEmpty()) {
                if (root != null) {
                    throw new PlanParseException(i + 1, col + 1, "a second plan starts here: expected \"->\""
                            + " indented under the first plan's root");
                }
                root = node;
            } else {
                RawNode parent = stack.peek().node();
                parent.children.add(node);
                if ("Filter".equals(parent.props.get("Display Type")) && parent.children.size() == 1) {
                    node.props.put("Parent Relationship", "Outer");
                }
            }
            stack.push(new Open(col, node));
        }
        if (root == null) {
            throw new PlanParseException(1, 1, "expected a MySQL EXPLAIN FORMAT=TREE plan, found no \"->\" line");
        }
        pushFilters(root);
        return new RawPlan(root, new LinkedHashMap<>(), Plan.Format.MYSQL_TREE);
    }

    private static RawNode node(String text, int line, int column) {
        RawNode n = new RawNode();
        Map<String, Object> p = n.props;
        String description = text;
        int actual = text.lastIndexOf("(actual time=");
        int never = text.lastIndexOf("(never executed)");
        if (actual >= 0) {
            actuals(text.substring(actual + 1, closing(text, actual, line, column)), p, line, column + actual);
            description = text.substring(0, actual).strip();
        } else if (never >= 0) {
            p.put("Actual Loops", 0L);
            p.put("Actual Rows", 0.0);
            description = text.substring(0, never).strip();
        }
        int cost = description.lastIndexOf("(cost=");
        if (cost < 0) {
            cost = description.lastIndexOf("(rows=");
        }
        if (cost >= 0 && description.endsWith(")")) {
            estimates(description.substring(cost + 1, description.length() - 1), p, line, column + cost);
            description = description.substring(0, cost).strip();
        }
        String type = MySqlWords.treeNodeType(description);
        p.put("Node Type", type);
        p.put("Display Type", MySqlWords.head(description));
        p.put("Description", description);
        String join = MySqlWords.joinType(description);
        if (join != null) {
            p.put("Join Type", join);
        }
        if (description.startsWith("Select #")) {
            p.put("Node Type", "Subquery");
            p.put("Parent Relationship", "SubPlan");
            p.put("Subplan Name", description);
        }
        if (description.startsWith("Filter: ")) {
            p.put("Filter", description.substring(8).strip());
        }
        if (description.startsWith("Sort: ")) {
            p.put("Sort Key", TextDetails.splitList(description.substring(6).strip()));
        }
        target(description, p);
        return n;
    }

    /** "... on city using PRIMARY (Code=city.CountryCode)" / "... on city over (...)" / "<temporary>". */
    private static void target(String d, Map<String, Object> p) {
        int on = d.indexOf(" on ");
        if (on < 0 || d.startsWith("Filter") || d.startsWith("Sort")) {
            return;
        }
        String rest = d.substring(on + 4).strip();
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != ' ') {
            end++;
        }
        p.put("Relation Name", rest.substring(0, end));
        rest = rest.substring(end).strip();
        if (rest.startsWith("using ")) {
            rest = rest.substring(6);
            int sp = rest.indexOf(' ');
            p.put("Index Name", sp < 0 ? rest : rest.substring(0, sp));
            rest = sp < 0 ? "" : rest.substring(sp + 1).strip();
        }
        if (rest.startsWith("over ")) {
            rest = rest.substring(5).strip();
        }
        if (rest.startsWith("(") && rest.endsWith(")")) {
            p.put("Index Cond", rest);
        } else if (rest.startsWith("(") && rest.contains(")")) {
            p.put("Index Cond", rest.substring(0, rest.lastIndexOf(')') + 1));
        }
    }

    /** "cost=0.25 rows=1", "cost=0.25..1.50 rows=1e+6", "rows=10" (no cost: MySQL 8.0 before costs). */
    private static void estimates(String s, Map<String, Object> p, int line, int column) {
        for (String part : s.split(" ")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String k = part.substring(0, eq);
            String v = part.substring(eq + 1);
            if (k.equals("cost")) {
                int dots = v.indexOf("..");
                if (dots > 0) {
                    p.put("Startup Cost", number(v.substring(0, dots), line, column));
                    p.put("Total Cost", number(v.substring(dots + 2), line, column));
                } else {
                    p.put("Total Cost", number(v, line, column));
                }
            } else if (k.equals("rows")) {
                p.put("Plan Rows", number(v, line, column));
            }
        }
    }

    /** "actual time=0.080..0.095 rows=1 loops=1" (8.0.18+: times per loop in ms, like PostgreSQL). */
    private static void actuals(String s, Map<String, Object> p, int line, int column) {
        for (String part : s.substring("actual ".length()).split(" ")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String v = part.substring(eq + 1);
            switch (part.substring(0, eq)) {
                case "time" -> {
                    int dots = v.indexOf("..");
                    if (dots < 0) {
                        throw new PlanParseException(line, column, "expected \"time=first..last\" in the actual values");
                    }
                    p.put("Actual Startup Time", number(v.substring(0, dots), line, column));
                    p.put("Actual Total Time", number(v.substring(dots + 2), line, column));
                }
                case "rows" -> p.put("Actual Rows", number(v, line, column).doubleValue());
                case "loops" -> p.put("Actual Loops", number(v, line, column).longValue());
                default -> {
                    // newer versions may add fields; the source text keeps them
                }
            }
        }
    }

    private static int closing(String text, int open, int line, int column) {
        int close = text.indexOf(')', open);
        if (close < 0) {
            throw new PlanParseException(line, column + open, "expected \")\" after the actual values");
        }
        return close;
    }

    private static Number number(String s, int line, int column) {
        Number n = TextDetails.number(s);
        if (n == null || !(n.doubleValue() >= 0) || n.doubleValue() > NumberKeys.MAX_QUANTITY) {
            throw new PlanParseException(line, column, "expected a non-negative number, found \"" + s + "\"");
        }
        return n;
    }

    /** A Filter right above a table scan is, to PostgreSQL's eyes, the scan's own filter. */
    private static void pushFilters(RawNode n) {
        for (RawNode c : n.children) {
            pushFilters(c);
        }
        if (!"Filter".equals(n.props.get("Display Type")) || n.children.isEmpty()) {
            return;
        }
        RawNode scan = n.children.getFirst();
        if (!"Seq Scan".equals(scan.props.get("Node Type"))) {
            return;
        }
        scan.props.put("Filter", n.props.get("Filter"));
        if (scan.props.get("Actual Rows") instanceof Number read && n.props.get("Actual Rows") instanceof Number kept
                && scan.props.get("Actual Loops") instanceof Number sl && n.props.get("Actual Loops") instanceof Number fl
                && sl.longValue() > 0) {
            double keptPerLoop = kept.doubleValue() * fl.longValue() / sl.longValue();
            double removed = read.doubleValue() - keptPerLoop;
            scan.props.put("Rows Removed by Filter", Math.max(0, removed));
            scan.props.put("MySQL Actual Rows", read); // rows the table scan read, before the filter
            scan.props.put("Actual Rows", keptPerLoop); // as PostgreSQL counts a filtered scan's rows
        }
        if (scan.props.get("Plan Rows") instanceof Number examined && n.props.get("Plan Rows") instanceof Number est) {
            scan.props.put("MySQL Plan Rows", examined);
            scan.props.put("Plan Rows", est);
        }
    }
}
