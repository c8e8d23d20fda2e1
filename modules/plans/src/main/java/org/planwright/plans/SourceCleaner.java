package org.planwright.plans;

/**
 * Removes the framing people paste around plans — psql's "QUERY PLAN" header, separator and border lines,
 * "+" continuation marks, and the "(N rows)" footer — line by line, keeping
 * the number of lines and the columns of the remaining characters, so that error positions still point into
 * the text the user pasted. The patterns are those of PEV2's {@code cleanupSource} (plan-service.ts),
 * implemented without regular expressions (no backtracking on hostile input).
 */
final class SourceCleaner {

    private SourceCleaner() {
    }

    /** @return the cleaned lines of {@code text} (same count as its lines; '\r' dropped, tabs kept) */
    static String[] clean(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.endsWith("\r")) {
                l = l.substring(0, l.length() - 1);
            }
            lines[i] = cleanLine(l);
        }
        return lines;
    }

    private static String cleanLine(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.equals("QUERY PLAN") || isSeparator(t) || isRowCount(t)) {
            return "";
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
            if (inner.equals("QUERY PLAN")) {
                return "";
            }
            last = lastNonBlank(c);
        } else if (last > first && isBorder(c[last]) && c[last - 1] == ' ') {
            c[last] = ' ';
            last = lastNonBlank(c);
        }
        if (last > 0 && c[last] == '+') {
            c[last] = ' '; // psql continuation mark (aligned output pads with spaces; a long line has none)
            last = lastNonBlank(c);
        }
        return new String(c).stripTrailing();
    }

    private static boolean isBorder(char ch) {
        return ch == '|' || ch == '║' || ch == '│';
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
