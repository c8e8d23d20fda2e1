package org.planwright.plans.read;

import org.planwright.plans.PlanParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the cleaned physical lines of a text plan into logical lines: tabs expanded to 4 columns (as PEV2
 * does), quotes that pgAdmin puts around each line removed, and lines that were wrapped by a terminal or a
 * mail client joined again (PEV2's {@code splitIntoLines} rules: unbalanced parentheses, a line that starts
 * in column 1 or with a parenthesis, a list cut after a comma). Each character keeps its original line and
 * column for error messages.
 */
final class TextLines {

    /** One logical line; {@code line(i)} and {@code column(i)} give the 1-based source position of char i. */
    static final class Logical {
        final StringBuilder text = new StringBuilder();
        private int[] lines = new int[16];
        private int[] columns = new int[16];
        private int depth;
        private boolean quoted;

        void append(char c, int line, int column) {
            int n = text.length();
            if (n == lines.length) {
                lines = java.util.Arrays.copyOf(lines, n * 2);
                columns = java.util.Arrays.copyOf(columns, n * 2);
            }
            lines[n] = line;
            columns[n] = column;
            text.append(c);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
        }

        /** @return true if more parentheses were opened than closed (outside quotes): the line was wrapped */
        boolean unbalanced() {
            return depth > 0;
        }

        int line(int index) {
            return text.isEmpty() ? 1 : lines[Math.clamp(index, 0, text.length() - 1)];
        }

        /** @return 1-based source column of char {@code index}; one past the last char for the line's end */
        int column(int index) {
            if (text.isEmpty()) {
                return 1;
            }
            return index >= text.length() ? columns[text.length() - 1] + 1 : columns[Math.max(0, index)];
        }

        int indent() {
            int i = 0;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            return i;
        }

        String content() {
            return text.toString().strip();
        }

        PlanParseException error(int index, String message) {
            return new PlanParseException(line(index), column(index), message);
        }
    }

    /** Starts of lines that are never the continuation of a wrapped line (PEV2 list plus newer keys). */
    private static final List<String> LINE_STARTS = List.of("total runtime", "planning", "execution time",
            "time", "filter", "output", "jit", "trigger", "settings", "query", "serialization", "memory");

    private TextLines() {
    }

    static List<Logical> of(String[] physical) {
        List<Logical> out = new ArrayList<>();
        Logical prev = null;
        for (int ln = 0; ln < physical.length; ln++) {
            Logical cur = expand(physical[ln], ln + 1);
            if (cur.content().isEmpty()) {
                prev = null;
                continue;
            }
            if (prev != null && continues(prev, cur)) {
                for (int i = 0; i < cur.text.length(); i++) { // as PEV2: the continuation as is, spaces too
                    prev.append(cur.text.charAt(i), cur.line(i), cur.column(i));
                }
            } else {
                out.add(cur);
                prev = cur;
            }
        }
        return out;
    }

    private static boolean continues(Logical prev, Logical cur) {
        if (prev.unbalanced()) {
            return true;
        }
        String c = cur.content();
        if (c.startsWith("->")) {
            return false;
        }
        String lower = c.toLowerCase(java.util.Locale.ROOT);
        if (LINE_STARTS.stream().anyMatch(lower::startsWith)) {
            return false;
        }
        if (cur.indent() == 0 || c.startsWith("(") || closingFirst(c)) {
            return true;
        }
        return endsWithComma(prev.text) && prev.indent() != cur.indent() && !c.startsWith("->");
    }

    private static boolean endsWithComma(StringBuilder b) {
        int i = b.length() - 1;
        while (i >= 0 && b.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && b.charAt(i) == ',';
    }

    private static boolean closingFirst(String s) {
        int close = s.indexOf(')');
        int open = s.indexOf('(');
        return close >= 0 && (open < 0 || close < open);
    }

    private static Logical expand(String raw, int lineNo) {
        Logical l = new Logical();
        String s = unquote(raw);
        int col = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') { // to the next tab stop of 8 columns, as terminals and expand(1) do
                do {
                    l.append(' ', lineNo, i + 1);
                    col++;
                } while (col % 8 != 0);
            } else {
                col++;
                l.append(c, lineNo, i + 1);
            }
        }
        return l;
    }

    /**
     * pgAdmin / spreadsheet pastes: a quote at the start of the line and the same quote at its end (double quotes
     * doubled inside are single again); a single double quote left at the end of a line (odd count) is dropped
     * too.
     */
    private static String unquote(String s) {
        int first = 0;
        while (first < s.length() && Character.isWhitespace(s.charAt(first))) {
            first++;
        }
        if (first >= s.length() || (s.charAt(first) != '"' && s.charAt(first) != '\'')) {
            String t = s.stripTrailing();
            if (t.endsWith("\"") && t.chars().filter(ch -> ch == '"').count() % 2 == 1
                    && t.chars().filter(ch -> ch == '\'').count() % 2 == 0) { // not inside a wrapped '...' literal
                return t.substring(0, t.length() - 1); // a quote left at the end of a line by a copy from a grid
            }
            return s;
        }
        char q = s.charAt(first);
        String t = s.stripTrailing();
        if (t.length() - 1 <= first || t.charAt(t.length() - 1) != q) {
            return s; // a quote only at the start: a wrapped continuation such as "LG PACK","LG PKG"}'
        }
        StringBuilder b = new StringBuilder(s);
        b.setCharAt(first, ' ');
        b.setCharAt(t.length() - 1, ' ');
        String inner = b.toString();
        // a grid copy (pgAdmin, CSV) doubles the quote inside a quoted cell: "... ANY ('{""SM CASE""}') ..."
        return q == '"' ? inner.replace("\"\"", "\"") : inner;
    }
}
