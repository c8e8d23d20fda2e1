package org.planwright.plans.read;

import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads H2 2.x {@code EXPLAIN} / {@code EXPLAIN ANALYZE} output into a plan. H2 does not print a plan tree: it
 * prints the statement re-written, with a comment after each table of FROM / JOIN (its {@code TableFilter}
 * plan SQL) naming the access path, and under ANALYZE the rows it scanned:
 * <pre>
 * FROM "PUBLIC"."CUSTOMER" "C"
 *     /* PUBLIC.IDX_CUSTOMER_CITY: CITY = 'city3' *&#47;     index and index condition ("PUBLIC.ORDERS.tableScan": none)
 *     /* WHERE C.CITY = 'city3'
 *     *&#47;                                             condition checked on each row of this table
 *     /* scanCount: 101 *&#47;                            EXPLAIN ANALYZE: rows read from the table or index, + 1
 * INNER JOIN "PUBLIC"."ORDERS" "O" ...
 * </pre>
 * Each table becomes a child of a root node named after the statement ("Select", "Update", "Delete"...), in
 * join order (H2 joins by nested loops, each table looked up once per row of the tables before it): "Node Type"
 * "Table Scan" (H2's {@code tableScan}) or "Index Scan", "Relation Name", "Schema", "Alias", "Index Name",
 * "Index Cond", "Filter", "Join Type" (Inner / Left) and, with ANALYZE, "Rows Scanned" (H2's scanCount). Tables
 * of subqueries are children too, with "Parent Relationship" "SubPlan". The whole re-written statement is the
 * plan's "Query Text"; the storage statistics H2 appends under ANALYZE on a file database ("reads: 3") are the
 * plan's "H2 Statistics". H2 reports no costs, no row estimates, no times and no rows per table produced: those
 * accessors stay empty and time-based insights do not apply. Comments nested in another comment (a subquery
 * repeated inside an index condition) are not tables.
 *
 * <p>Stateless apart from one parse; {@link PlanParser} creates one per call. Linear in the input.
 */
final class H2PlanReader {

    private static final List<String> STATEMENTS = List.of("SELECT", "UPDATE", "DELETE", "INSERT", "MERGE", "WITH",
            "TABLE", "VALUES", "(SELECT");

    private final String src;
    private final RawNode root = new RawNode();
    private RawNode current;
    private int line = 1;
    private int lineStart;
    private int parens;
    private final Map<String, Object> statistics = new LinkedHashMap<>();

    H2PlanReader(String src) {
        this.src = src;
    }

    /** @return true if the first line starts the way H2 prints a statement and an H2 plan comment follows */
    static boolean looksLikeH2(String head, String text) {
        String first = head.strip();
        boolean statement = STATEMENTS.stream().anyMatch(s -> first.equals(s) || first.startsWith(s + " "));
        return statement && (text.contains("\n    /* ") || text.contains(".tableScan */"));
    }

