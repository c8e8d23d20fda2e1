package org.planwright.cli.report;

/**
 * Writes a report as it is produced: {@link #start}, then one {@link #statement} per statement in order, then
 * {@link #finish}. Implementations write to a {@link java.io.PrintWriter} and flush after each call so that a
 * long run shows progress. Not thread-safe: one run, one thread.
 */
public interface ReportWriter {

    /**
     * @param header the connection and options of the run
     */
    void start(ReportHeader header);

    /**
     * @param result the next statement's result
     */
    void statement(StatementResult result);

    /**
     * @param summary the counts over the run
     */
    void finish(Summary summary);
}
