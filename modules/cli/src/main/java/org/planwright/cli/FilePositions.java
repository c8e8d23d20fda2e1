package org.planwright.cli;

import org.planwright.sqltext.LineIndex;
import org.planwright.sqltext.SqlLexer;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.SqlToken;

/** Converts positions within a statement's text to positions in its file. Stateless and thread-safe. */
final class FilePositions {

    /**
     * A 1-based line and column in a file.
     *
     * @param line   1-based line
     * @param column 1-based column (UTF-16 chars)
     */
    record Position(int line, int column) {
    }

    private FilePositions() {
    }

    /**
     * @param statement a statement with its place in the file
     * @param line      1-based line within the statement's text
     * @param column    1-based column within that line
     * @return the same place in the file
     */
    static Position inFile(SqlStatement statement, int line, int column) {
        return new Position(statement.line() + line - 1, line == 1 ? statement.column() + column - 1 : column);
    }

    /**
     * @param statement a statement that may start with comments
     * @return where its first token that is not a comment is (its start when it is all comments)
     */
    static Position firstToken(SqlStatement statement) {
        for (SqlToken t : SqlLexer.tokenize(statement.text())) {
            if (!t.isTrivia()) {
                LineIndex index = new LineIndex(statement.text());
                return inFile(statement, index.line(t.start()), index.column(t.start()));
            }
        }
        return new Position(statement.line(), statement.column());
    }

    /**
     * @param statement a statement
     * @return its text from the first token that is not a comment, for one-line display
     */
    static String withoutLeadingComments(SqlStatement statement) {
        for (SqlToken t : SqlLexer.tokenize(statement.text())) {
            if (!t.isTrivia()) {
                return statement.text().substring(t.start());
            }
        }
        return statement.text();
    }
}
