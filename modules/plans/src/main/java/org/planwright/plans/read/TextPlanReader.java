package org.planwright.plans.read;

import org.planwright.plans.Plan;
import org.planwright.plans.Buffers;
import org.planwright.plans.PlanParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a plan from PostgreSQL's text EXPLAIN output. The tree comes from indentation: a node line starts
 * with "->" (the root may not), its detail lines and children are indented deeper; "InitPlan N", "SubPlan
 * N" and "CTE name" headers give their child node the Parent Relationship and Subplan Name; "Worker N:"
 * lines fill the node's "Workers"; lines at the root's indentation or less (Planning Time, Execution Time,
 * JIT, Triggers, Settings, ...) belong to the plan. Lines before the first node (psql prompts, Query Text)
 * are kept in the plan properties. Not thread-safe; {@link PlanParser} creates one per call.
 */
final class TextPlanReader {

    private enum Kind { NODE, SUBPLAN, WORKER, SECTION }

    private record Frame(int indent, Kind kind, RawNode node, Map<String, Object> map, String relationship,
                         String name) {
    }

    private static final Set<String> TOP_KEYS = Set.of("Planning Time", "Planning time", "Execution Time",
            "Execution time", "Total runtime", "Planning", "JIT", "Settings", "Query Identifier", "Serialization",
            "Query Text");

    private final List<TextLines.Logical> lines;
    private final Map<String, Object> top = new LinkedHashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private RawNode root;
    private int rootIndent;

    TextPlanReader(String[] cleaned) {
        this.lines = TextLines.of(cleaned);
    }

    RawPlan read() {
        for (TextLines.Logical l : lines) {
            if (root == null) {
                beforeRoot(l);
            } else {
                line(l);
            }
        }
        if (root == null) {
            TextLines.Logical first = lines.isEmpty() ? new TextLines.Logical() : lines.getFirst();
            throw first.error(first.indent(), "expected a plan node such as \"Seq Scan on t  (cost=0.00..1.00 "
                    + "rows=1 width=4)\" or EXPLAIN (FORMAT JSON) output, found \"" + abbreviate(first.content()) + "\"");
        }
        relationships(root);
        return new RawPlan(root, top, Plan.Format.TEXT);
    }

    /**
     * The text format does not print "Parent Relationship"; it follows from the parent as in PostgreSQL's
     * explain.c: members of Append, Merge Append, BitmapAnd/Or (and of a ModifyTable with several children),
     * the Subquery of a Subquery Scan, else Outer then Inner. InitPlans and SubPlans have theirs already.
     */
    private static void relationships(RawNode node) {
        List<RawNode> plain = node.children.stream().filter(c -> !c.props.containsKey("Parent Relationship")).toList();
        Object type = node.props.get("Node Type");
        boolean members = Set.of("Append", "Merge Append", "BitmapAnd", "BitmapOr").contains(type)
                || "ModifyTable".equals(type) && plain.size() > 1;
        for (int i = 0; i < plain.size(); i++) {
            String rel = members ? "Member" : "Subquery Scan".equals(type) ? "Subquery" : i == 0 ? "Outer" : "Inner";
            plain.get(i).props.put("Parent Relationship", rel);
        }
        node.children.forEach(TextPlanReader::relationships);
    }

    private void beforeRoot(TextLines.Logical l) {
        String c = l.content();
        int at = l.indent();
        boolean arrow = c.startsWith("->");
        String desc = arrow ? c.substring(2).strip() : c;
        if (arrow || TextNodeLine.groupStart(desc) >= 0 || NodeTypes.isKnown(desc)) {
            int start = arrow ? skipSpaces(l, at + 2) : at;
            root = new RawNode();
            root.props.putAll(TextNodeLine.parse(l, start));
            rootIndent = at;
            stack.push(new Frame(at, Kind.NODE, root, root.props, null, null));
            return;
        }
        int colon = TextDetails.keyEnd(c);
        if (colon > 0 && !top.containsKey("Query Text")) {
            TextDetails.apply(c, top);
        } else if (top.get("Query Text") instanceof String q) {
            top.put("Query Text", q + "\n" + c);
        } else {
            TextDetails.add(top, "Preamble Lines", c);
        }
    }

