package org.planwright.sqltext;

import java.util.List;

/**
 * Rewrites one statement into text JSqlParser reads, keeping every character's offset, line and column:
 * comments become spaces (JSqlParser does not nest block comments), and escape strings ({@code E'...'}),
 * Unicode strings ({@code U&'...'}) and dollar-quoted strings become plain {@code '...'} strings of the same
 * length (JSqlParser reads neither backslash escapes nor every dollar-quote tag). Line breaks stay.
 * Stateless and thread-safe.
 */
public final class ParserInput {

    private ParserInput() {
    }

    /**
     * @param statement one statement
     * @param tokens    its tokens from {@link SqlLexer#tokenize(String)}
     * @return the text for JSqlParser, the same length as {@code statement}, offsets kept
     */
    public static String of(String statement, List<SqlToken> tokens) {
        StringBuilder out = null;
        for (SqlToken t : tokens) {
            boolean comment = t.type() == SqlToken.Type.COMMENT;
            boolean special = t.type() == SqlToken.Type.STRING && isEscapeUnicodeOrDollar(t.text());
            if (!comment && !special) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(statement);
            }
            for (int i = t.start(); i < t.end(); i++) {
                char c = statement.charAt(i);
                out.setCharAt(i, c == '\n' || c == '\r' ? c : comment ? ' ' : 'x');
            }
            if (special) {
                // E'..' and U&'..': the prefix becomes spaces; $tag$..$tag$: the first character becomes the quote
                int open = t.text().charAt(0) == '$' ? t.start() : t.start() + t.text().indexOf('\'');
                for (int i = t.start(); i < open; i++) {
                    out.setCharAt(i, ' ');
                }
                out.setCharAt(open, '\'');
                out.setCharAt(t.end() - 1, '\'');
            }
        }
        return out == null ? statement : out.toString();
    }

    private static boolean isEscapeUnicodeOrDollar(String s) {
        char c = s.charAt(0);
        return c == '$' || c == 'E' || c == 'e' || ((c == 'U' || c == 'u') && s.length() > 1 && s.charAt(1) == '&');
    }
}
