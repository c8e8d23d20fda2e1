package org.planwright.cli.report;

import java.io.PrintWriter;
import java.util.Objects;
import org.planwright.plans.report.ReportText;

/**
 * GitHub-flavoured Markdown report: a level-1 title, a level-2 heading per file, a level-3 heading per
 * statement with its plan summary as a list and its insights as a table.
 */
final class MarkdownReportWriter implements ReportWriter {

    private final PrintWriter out;
    private String currentFile;

    MarkdownReportWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void start(ReportHeader header) {
        ConnectionInfo c = header.connection();
        out.println("# Planwright " + (header.options().analyze() ? "EXPLAIN ANALYZE" : "EXPLAIN") + " report");
        out.println();
        out.println("- Connection: `" + c.url() + "`" + (c.user() == null ? "" : " as `" + c.user() + "`"));
        if (c.serverVersion() != null) {
            out.println("- Server: PostgreSQL " + c.serverVersion());
        }
        out.println("- Planwright " + header.planwrightVersion());
        out.println();
        out.flush();
    }

    @Override
    public void statement(StatementResult r) {
        if (!Objects.equals(currentFile, r.file())) {
            currentFile = r.file();
            out.println("## " + text(r.file()));
            out.println();
        }
        out.printf("### Statement %d (line %d): %s%n%n", r.statement(), r.line(), r.status().label());
        out.println("```sql");
        out.println(ReportText.markdownCode(r.sql()));
        out.println("```");
        out.println();
        switch (r.status()) {
            case OK -> writePlan(out, r.plan(), r.insights());
            case FAILED -> writeError(r.error());
            case SKIPPED -> out.println("Skipped: " + text(r.skipReason()));
        }
        out.println();
        out.flush();
    }

    /** Writes a plan's summary as a list and its insights as a table (shared with the plan command). */
    static void writePlan(PrintWriter out, PlanSummary p, java.util.List<InsightResult> insights) {
        out.println("- Root node: " + text(p.rootNodeType()) + ", " + p.nodeCount() + " nodes");
        out.println((p.totalCost() == null ? "- No cost" : "- Total cost: " + Numbers.format(p.totalCost(), 2))
                + (p.planRows() == null ? "" : ", estimated rows: " + Numbers.format(p.planRows(), 0))
                + (p.actualRows() == null ? "" : ", actual rows: " + Numbers.format(p.actualRows(), 2)));
        if (p.planningTimeMs() != null) {
            out.println("- Planning time: " + Numbers.millis(p.planningTimeMs()));
        }
        if (p.executionTimeMs() != null) {
            out.println("- Execution time: " + Numbers.millis(p.executionTimeMs()));
        }
        out.println();
        if (insights.isEmpty()) {
            out.println("No insights.");
            return;
        }
        out.println("| Score | Kind | Title | Node | Explanation |");
        out.println("|---:|---|---|---|---|");
        for (InsightResult i : insights) {
            out.printf("| %d | %s | %s | %s | %s |%n", i.score(), cell(i.kind()), cell(i.title()),
                    i.node() == null ? "" : cell(TextReportWriter.nodeLabel(i)), cell(i.explanation()));
        }
    }

    private void writeError(StatementError e) {
        StringBuilder line = new StringBuilder("**Failed**");
        if (e.sqlState() != null) {
            line.append(" (SQLSTATE ").append(e.sqlState()).append(')');
        }
        if (e.line() != null) {
            line.append(" at line ").append(e.line());
            if (e.column() != null) {
                line.append(", column ").append(e.column());
            }
        }
        out.println(line.append(": ").append(text(e.message())));
    }

    @Override
    public void finish(Summary s) {
        out.println("---");
        out.println();
        out.printf("%d statements: %d ok, %d failed, %d skipped%n", s.statements(), s.ok(), s.failed(), s.skipped());
        out.flush();
    }

    /** Text outside tables: one line. */
    static String text(String s) {
        return ReportText.markdownLine(s);
    }

    /** Text inside a table cell: one line, pipes escaped. */
    private static String cell(String s) {
        return ReportText.markdownCell(s);
    }
}
