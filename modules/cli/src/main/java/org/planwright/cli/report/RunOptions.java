package org.planwright.cli.report;

/**
 * How the statements were explained.
 *
 * @param analyze            true for {@code EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS)}: statements ran
 *                           (data-changing ones inside a rolled-back transaction); false for plain {@code EXPLAIN}
 * @param statementTimeoutMs the server-side {@code statement_timeout} per statement, in milliseconds
 */
public record RunOptions(boolean analyze, long statementTimeoutMs) {
}
