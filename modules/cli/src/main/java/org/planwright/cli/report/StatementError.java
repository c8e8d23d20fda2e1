package org.planwright.cli.report;

/**
 * Why a statement failed.
 *
 * @param message  the server's (or parser's) message, one line
 * @param sqlState the five-character SQLSTATE (e.g. "42601" syntax_error, "42P01" undefined_table); null when
 *                 the error did not come from the server
 * @param line     1-based line in the file where the error points; null when the server gave no position
 * @param column   1-based column in the file where the error points; null when the server gave no position
 */
public record StatementError(String message, String sqlState, Integer line, Integer column) {
}
