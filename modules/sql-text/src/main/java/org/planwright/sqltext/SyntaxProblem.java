package org.planwright.sqltext;

/**
 * A syntax problem found in a script, positioned in that script.
 *
 * @param line        1-based line of {@code startOffset}
 * @param column      1-based column of {@code startOffset} (UTF-16 chars; a tab counts as one)
 * @param startOffset offset of the first character to mark (0-based, UTF-16 chars, into the whole script)
 * @param endOffset   offset one past the last character to mark; greater than {@code startOffset} unless the
 *                    script is empty
 * @param message     a short message in words, e.g. {@code unexpected FROM, expected a name or (}
 * @param confidence  how sure the finding is
 */
public record SyntaxProblem(int line, int column, int startOffset, int endOffset, String message,
                            Confidence confidence) {

    /** How sure a {@link SyntaxProblem} is. */
    public enum Confidence {
        /**
         * The text is broken whatever the server's grammar: an unterminated string, quoted identifier or
         * comment, or unbalanced parentheses. PostgreSQL would reject it too.
         */
        CERTAIN,
        /**
         * Only JSqlParser rejects the statement. JSqlParser does not know all PostgreSQL syntax: ask the
         * server (e.g. {@code PREPARE} or {@code EXPLAIN} in a rolled-back transaction) before calling it an
         * error.
         */
        UNSURE
    }
}
