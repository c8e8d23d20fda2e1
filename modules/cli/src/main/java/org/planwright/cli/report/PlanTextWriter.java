package org.planwright.cli.report;

import java.io.PrintWriter;

/**
 * Human-readable {@code planwright plan} report: per file a line {@code file: ok (json, 12 345 bytes)} or
 * {@code file:line:column: message}, then the plan summary and insights indented as in {@code explain}; a
 * summary line at the end.
 */
final class PlanTextWriter implements PlanReportWriter {

    private final PrintWriter out;

    PlanTextWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void start(String planwrightVersion) {
        out.printf("planwright %s: plan files%n%n", planwrightVersion);
        out.flush();
    }

    @Override
    public void plan(PlanFileResult r) {
        if (r.status() == StatementStatus.OK) {
            out.printf("%s: %s (%s plan, %d bytes)%n", r.file(), r.status().label(), r.format(), r.bytes());
            TextReportWriter.writePlan(out, r.plan(), r.insights());
        } else {
            out.printf("%s%n", r.error().positioned(r.file()));
        }
        out.println();
        out.flush();
    }

    @Override
    public void finish(PlanRunSummary s) {
        out.printf("%d plan file%s: %d ok, %d failed%n", s.plans(), s.plans() == 1 ? "" : "s", s.ok(), s.failed());
        out.flush();
    }
}
