package org.planwright.targetdb;

import org.planwright.sqltext.LineIndex;

/**
 * Where in a statement's text an error is.
 *
 * @param offset 0-based character offset (UTF-16 chars) in the statement text
 * @param line   1-based line within the statement
 * @param column 1-based column within that line
 */
public record ErrorPosition(int offset, int line, int column) {

    /**
     * @param statement the statement text as sent
     * @param position  PostgreSQL's 1-based character position ({@code ServerErrorMessage.getPosition()}); 0 or
     *                  less means "none"
     * @return the position, or null when the server gave none
     */
    static ErrorPosition fromServerPosition(String statement, int position) {
        if (position <= 0 || statement == null) {
            return null;
        }
        int offset = codePointsToChars(statement, position - 1);
        LineIndex index = new LineIndex(statement);
        return new ErrorPosition(offset, index.line(offset), index.column(offset));
    }

    /** PostgreSQL counts characters (code points); Java strings count UTF-16 units. */
    private static int codePointsToChars(String s, int codePoints) {
        int count = Math.min(codePoints, s.codePointCount(0, s.length()));
        return s.offsetByCodePoints(0, count);
    }
}
