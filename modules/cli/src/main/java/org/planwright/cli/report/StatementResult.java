package org.planwright.cli.report;

import java.util.List;

/**
 * The outcome of explaining one statement of one file. Exactly one of {@code plan} / {@code error} /
 * {@code skipReason} is non-null, according to {@code status}.
 *
 * @param file       the file as given on the command line, or relative to the folder given
 * @param statement  1-based number of the statement within its file
 * @param line       1-based line in the file of the statement's first token that is not a comment
 * @param column     1-based column of that token
 * @param kind       the statement kind in lower case ("query", "insert", "ddl", "utility"...)
 * @param sql        the statement's text as in the file (leading comments included), without its terminating
 *                   semicolon
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

    /** @return the first line of {@link #sql()} that is neither blank nor a comment line, stripped */
    public String firstLine() {
        return sql.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("--") && !(l.startsWith("/*") && l.endsWith("*/")))
                .findFirst().orElse(sql.strip().lines().findFirst().orElse(""));
    }
}
