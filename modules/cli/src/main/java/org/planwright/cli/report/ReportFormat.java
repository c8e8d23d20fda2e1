package org.planwright.cli.report;

import java.io.PrintWriter;

/** The output formats of {@code planwright explain --format} and {@code planwright plan --format}. */
public enum ReportFormat {
    /** Human-readable text, one block per statement. */
    TEXT,
    /** One JSON object, documented in {@code docs/cli-json-output.md}. */
    JSON,
    /** GitHub-flavoured Markdown: a heading per file, a table of insights per statement. */
    MARKDOWN;

    /**
     * @param out where the report goes (standard output in the CLI)
     * @return a fresh writer for one report
     */
    public ReportWriter writer(PrintWriter out) {
        return switch (this) {
            case TEXT -> new TextReportWriter(out);
            case JSON -> new JsonReportWriter(out);
            case MARKDOWN -> new MarkdownReportWriter(out);
        };
    }

    /**
     * @param out where the report goes (standard output in the CLI)
     * @return a fresh writer for one {@code planwright plan} report
     */
    public PlanReportWriter planWriter(PrintWriter out) {
        return switch (this) {
            case TEXT -> new PlanTextWriter(out);
            case JSON -> new PlanJsonWriter(out);
            case MARKDOWN -> new PlanMarkdownWriter(out);
        };
    }
}