    private void line(TextLines.Logical l) {
        String c = l.content();
        int d = l.indent();
        if (c.startsWith("->")) {
            node(l, d);
            return;
        }
        String header = subplanHeader(c);
        if (header != null) {
            popWhile(d);
            Frame owner = nearestNode(l, d);
            boolean init = !c.startsWith("SubPlan");
            stack.push(new Frame(d, Kind.SUBPLAN, owner.node(), owner.node().props, init ? "InitPlan" : "SubPlan",
                    c.startsWith("CTE ") ? "CTE " + c.substring(4).strip() : c));
            return;
        }
        if (d <= rootIndent + 1 && isTopLine(c)) {
            stack.clear();
        } else {
            popWhile(d);
        }
        if (stack.isEmpty()) {
            if (TextNodeLine.groupStart(c) >= 0 || NodeTypes.isKnown(c)) {
                throw l.error(d, "a second plan starts here (\"" + abbreviate(c) + "\"): expected one plan, or \"->\" "
                        + "indented under the first plan's root");
            }
            planLevel(c, d);
            return;
        }
        Frame target = stack.peek();
        if (c.startsWith("Worker ") && workerNumber(c) >= 0) {
            worker(l, c, d, target);
        } else if (c.equals("JIT:")) {
            Map<String, Object> jit = new LinkedHashMap<>();
            target.map().put("JIT", jit);
            stack.push(new Frame(d, Kind.SECTION, target.node(), jit, null, "JIT"));
        } else if ("JIT".equals(target.name()) && target.kind() == Kind.SECTION) {
            jitLine(c, target.map());
        } else {
            TextDetails.apply(c, target.map());
        }
    }

    private void node(TextLines.Logical l, int arrowAt) {
        popWhile(arrowAt);
        while (!stack.isEmpty() && (stack.peek().kind() == Kind.WORKER || stack.peek().kind() == Kind.SECTION)) {
            stack.pop();
        }
        if (stack.isEmpty() && arrowAt >= rootIndent) {
            stack.push(new Frame(rootIndent, Kind.NODE, root, root.props, null, null)); // root pasted indented
        }
        if (stack.isEmpty()) {
            throw l.error(arrowAt, "this node is not indented under any other node: expected \"->\" to the right "
                    + "of its parent's column");
        }
        Frame parent = stack.peek();
        RawNode n = new RawNode();
        if (parent.kind() == Kind.SUBPLAN) {
            n.props.put("Parent Relationship", parent.relationship());
            n.props.put("Subplan Name", parent.name());
        }
        n.props.putAll(TextNodeLine.parse(l, skipSpaces(l, arrowAt + 2)));
        parent.node().children.add(n);
        stack.push(new Frame(arrowAt, Kind.NODE, n, n.props, null, null));
    }

