package org.planwright.plans.read;

/**
 * Removes the framing people paste around plans — psql's "QUERY PLAN" header, separator and border lines (ascii,
 * old-ascii and unicode line styles, borders 0-2), "+" / "↵" newline marks, and the "(N rows)" footer — line by
 * line, keeping the number of lines and the columns of the remaining characters, so that error positions still
 * point into the text the user pasted. Two psql layouts need more than one line: the wrapped format
 * ({@code \pset format wrapped}) cuts long lines with a "." (ascii) or "…" (unicode) mark at the end of the cut
 * line and at the left margin of the next, which are joined back (the joined line keeps the first line's
 * number, the second line becomes blank); the expanded format ({@code \x}) prefixes rows with "QUERY PLAN |"
 * and separates them with "-[ RECORD n ]---" lines, which are blanked. The one-line patterns are those of PEV2's
 * {@code cleanupSource} (plan-service.ts); psql's marks are those of its {@code print.c}. No regular expressions
 * (no backtracking on hostile input).
 */
final class SourceCleaner {

    private SourceCleaner() {
    }

    /** @return the cleaned lines of {@code text} (same count as its lines; '\r' dropped, tabs kept) */
    static String[] clean(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) {
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
        rightBorderGrid(lines);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = cleanLine(lines[i]);
        }
        joinWrapped(lines);
        return lines;
    }

    /**
     * DBeaver's text view and export: "QUERY PLAN    |" over a "-------+" rule, each value padded to the column
     * width and followed by "|" (the longest with no blank before it). The "|" in that column is blanked.
     */
    private static void rightBorderGrid(String[] lines) {
        int head = 0;
        while (head < lines.length && lines[head].isBlank()) {
            head++;
        }
        if (head + 1 >= lines.length) {
            return;
        }
        String h = lines[head].stripTrailing();
        String rule = lines[head + 1].strip();
        if (!h.startsWith("QUERY PLAN") || !h.endsWith("|") || !rule.endsWith("+") || !isSeparator(rule)) {
            return;
        }
        int col = h.length() - 1;
        for (int i = head; i < lines.length; i++) {
            String l = lines[i];
            if (l.length() > col && l.charAt(col) == '|' && l.substring(col + 1).isBlank()) {
                lines[i] = l.substring(0, col);
            }
        }
    }

    /** psql's wrapped format: "...cut." + ".rest" (ascii) or "...cut…" + "…rest" (unicode), at the margin. */
    private static void joinWrapped(String[] lines) {
        if (!allHaveMargin(lines)) {
            return; // not psql's wrapped layout (e.g. a terminal's hard wrap, whose lines start in column 0)
        }
        for (int i = 0; i < lines.length - 1; i++) {
            String l = lines[i];
            if (l.isEmpty()) {
                continue;
            }
            char mark = l.charAt(l.length() - 1);
            if (mark != '.' && mark != '…') {
                continue;
            }
            int j = i + 1;
            StringBuilder joined = null;
            while (j < lines.length && continues(lines[j], mark)) {
                String next = lines[j];
                int at = marginMark(next);
                if (joined == null) {
                    joined = new StringBuilder(l);
                }
                joined.setLength(joined.length() - 1);
                joined.append(next, at + 1, next.length());
                lines[j] = "";
                j++;
                if (joined.isEmpty() || joined.charAt(joined.length() - 1) != mark) {
                    break;
                }
            }
            if (joined != null) {
                lines[i] = joined.toString();
                i = j - 1;
            }
        }
    }

    /** psql's aligned output (border 1 or 2) starts every value line with a margin blank or a wrap mark. */
    private static boolean allHaveMargin(String[] lines) {
        boolean marks = false;
        for (String l : lines) {
            if (l.isEmpty()) {
                continue;
            }
            int m = marginMark(l);
            if (m >= 0 && (l.charAt(m) == '.' || l.charAt(m) == '…')) {
                marks = true;
            } else if (!Character.isWhitespace(l.charAt(0))) {
                return false;
            }
        }
        return marks;
    }

    private static boolean continues(String line, char mark) {
        int at = marginMark(line);
        return at >= 0 && line.charAt(at) == mark;
    }

    /** @return the column of the first non-blank character if it is in the left margin (column 0 or 1), else -1 */
    private static int marginMark(String line) {
        for (int i = 0; i < line.length() && i < 2; i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String cleanLine(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.equals("QUERY PLAN") || t.equals("\"QUERY PLAN\"") || isSeparator(t) || isRowCount(t)
                || isRecordHeader(t) || t.equals("EXPLAIN") || t.equals("| EXPLAIN |") || isMySqlRowHeader(t)) {
            return "";
        }
        if (line.startsWith("EXPLAIN: ")) { // the mysql client's vertical output (\G)
            line = " ".repeat("EXPLAIN: ".length()) + line.substring("EXPLAIN: ".length());
            t = line.strip();
        }
        if (t.startsWith("QUERY PLAN") && line.startsWith("QUERY PLAN")) { // expanded: "QUERY PLAN | value"
            int bar = "QUERY PLAN".length();
            while (bar < line.length() && line.charAt(bar) == ' ') {
                bar++;
            }
            if (bar < line.length() && isBorder(line.charAt(bar))) {
                line = " ".repeat(bar + 1) + line.substring(bar + 1);
                t = line.strip();
                if (t.isEmpty()) {
                    return "";
                }
            }
        }
        char[] c = line.toCharArray();
        int first = firstNonBlank(c);
        int last = lastNonBlank(c);
        if (isBorder(c[first])) {
            c[first] = ' ';
            if (last > first && isBorder(c[last])) {
                c[last] = ' ';
            }
            String inner = new String(c).strip();
            if (inner.equals("QUERY PLAN") || inner.equals("EXPLAIN")) {
                return "";
            }
            last = lastNonBlank(c);
        } else if (last > first && isBorder(c[last]) && c[last - 1] == ' ') {
            c[last] = ' ';
            last = lastNonBlank(c);
        }
        if (last > 0 && (c[last] == '+' || c[last] == '↵')) {
            c[last] = ' '; // psql continuation mark (aligned output pads with spaces; a long line has none)
            last = lastNonBlank(c);
        }
        return new String(c).stripTrailing();
    }

    private static boolean isBorder(char ch) {
        return ch == '|' || ch == '║' || ch == '│';
    }

    /** psql's expanded format: "-[ RECORD 12 ]-----" (ascii) or "─[ RECORD 12 ]─────" (unicode). */
    private static boolean isRecordHeader(String t) {
        return (t.startsWith("-[ RECORD ") || t.startsWith("─[ RECORD ") || t.startsWith("═[ RECORD ")
                || t.startsWith("+-[ RECORD ") || t.startsWith("┌─[ RECORD ") || t.startsWith("╔═[ RECORD "))
                && t.indexOf(']') > 0;
    }

    /** The mysql client's vertical output: "*************************** 1. row ***************************". */
    private static boolean isMySqlRowHeader(String t) {
        return t.startsWith("****") && t.endsWith("****") && t.contains(". row ");
    }

    private static boolean isSeparator(String t) {
        for (int i = 0; i < t.length(); i++) {
            if ("-+─═├┤╟╢╠╣╞╡└┘╚╝┌┐╔╗┼╪╫╬┬┴╤╧╥╨".indexOf(t.charAt(i)) < 0) {
                return false;
            }
        }
        return t.length() >= 2 || t.equals("-");
    }

    /** "(8 rows)", "(1 row)", "(8 lignes)". */
    private static boolean isRowCount(String t) {
        if (!t.startsWith("(") || !t.endsWith(")")) {
            return false;
        }
        int i = 1;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 1 || i >= t.length() || t.charAt(i) != ' ') {
            return false;
        }
        for (int j = i + 1; j < t.length() - 1; j++) {
            if (!Character.isLetter(t.charAt(j))) {
                return false;
            }
        }
        return t.length() - 1 > i + 1;
    }

    private static int firstNonBlank(char[] c) {
        for (int i = 0; i < c.length; i++) {
            if (!Character.isWhitespace(c[i])) {
                return i;
            }
        }
        return 0;
    }

    private static int lastNonBlank(char[] c) {
        for (int i = c.length - 1; i >= 0; i--) {
            if (!Character.isWhitespace(c[i])) {
                return i;
            }
        }
        return 0;
    }
}
