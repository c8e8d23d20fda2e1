package org.planwright.cli.report;

import java.io.PrintWriter;

/**
 * GitHub-flavoured Markdown {@code planwright plan} report: a level-1 title, a level-2 heading per file with the
 * plan summary as a list and the insights as a table, as in {@code explain}.
 */
final class PlanMarkdownWriter implements PlanReportWriter {

    private final PrintWriter out;

    PlanMarkdownWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void start(String planwrightVersion) {
        out.println("# Planwright plan report");
        out.println();
        out.println("- Planwright " + planwrightVersion);
        out.println();
        out.flush();
    }

    @Override
    public void plan(PlanFileResult r) {
        out.println("## " + MarkdownReportWriter.text(r.file()));
        out.println();
        if (r.status() == StatementStatus.OK) {
            out.println("- Format: " + r.format() + ", " + r.bytes() + " bytes");
            MarkdownReportWriter.writePlan(out, r.plan(), r.insights());
        } else {
            out.println("**Failed** at line " + r.error().line() + ", column " + r.error().column() + ": "
                    + MarkdownReportWriter.text(r.error().message()));
        }
        out.println();
        out.flush();
    }

    @Override
    public void finish(PlanRunSummary s) {
        out.println("---");
        out.println();
        out.printf("%d plan files: %d ok, %d failed%n", s.plans(), s.ok(), s.failed());
        out.flush();
    }
}