    RawPlan read() {
        String first = src.strip();
        int end = 0;
        while (end < first.length() && (Character.isLetter(first.charAt(end)) || first.charAt(end) == '(')) {
            end++;
        }
        String word = first.substring(0, end).replace("(", "");
        root.props.put("Node Type", word.isEmpty() ? "Statement"
                : word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT));
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (c == '\'' || c == '"') {
                i = skipQuoted(i, c);
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
                i = comment(i);
            } else if (c == '(') {
                parens++;
                i++;
            } else if (c == ')') {
                parens = Math.max(0, parens - 1);
                i++;
            } else if (Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(src.charAt(i - 1)))) {
                i = word(i);
            } else {
                i++;
            }
        }
        if (root.children.isEmpty()) {
            throw new PlanParseException(1, 1, "expected H2 EXPLAIN output with a table and its access comment"
                    + " (\"/* PUBLIC.T.tableScan */\"), found none");
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("Query Text", src.strip());
        if (!statistics.isEmpty()) {
            top.put("H2 Statistics", statistics); // e.g. {"reads": 3}: pages read from the file
        }
        return new RawPlan(root, top, Plan.Format.H2);
    }

    private int word(int at) {
        int e = at;
        while (e < src.length() && (Character.isLetterOrDigit(src.charAt(e)) || src.charAt(e) == '_')) {
            e++;
        }
        String w = src.substring(at, e);
        if (w.equals("FROM") || w.equals("JOIN") || w.equals("UPDATE") && at == firstNonBlank()) {
            String join = w.equals("JOIN") ? joinType(at) : null;
            return table(e, join);
        }
        return e;
    }

    private int firstNonBlank() {
        int i = 0;
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private String joinType(int joinAt) {
        String before = src.substring(Math.max(0, joinAt - 12), joinAt);
        return before.contains("LEFT") ? "Left" : before.contains("RIGHT") ? "Right"
                : before.contains("CROSS") ? "Cross" : "Inner";
    }

    /** A table reference: "SCHEMA"."TABLE" ["ALIAS"], unquoted parts too; a derived table "(" is no table. */
    private int table(int at, String join) {
        int i = skipBlanks(at);
        if (i >= src.length() || src.charAt(i) == '(') {
            return i;
        }
        List<String> parts = new ArrayList<>();
        while (i < src.length()) {
            int[] end = new int[1];
            String part = identifier(i, end);
            if (part == null) {
                break;
            }
            parts.add(part);
            i = end[0];
            if (i < src.length() && src.charAt(i) == '.') {
                i++;
            } else {
                break;
            }
        }
        if (parts.isEmpty()) {
            return i;
        }
        RawNode node = new RawNode();
        node.props.put("Node Type", "Table Scan");
        node.props.put("Relation Name", parts.getLast());
        if (parts.size() > 1) {
            node.props.put("Schema", parts.get(parts.size() - 2));
        }
        int j = skipSpaces(i);
        if (j < src.length() && src.charAt(j) == '"') {
            int[] end = new int[1];
            node.props.put("Alias", identifier(j, end));
            i = end[0];
        }
        if (join != null) {
            node.props.put("Join Type", join);
        }
        node.props.put("Parent Relationship", parens > 0 ? "SubPlan" : join != null ? "Inner" : "Outer");
        root.children.add(node);
        current = node;
        return i;
    }

    /** @return the identifier at {@code at} (quoted or plain), its end in {@code end[0]}; null if none */
    private String identifier(int at, int[] end) {
        if (at >= src.length()) {
            return null;
        }
        if (src.charAt(at) == '"') {
            StringBuilder b = new StringBuilder();
            int i = at + 1;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '"' && i + 1 < src.length() && src.charAt(i + 1) == '"') {
                    b.append('"');
                    i += 2;
                } else if (c == '"') {
                    end[0] = i + 1;
                    return b.toString();
                } else {
                    b.append(c);
                    i++;
                }
            }
            throw error(at, "an identifier quoted with '\"' is not closed");
        }
        int i = at;
        while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_'
                || src.charAt(i) == '$')) {
            i++;
        }
        if (i == at) {
            return null;
        }
        end[0] = i;
        return src.substring(at, i);
    }

    /** A comment at depth 0 describes the latest table; comments nested in it are skipped. */
    private int comment(int at) {
        int depth = 0;
        int i = at;
        int startLine = line;
        int startCol = at - lineStart + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
            if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    String text = src.substring(at + 2, i - 2).strip();
                    if (startCol == 1) {
                        statistics(text);
                    } else {
                        describe(text);
                    }
                    return i;
                }
            } else {
                i++;
            }
        }
        throw new PlanParseException(startLine, startCol, "expected \"*/\" to close this H2 plan comment");
    }

    /**
     * EXPLAIN ANALYZE of a file database ends with a comment in column 1 holding the storage statistics
     * ({@code Explain.java}): "reads: 3", or "total: 9" and one "name: count (percent%)" line per kind.
     */
    private void statistics(String text) {
        for (String l : text.split("\n")) {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String value = l.substring(colon + 1).strip();
            int space = value.indexOf(' ');
            Number n = TextDetails.number(space < 0 ? value : value.substring(0, space));
            if (n != null) {
                statistics.put(l.substring(0, colon).strip(), n);
            }
        }
    }

    private void describe(String text) {
        if (current == null) {
            return; // a comment before any table (none in H2's output)
        }
        Map<String, Object> p = current.props;
        if (text.startsWith("scanCount:")) {
            Number n = TextDetails.number(text.substring("scanCount:".length()).strip());
            if (n != null) {
                p.put("Rows Scanned", n);
            }
        } else if (text.startsWith("WHERE ")) {
            p.put("Filter", oneLine(text.substring(6)));
        } else if (text.endsWith(".tableScan")) {
            p.put("Node Type", "Table Scan");
        } else if (!text.contains(" ") || text.indexOf(':') > 0 && !text.substring(0, text.indexOf(':')).contains(" ")) {
            int colon = text.indexOf(':');
            String index = colon > 0 ? text.substring(0, colon) : text;
            p.put("Node Type", "Index Scan");
            p.put("Index Name", index.substring(index.lastIndexOf('.') + 1));
            if (colon > 0) {
                p.put("Index Cond", oneLine(text.substring(colon + 1)));
            }
        } else {
            TextDetails.add(p, "Extra Lines", oneLine(text)); // "direct lookup", "group sorted", ...
        }
    }

    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder();
        for (String part : s.strip().split("\n")) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(part.strip());
        }
        return b.toString();
    }

    private int skipQuoted(int at, char q) {
        int i = at + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
            if (c == q) {
                if (i + 1 < src.length() && src.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw error(at, "a text or identifier opened here with " + q + " is not closed");
    }

    private int skipBlanks(int at) {
        int i = at;
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            if (src.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
            i++;
        }
        return i;
    }

    private int skipSpaces(int at) {
        int i = at;
        while (i < src.length() && src.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private PlanParseException error(int at, String message) {
        int l = 1;
        int start = 0;
        for (int i = 0; i < at && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                l++;
                start = i + 1;
            }
        }
        return new PlanParseException(l, at - start + 1, message);
    }
}
