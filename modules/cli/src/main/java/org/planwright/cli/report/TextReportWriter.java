package org.planwright.cli.report;

import java.io.PrintWriter;

/**
 * Human-readable report: a header line, then per statement a line {@code file #n (line l) status: first line}
 * followed by the plan summary and the insights, indented; a summary line at the end.
 */
final class TextReportWriter implements ReportWriter {

    private final PrintWriter out;

    TextReportWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void start(ReportHeader header) {
        ConnectionInfo c = header.connection();
        out.printf("planwright %s: %s on %s%s%s%n", header.planwrightVersion(),
                header.options().analyze() ? "EXPLAIN ANALYZE" : "EXPLAIN", c.url(),
                c.user() == null ? "" : " as " + c.user(),
                c.serverVersion() == null ? "" : " (PostgreSQL " + c.serverVersion() + ")");
        out.println();
        out.flush();
    }

    @Override
    public void statement(StatementResult r) {
        out.printf("%s #%d (line %d) %s: %s%n", r.file(), r.statement(), r.line(), r.status().label(), r.headline());
        switch (r.status()) {
            case OK -> writePlan(out, r.plan(), r.insights());
            case FAILED -> writeError(r.error());
            case SKIPPED -> out.printf("  skipped: %s%n", r.skipReason());
        }
        out.println();
        out.flush();
    }

    /** Writes a plan's summary line and its insights, indented by two spaces (shared with the plan command). */
    static void writePlan(PrintWriter out, PlanSummary p, java.util.List<InsightResult> insights) {
        StringBuilder line = new StringBuilder("  plan: ")
                .append(p.nodeCount()).append(p.nodeCount() == 1 ? " node" : " nodes")
                .append(", root ").append(p.rootNodeType())
                .append(p.totalCost() == null ? ", no cost" : ", total cost " + Numbers.format(p.totalCost(), 2))
                .append(p.planRows() == null ? "" : ", rows " + Numbers.format(p.planRows(), 0));
        if (p.actualRows() != null) {
            line.append(" (actual ").append(Numbers.format(p.actualRows(), 2)).append(')');
        }
        if (p.planningTimeMs() != null) {
            line.append(", planning ").append(Numbers.millis(p.planningTimeMs()));
        }
        if (p.executionTimeMs() != null) {
            line.append(", execution ").append(Numbers.millis(p.executionTimeMs()));
        }
        out.println(line);
        if (insights.isEmpty()) {
            out.println("  insights: none");
            return;
        }
        out.println("  insights:");
        for (InsightResult i : insights) {
            boolean titleNamesNode = i.nodeIds().isEmpty() || i.title().contains("(node " + i.nodeIds().getFirst() + ")");
            out.printf("    [%d] %s: %s%s%n", i.score(), i.kind(), i.title(),
                    titleNamesNode ? "" : "  (" + nodeLabel(i) + ")");
            if (i.explanation() != null && !i.explanation().isBlank()) {
                i.explanation().lines().forEach(l -> out.printf("        %s%n", l));
            }
        }
    }

    private void writeError(StatementError e) {
        StringBuilder line = new StringBuilder("  error");
        if (e.sqlState() != null) {
            line.append(' ').append(e.sqlState());
        }
        if (e.line() != null) {
            line.append(" at line ").append(e.line());
            if (e.column() != null) {
                line.append(", column ").append(e.column());
            }
        }
        out.println(line.append(": ").append(e.message()));
    }

    /** @return e.g. "node 3: Seq Scan on lineitem" */
    static String nodeLabel(InsightResult i) {
        return i.nodeIds().isEmpty() ? i.node() : "node " + i.nodeIds().getFirst() + ": " + i.node();
    }

    @Override
    public void finish(Summary s) {
        out.printf("%d statement%s: %d ok, %d failed, %d skipped%n", s.statements(), s.statements() == 1 ? "" : "s",
                s.ok(), s.failed(), s.skipped());
        out.flush();
    }
}
