package org.planwright.advice.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a condition as PostgreSQL's EXPLAIN VERBOSE prints it (a {@code Filter}, {@code Index Cond},
 * {@code Hash Cond}, {@code Join Filter}, ...; fully parenthesised, columns qualified by the scan's alias, e.g.
 * {@code ((lineitem.l_shipdate >= '1993-01-01'::date) AND (lineitem.l_partkey = partsupp.ps_partkey))}) into its
 * top-level conjuncts and classifies each as a comparison of one side with the other. Stateless; thread-safe.
 *
 * <p>The text is the server's own deparse ({@code ruleutils.c}): binary operators are surrounded by spaces, each
 * operator expression is parenthesised, literals are quoted and cast. Anything it does not recognise becomes an
 * {@link Atom} of kind {@link Kind#OTHER}, which candidate generation ignores.
 */
final class ConditionAtoms {

    /** How one side of an atom compares with the other. */
    enum Kind {
        /** column = constant, parameter ($n) or IN list ({@code = ANY}) */
        EQUALITY,
        /** column &lt;, &lt;=, &gt;, &gt;= constant or parameter, BETWEEN halves */
        RANGE,
        /** column = column of another alias: a join key on both sides */
        JOIN,
        /** anything else (OR, &lt;&gt;, LIKE, comparisons with a sub-plan's result, ...) */
        OTHER
    }

    /**
     * One column reference as printed.
     *
     * @param alias  the scan alias qualifying it (e.g. {@code lineitem_1})
     * @param column the column name as printed (quoted when PostgreSQL quotes it)
     */
    record ColumnRef(String alias, String column) {
    }

    /**
     * One conjunct.
     *
     * @param text       the conjunct as printed
     * @param kind       its classification
     * @param column     the indexed side: a plain column, or null when {@link #expression} is set or kind is OTHER
     * @param expression the indexed side when it is an expression over one column, aliases removed (e.g.
     *                   {@code lower((email)::text)}), else null
     * @param other      for JOIN, the column on the other side; else null
     * @param constant   true when the other side is a constant (literal), not a parameter or a column
     */
    record Atom(String text, Kind kind, ColumnRef column, String expression, ColumnRef other, boolean constant) {
    }

    private static final Pattern COLUMN = Pattern.compile(
            "(?<![\\w.\"$])(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\.(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)(?![\\w$\"(.])");
    private static final Pattern PLAIN_COLUMN = Pattern.compile(
            "^\\(*(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\.(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\)*(::[\\w ]+(\\[\\])?)?$");
    private static final Pattern PARAM = Pattern.compile("^\\(*\\$\\d+\\)*(::[\\w ]+(\\[\\])?)?$");
    private static final List<String> OPERATORS = List.of(" = ANY ", " <= ", " >= ", " <> ", " = ", " < ", " > ");

    private ConditionAtoms() {
    }

    /**
     * @param condition a condition as EXPLAIN VERBOSE prints it; null or blank gives none
     * @return its top-level conjuncts, classified
     */
    static List<Atom> split(String condition) {
        List<Atom> out = new ArrayList<>();
        if (condition == null || condition.isBlank()) {
            return out;
        }
        for (String conjunct : conjuncts(condition.strip())) {
            out.add(classify(conjunct));
        }
        return out;
    }

    /**
     * @param text any expression text
     * @return the qualified column references in it, in order, literals skipped
     */
    static Set<ColumnRef> columns(String text) {
        Set<ColumnRef> refs = new LinkedHashSet<>();
        Matcher m = COLUMN.matcher(blankLiterals(text));
        while (m.find()) {
            refs.add(new ColumnRef(m.group(1), m.group(2)));
        }
        return refs;
    }

    private static List<String> conjuncts(String text) {
        String s = stripParens(text);
        List<String> parts = splitTopLevel(s, " AND ");
        if (parts.size() == 1) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.addAll(conjuncts(p));
        }
        return out;
    }

    private static Atom classify(String conjunct) {
        String blanked = blankLiterals(conjunct);
        if (!splitTopLevel(blanked, " OR ").equals(List.of(blanked))) {
            return other(conjunct);
        }
        for (String op : OPERATORS) {
            int at = topLevelIndex(blanked, op);
            if (at < 0) {
                continue;
            }
            String left = conjunct.substring(0, at).strip();
            String right = conjunct.substring(at + op.length()).strip();
            String o = op.strip();
            if (o.equals("<>")) {
                return other(conjunct);
            }
            Atom a = compare(conjunct, left, right, o);
            if (a.kind() == Kind.OTHER && !o.equals("= ANY")) {
                Atom flipped = compare(conjunct, right, left, o);
                if (flipped.kind() != Kind.OTHER) {
                    return flipped;
                }
            }
            return a;
        }
        return other(conjunct);
    }

    private static Atom compare(String text, String indexed, String value, String op) {
        Set<ColumnRef> left = columns(indexed);
        Set<ColumnRef> right = columns(value);
        if (left.size() != 1 || value.contains("SubPlan")) {
            return other(text);
        }
        ColumnRef col = left.iterator().next();
        Matcher plain = PLAIN_COLUMN.matcher(indexed);
        boolean isPlain = plain.matches();
        String expression = isPlain ? null : withoutAlias(stripParens(indexed), col.alias());
        if (!isPlain && (expression.contains("SubPlan") || expression.contains("$"))) {
            return other(text);
        }
        Kind kind = op.equals("=") || op.equals("= ANY") ? Kind.EQUALITY : Kind.RANGE;
        if (right.isEmpty()) {
            boolean constant = !PARAM.matcher(value).matches();
            return new Atom(text, kind, isPlain ? col : null, expression, null, constant);
        }
        if (right.size() == 1 && op.equals("=") && isPlain) {
            ColumnRef other = right.iterator().next();
            if (!other.alias().equals(col.alias()) && PLAIN_COLUMN.matcher(value).matches()) {
                return new Atom(text, Kind.JOIN, col, null, other, false);
            }
        }
        return other(text);
    }

    private static Atom other(String text) {
        return new Atom(text, Kind.OTHER, null, null, null, false);
    }

    /** Removes {@code alias.} qualifiers of one alias from an expression (so it can go into CREATE INDEX). */
    static String withoutAlias(String expression, String alias) {
        Matcher m = COLUMN.matcher(blankLiterals(expression));
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (m.group(1).equals(alias)) {
                sb.append(expression, last, m.start()).append(expression, m.start(2), m.end(2));
                last = m.end();
            }
        }
        return sb.append(expression.substring(last)).toString();
    }

    /** Replaces the inside of '...' literals with spaces, keeping positions. */
    static String blankLiterals(String s) {
        StringBuilder sb = new StringBuilder(s);
        boolean inLiteral = false;
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == '\'') {
                inLiteral = !inLiteral;
            } else if (inLiteral) {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    static String stripParens(String text) {
        String s = text.strip();
        while (s.startsWith("(") && s.endsWith(")") && matchingClose(blankLiterals(s), 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static int matchingClose(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String text, String separator) {
        String blanked = blankLiterals(text);
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = blanked.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && blanked.startsWith(separator, i)) {
                parts.add(text.substring(start, i).strip());
                start = i + separator.length();
                i = start - 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    private static int topLevelIndex(String blanked, String op) {
        int depth = 0;
        for (int i = 0; i < blanked.length(); i++) {
            char c = blanked.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && blanked.startsWith(op, i)) {
                return i;
            }
        }
        return -1;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