    private void worker(TextLines.Logical l, String c, int d, Frame target) {
        int number = workerNumber(c);
        Map<String, Object> w = workerMap(target.map(), number);
        int colon = l.text.indexOf(":", d);
        int rest = skipSpaces(l, colon + 1);
        String text = l.text.toString();
        if (text.startsWith("actual", rest)) {
            rest = skipSpaces(l, TextNodeLine.worker(l, rest, w));
        } else if (text.startsWith("never executed", rest)) {
            w.put("Actual Rows", 0L);
            w.put("Actual Loops", 0L);
            rest = skipSpaces(l, rest + "never executed".length());
        }
        if (rest < text.length()) {
            TextDetails.apply(text.substring(rest).strip(), w);
        }
        stack.push(new Frame(d, Kind.WORKER, target.node(), w, null, null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workerMap(Map<String, Object> owner, int number) {
        List<Object> workers = owner.get("Workers") instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        owner.put("Workers", workers);
        for (Object o : workers) {
            if (o instanceof Map<?, ?> m && Long.valueOf(number).equals(m.get("Worker Number"))) {
                return (Map<String, Object>) m;
            }
        }
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("Worker Number", (long) number);
        workers.add(w);
        return w;
    }

    private void planLevel(String c, int d) {
        if (c.equals("JIT:") || c.equals("Planning:") || c.equals("Execution:")) {
            Map<String, Object> section = new LinkedHashMap<>();
            String name = c.substring(0, c.length() - 1);
            top.put(name, section);
            stack.push(new Frame(d, Kind.SECTION, root, section, null, name));
        } else if (c.startsWith("Serialization:")) { // PG 17+; its "Buffers:" line follows, indented
            Map<String, Object> section = TextDetails.serialization(c.substring("Serialization:".length()));
            top.put("Serialization", section);
            stack.push(new Frame(d, Kind.SECTION, root, section, null, "Serialization"));
        } else if (c.startsWith("Trigger ") && c.contains(": time=")) {
            trigger(c);
        } else if (c.startsWith("Settings:")) {
            Map<String, Object> settings = new LinkedHashMap<>();
            for (String s : TextDetails.splitList(c.substring(9).strip())) {
                int eq = s.indexOf(" = ");
                if (eq > 0) {
                    String v = s.substring(eq + 3).strip();
                    settings.put(s.substring(0, eq).strip(), v.length() >= 2 && v.startsWith("'") && v.endsWith("'")
                            ? v.substring(1, v.length() - 1) : v);
                }
            }
            top.put("Settings", settings);
        } else {
            TextDetails.apply(c, top);
        }
    }

    /** "Trigger name [on rel]: time=1.2 calls=3", "Trigger for constraint fk [on rel]: time=.. calls=..". */
    @SuppressWarnings("unchecked")
    private void trigger(String c) {
        int colon = c.lastIndexOf(": time=");
        String name = c.substring(8, colon).strip();
        Map<String, Object> t = new LinkedHashMap<>();
        int on = name.lastIndexOf(" on ");
        if (on > 0) {
            t.put("Relation", name.substring(on + 4).strip());
            name = name.substring(0, on).strip();
        }
        if (name.startsWith("for constraint ")) {
            name = name.substring(15).strip();
            t.put("Constraint Name", name);
        }
        t.put("Trigger Name", name);
        for (String part : c.substring(colon + 2).strip().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String k = part.substring(0, eq);
                Number v = TextDetails.number(part.substring(eq + 1));
                t.put(k.equals("time") ? "Time" : k.equals("calls") ? "Calls" : k, v == null ? part : v);
            }
        }
        List<Object> all = top.get("Triggers") instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        all.add(t);
        top.put("Triggers", all);
    }

    /** "Options: Inlining false, ..." and "Timing: Generation 1.2 ms, ..." become maps; others as details. */
    private static void jitLine(String c, Map<String, Object> jit) {
        boolean options = c.startsWith("Options:");
        if (!options && !c.startsWith("Timing:")) {
            TextDetails.apply(c, jit);
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (String item : c.substring(c.indexOf(':') + 1).split(",")) {
            String[] kv = item.strip().split("\\s+");
            if (kv.length >= 2) {
                Number n = TextDetails.number(kv[1]);
                m.put(kv[0], options ? (Object) Boolean.valueOf(kv[1]) : n == null ? kv[1] : n.doubleValue());
            }
        }
        jit.put(options ? "Options" : "Timing", m);
    }

    private static String subplanHeader(String c) {
        if (c.startsWith("CTE ")) {
            String name = c.substring(4).strip();
            return !name.isEmpty() && name.indexOf(' ') < 0 && name.indexOf(':') < 0 ? c : null;
        }
        String word = c.startsWith("InitPlan") ? "InitPlan" : c.startsWith("SubPlan") ? "SubPlan" : null;
        if (word == null) {
            return null;
        }
        String rest = c.substring(word.length());
        if (!rest.isEmpty() && rest.charAt(0) != ' ') {
            return null; // "SubPlans Removed: 2"
        }
        rest = rest.strip();
        int i = 0;
        while (i < rest.length() && Character.isDigit(rest.charAt(i))) {
            i++;
        }
        String after = rest.substring(i).strip();
        return after.isEmpty() || after.startsWith("(returns ") && after.endsWith(")") ? c : null;
    }

    private static boolean isTopLine(String c) {
        if (c.startsWith("Trigger ") && c.contains(": time=")) {
            return true;
        }
        int colon = c.indexOf(':');
        return colon > 0 && TOP_KEYS.contains(c.substring(0, colon));
    }

    private static int workerNumber(String c) {
        int i = 7;
        int s = i;
        while (i < c.length() && Character.isDigit(c.charAt(i))) {
            i++;
        }
        boolean fits = i > s && i - s <= 9; // "Worker 99999999999999999999:" is damage, not a worker
        return fits && i < c.length() && c.charAt(i) == ':' ? Integer.parseInt(c.substring(s, i)) : -1;
    }

    private void popWhile(int indent) {
        while (!stack.isEmpty() && stack.peek().indent() >= indent) {
            stack.pop();
        }
    }

    private Frame nearestNode(TextLines.Logical l, int d) {
        for (Frame f : stack) {
            if (f.kind() == Kind.NODE) {
                return f;
            }
        }
        throw l.error(d, "expected \"InitPlan\", \"SubPlan\" or \"CTE\" to be indented under a plan node");
    }

    private static int skipSpaces(TextLines.Logical l, int from) {
        int i = from;
        while (i < l.text.length() && l.text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
