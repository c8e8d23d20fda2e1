package org.planwright.sqltext;

import java.util.List;
import java.util.Locale;

/**
 * One statement cut from a script, with its place in that script.
 *
 * @param text        the statement without its terminating semicolon, leading/trailing whitespace trimmed
 * @param startOffset offset of the statement's first character in the script (0-based, UTF-16 chars)
 * @param endOffset   offset one past its last character (before any semicolon)
 * @param line        1-based line of {@code startOffset} in the script
 * @param column      1-based column of {@code startOffset} in the script
 * @param kind        what the statement does
 */
public record SqlStatement(String text, int startOffset, int endOffset, int line, int column, StatementKind kind) {

    /**
     * Classifies a single statement without its position (offset 0, line 1, column 1).
     *
     * @param sql one statement; a trailing semicolon is allowed
     * @return the statement
     */
    public static SqlStatement of(String sql) {
        List<SqlStatement> all = SqlScript.split(sql);
        if (all.isEmpty()) {
            return new SqlStatement("", 0, 0, 1, 1, StatementKind.EMPTY);
        }
        return all.getFirst();
    }

    /** @return the first command word in upper case (e.g. "SELECT", "WITH"), or "" for an empty statement */
    public String command() {
        for (SqlToken t : SqlLexer.tokenize(text)) {
            if (t.type() == SqlToken.Type.WORD) {
                return t.text().toUpperCase(Locale.ROOT);
            }
            if (!t.isTrivia() && t.type() != SqlToken.Type.OPEN_PAREN) {
                return "";
            }
        }
        return "";
    }
}
