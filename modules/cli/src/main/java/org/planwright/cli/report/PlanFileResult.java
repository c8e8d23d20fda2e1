package org.planwright.cli.report;

import java.util.List;

/**
 * The outcome of reading one plan file with {@code planwright plan}. Exactly one of {@code plan} / {@code error}
 * is non-null: {@code plan} when {@code status} is {@link StatementStatus#OK}, {@code error} when it is
 * {@link StatementStatus#FAILED} ({@code SKIPPED} is not used).
 *
 * @param file     the file as given on the command line; {@code "-"} for standard input
 * @param bytes    the file's size in bytes (UTF-8)
 * @param format   "json" or "text": the plan format detected; null when the plan could not be read
 * @param status   ok or failed
 * @param error    where and why the plan could not be read; null unless failed
 * @param plan     the plan's headline numbers; null unless ok
 * @param insights the findings about the plan, highest score first; empty unless ok
 */
public record PlanFileResult(String file, long bytes, String format, StatementStatus status, PlanFileError error,
                             PlanSummary plan, List<InsightResult> insights) {

    public PlanFileResult {
        insights = List.copyOf(insights);
    }
}
