package org.planwright.app.compare;

import org.planwright.plans.report.ComparisonReport;
import org.planwright.plans.report.HtmlReport;
import org.planwright.plans.report.JsonReport;
import org.planwright.plans.report.MarkdownReport;
import org.planwright.plans.report.PlanReport;

/** The report formats of File &gt; Export report, rendered by the plans module's {@code report} package. */
public enum ReportKind {
    /** GitHub-flavoured Markdown. */
    MARKDOWN("Markdown", "md"),
    /** One self-contained HTML file (inline CSS, no external links). */
    HTML("HTML", "html"),
    /** JSON, the shape of docs/cli-json-output.md. */
    JSON("JSON", "json");

    private final String label;
    private final String extension;

    ReportKind(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    /** @return e.g. "HTML" */
    public String label() {
        return label;
    }

    /** @return the file extension without the dot, e.g. "md" */
    public String extension() {
        return extension;
    }

    /** @return the report of one plan in this format */
    public String render(PlanReport r) {
        return switch (this) {
            case MARKDOWN -> MarkdownReport.plan(r);
            case HTML -> HtmlReport.plan(r);
            case JSON -> JsonReport.plan(r);
        };
    }

    /** @return the report of a comparison in this format */
    public String render(ComparisonReport r) {
        return switch (this) {
            case MARKDOWN -> MarkdownReport.comparison(r);
            case HTML -> HtmlReport.comparison(r);
            case JSON -> JsonReport.comparison(r);
        };
    }
}
