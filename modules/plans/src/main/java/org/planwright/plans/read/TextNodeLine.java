package org.planwright.plans.read;

import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import java.util.Map;

/**
 * Parses one node line of a text plan: the description, then "(cost=S..T rows=R width=W)", then "(actual
 * time=S..T rows=R loops=L)", "(actual rows=R loops=L)" (TIMING OFF) or "(never executed)". Hand-written
 * cursor, no regular expressions; errors name the expected token and its position.
 */
final class TextNodeLine {

    private final TextLines.Logical line;
    private final String text;
    private int pos;

    private TextNodeLine(TextLines.Logical line, int start) {
        this.line = line;
        this.text = line.text.toString();
        this.pos = start;
    }

    /** @return index of the first estimate group in {@code s}, or -1 */
    static int groupStart(String s) {
        int best = -1;
        for (String g : new String[] {"(cost=", "(actual ", "(actual)", "(never executed)"}) {
            int i = s.indexOf(g);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * @param line  logical line
     * @param start index of the description's first character (after any "->")
     * @return the node's properties in JSON-format keys
     * @throws PlanParseException if an estimate group is malformed
     */
    static Map<String, Object> parse(TextLines.Logical line, int start) {
        return new TextNodeLine(line, start).parse();
    }

    private Map<String, Object> parse() {
        int g = groupStart(text.substring(pos));
        String description = g < 0 ? text.substring(pos) : text.substring(pos, pos + g);
        Map<String, Object> p = NodeTypes.describe(description);
        if (g < 0) {
            return p;
        }
        pos += g;
        while (true) {
            skipSpaces();
            if (pos >= text.length()) {
                return p;
            }
            if (text.startsWith("(cost=", pos)) {
                pos += 6;
                p.put("Startup Cost", number("a startup cost"));
                expect("..");
                p.put("Total Cost", number("a total cost"));
                expect(" rows=");
                p.put("Plan Rows", number("an estimated row count"));
                expect(" width=");
                p.put("Plan Width", number("a row width"));
                expect(")");
            } else if (text.startsWith("(never executed)", pos)) {
                pos += 16;
                p.put("Actual Rows", 0L);
                p.put("Actual Loops", 0L);
            } else if (text.startsWith("(actual", pos)) {
                pos += 7;
                actual(p);
                expect(")");
            } else {
                throw line.error(pos, "expected \"(cost=\", \"(actual\" or the end of the line after the node, found "
                        + snippet());
            }
        }
    }

    /** "time=S..T rows=R loops=L" or "rows=R loops=L", after "actual" (also used for "Worker N:" lines). */
    void actual(Map<String, Object> p) {
        skipSpaces();
        if (text.startsWith("time=", pos)) {
            pos += 5;
            p.put("Actual Startup Time", number("an actual startup time").doubleValue());
            expect("..");
            p.put("Actual Total Time", number("an actual total time").doubleValue());
            skipSpaces();
        }
        expect("rows=");
        p.put("Actual Rows", number("an actual row count"));
        expect(" loops=");
        p.put("Actual Loops", number("a loop count"));
    }

    /** Parses "actual time=.. rows=.. loops=.." at {@code start} of a worker line; returns the index after it. */
    static int worker(TextLines.Logical line, int start, Map<String, Object> worker) {
        TextNodeLine t = new TextNodeLine(line, start + "actual".length());
        t.actual(worker);
        return t.pos;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private void expect(String token) {
        String t = token.strip();
        if (token.startsWith(" ")) {
            if (pos >= text.length() || text.charAt(pos) != ' ') {
                throw line.error(pos, "expected \"" + t + "\", found " + snippet());
            }
            skipSpaces();
        }
        if (!text.startsWith(t, pos)) {
            throw line.error(pos, "expected \"" + t + "\", found " + snippet());
        }
        pos += t.length();
    }

    private Number number(String what) {
        int s = pos;
        // costs, rows, widths, times and loops are never negative: a '-' here is damage, not a sign
        while (pos < text.length() && (Character.isDigit(text.charAt(pos))
                || (text.charAt(pos) == '.' && !text.startsWith("..", pos)))) {
            pos++;
        }
        Number n = TextDetails.number(text.substring(s, pos));
        if (n == null) {
            throw line.error(s, "expected " + what + ", found " + snippet(s));
        }
        return n;
    }

    private String snippet() {
        return snippet(pos);
    }

    private String snippet(int at) {
        if (at >= text.length()) {
            return "the end of the line";
        }
        return "\"" + text.substring(at, Math.min(text.length(), at + 20)) + "\"";
    }
}
