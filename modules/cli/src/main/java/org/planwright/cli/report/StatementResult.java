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

    /** Longest {@link #headline()}, in characters. */
    public static final int HEADLINE_LENGTH = 100;

    /**
     * @return the statement on one line for headings: comment lines left out, runs of white space as one space,
     *     cut to {@link #HEADLINE_LENGTH} characters with "..." when longer
     */
    public String headline() {
        String code = sql.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("--") && !(l.startsWith("/*") && l.endsWith("*/")))
                .reduce((a, b) -> a + " " + b).orElse(sql.strip())
                .replaceAll("\\s+", " ");
        return code.length() <= HEADLINE_LENGTH ? code : code.substring(0, HEADLINE_LENGTH - 3) + "...";
    }
}
