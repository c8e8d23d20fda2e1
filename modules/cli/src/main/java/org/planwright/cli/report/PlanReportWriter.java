package org.planwright.cli.report;

/**
 * Writes the report of {@code planwright plan} as it is produced: {@link #start}, one {@link #plan} per file in
 * command-line order, then {@link #finish}. Implementations write to a {@link java.io.PrintWriter} and flush after
 * each call. Not thread-safe: one run, one thread. The JSON shape is documented in {@code docs/cli-json-output.md}
 * ("planwright plan").
 */
public interface PlanReportWriter {

    /** The value of the JSON report's {@code command} field for this report. */
    String COMMAND = "plan";

    /**
     * @param planwrightVersion the CLI's version, e.g. "0.1.0-SNAPSHOT"
     */
    void start(String planwrightVersion);

    /**
     * @param result the next file's result
     */
    void plan(PlanFileResult result);

    /**
     * @param summary the counts over the run
     */
    void finish(PlanRunSummary summary);
}
