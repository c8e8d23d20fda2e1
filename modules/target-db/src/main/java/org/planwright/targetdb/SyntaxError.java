package org.planwright.targetdb;

import java.util.Objects;

/**
 * An error the server reported when asked to parse (not run) a statement.
 *
 * @param message  the server's message, e.g. {@code syntax error at or near "FORM"}
 * @param sqlState the SQLSTATE: 42601 for grammar errors; other class 42 codes for unknown names
 *                 (42P01 undefined table, 42703 undefined column, 42883 undefined function)
 * @param position where in the statement; null when the server gave no position
 */
public record SyntaxError(String message, String sqlState, ErrorPosition position) {

    public SyntaxError {
        Objects.requireNonNull(message, "message");
    }

    /** @return true for a grammar error (42601, H2 42000/42001), false for an unknown table, column, ... */
    public boolean isGrammarError() {
        return "42601".equals(sqlState) || "42000".equals(sqlState) || "42001".equals(sqlState);
    }
}
