package org.planwright.cli.report;

import java.util.List;

/**
 * The outcome of explaining one statement of one file. Exactly one of {@code plan} / {@code error} /
 * {@code skipReason} is non-null, according to {@code status}.
 *
 * @param file       the file as given on the command line, or relative to the folder given
 * @param statement  1-based number of the statement within its file
 * @param line       1-based line of the statement's first character in the file
 * @param column     1-based column of the statement's first character
 * @param kind       the statement kind in lower case ("query", "insert", "ddl", "utility"...)
 * @param sql        the statement's text, without its terminating semicolon
 * @param status     ok, failed or skipped
 * @param skipReason why it was skipped; null unless skipped
 * @param error      why it failed; null unless failed
 * @param plan       the plan's headline numbers; null unless ok
 * @param insights   the findings about the plan, highest score first; empty unless ok
 */
public record StatementResult(String file, int statement, int line, int column, String kind, String sql,
                              StatementStatus status, String skipReason, StatementError error, PlanSummary plan,
                              List<InsightResult> insights) {

    public StatementResult {
        insights = List.copyOf(insights);
    }

    /** @return the first non-blank line of {@link #sql()}, stripped */
    public String firstLine() {
        return sql.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
}
