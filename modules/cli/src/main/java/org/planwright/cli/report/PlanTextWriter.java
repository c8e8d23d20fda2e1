package org.planwright.cli.report;

import java.io.PrintWriter;

/**
 * Human-readable {@code planwright plan} report: per file a line {@code file: ok (json, 12 345 bytes)} or
 * {@code file: not read, error at line L, column C (see standard error)} (the command prints the message itself
 * on standard error, once), then the plan summary and insights indented as in {@code explain}; a
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
            // the positioned message is on standard error (once): a terminal shows both streams
            out.printf("%s: not read, error at line %d, column %d (see standard error)%n", r.file(), r.error().line(),
                    r.error().column());
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
