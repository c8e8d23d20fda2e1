package org.planwright.plans.report;

import org.planwright.plans.Insight;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.compare.NodePair;
import org.planwright.plans.compare.PlanChange;
import org.planwright.plans.compare.PlanComparison;

/**
 * GitHub-flavoured Markdown reports: of one plan (summary, plan tree as a table, insights, query) and of a plan
 * comparison (verdict, totals, changes, matched nodes with their deltas, unmatched nodes). User text (query,
 * names, explanations) is kept on one line inside tables with pipes escaped, and the query cannot close its
 * code fence. Stateless and thread-safe.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /**
     * @param r the plan, its name and insights
     * @return the report, lines ending in "\n"
     */
    public static String plan(PlanReport r) {
        Plan p = r.plan();
        StringBuilder s = new StringBuilder();
        s.append("# Plan report: ").append(ReportText.markdownLine(r.name())).append("\n\n");
        s.append("- ").append(p.nodeCount()).append(" plan nodes, root ").append(p.root().displayType())
                .append(", total cost ").append(ReportText.number(p.root().totalCost().orElse(0), 2)).append('\n');
        p.planningTime().ifPresent(t -> s.append("- Planning time: ").append(ReportText.millis(t)).append('\n'));
        p.executionTime().ifPresent(t -> s.append("- Execution time: ").append(ReportText.millis(t)).append('\n'));
        s.append("\n## Plan\n\n");
        s.append("| # | Node | Exclusive (ms) | Share | Rows (actual / estimated) | Loops | Shared hit / read (blocks) |\n");
        s.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (PlanNode n : p.nodes()) {
            s.append("| ").append(n.id()).append(" | ").append("· ".repeat(ReportText.depth(n)))
                    .append(ReportText.markdownCell(ReportText.nodeName(n))).append(" | ")
                    .append(ReportText.number(n.exclusiveTime(), 3)).append(" | ")
                    .append(ReportText.number(n.executionShare() * 100, 1)).append("% | ")
                    .append(ReportText.number(n.totalActualRows(), 0)).append(" / ")
                    .append(ReportText.number(n.planRows().orElse(0), 0)).append(" | ")
                    .append(n.actualLoops().isPresent() ? Long.toString(n.actualLoops().getAsLong()) : "").append(" | ")
                    .append(n.exclusiveBuffers().sharedHit()).append(" / ").append(n.exclusiveBuffers().sharedRead())
                    .append(" |\n");
        }
        s.append("\n## Insights\n\n");
        if (r.insights().isEmpty()) {
            s.append("No insights.\n");
        } else {
            s.append("| Score | Node | Title | Explanation |\n|---:|---:|---|---|\n");
            for (Insight i : r.insights()) {
                s.append("| ").append(i.score()).append(" | ").append(i.nodeIds().getFirst()).append(" | ")
                        .append(ReportText.markdownCell(i.title())).append(" | ")
                        .append(ReportText.markdownCell(i.explanation())).append(" |\n");
            }
        }
        r.queryToShow().ifPresent(q -> s.append("\n## Query\n\n```sql\n").append(ReportText.markdownCode(q))
                .append("\n```\n"));
        return s.toString();
    }

    /**
     * @param r the comparison and the plans' names
     * @return the report, lines ending in "\n"
     */
    public static String comparison(ComparisonReport r) {
        PlanComparison c = r.comparison();
        StringBuilder s = new StringBuilder();
        s.append("# Plan comparison\n\n");
        s.append("- Before: ").append(ReportText.markdownLine(r.beforeName())).append('\n');
        s.append("- After: ").append(ReportText.markdownLine(r.afterName())).append('\n');
        s.append("- Verdict: **").append(TotalsTable.verdict(c)).append("**\n\n");
        s.append("## Totals\n\n| | Before | After | Change |\n|---|---:|---:|---:|\n");
        for (TotalsTable.Total t : TotalsTable.totals(c.totals())) {
            s.append("| ").append(t.label()).append(" | ").append(ReportText.number(t.delta().before(), t.digits()))
                    .append(" | ").append(ReportText.number(t.delta().after(), t.digits())).append(" | ")
                    .append(ReportText.signed(t.delta().difference(), t.digits())).append(" |\n");
        }
        s.append("\n## Changes\n\n");
        if (c.changes().isEmpty()) {
            s.append("No change: the plans have the same shape.\n");
        } else {
            s.append("| Change | Before node | After node | What |\n|---|---:|---:|---|\n");
            for (PlanChange ch : c.changes()) {
                s.append("| ").append(ReportLabels.kind(ch.kind())).append(" | ")
                        .append(ch.beforeNode().map(String::valueOf).orElse("")).append(" | ")
                        .append(ch.afterNode().map(String::valueOf).orElse("")).append(" | ")
                        .append(ReportText.markdownCell(ch.description())).append(" |\n");
            }
        }
        s.append("\n## Matched nodes\n\n");
        s.append("| Before | After | Exclusive ms | Rows | Loops | Shared hit | Shared read |\n");
        s.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (NodePair p : c.pairs()) {
            s.append("| ").append(p.before().id()).append(' ').append(ReportText.markdownCell(ReportText.nodeName(p.before())))
                    .append(" | ").append(p.after().id()).append(' ')
                    .append(ReportText.markdownCell(ReportText.nodeName(p.after()))).append(" | ")
                    .append(arrow(p.exclusiveTime().before(), p.exclusiveTime().after(), 3)).append(" | ")
                    .append(arrow(p.actualRows().before(), p.actualRows().after(), 0)).append(" | ")
                    .append(arrow(p.loops().before(), p.loops().after(), 0)).append(" | ")
                    .append(arrow(p.sharedHitBlocks().before(), p.sharedHitBlocks().after(), 0)).append(" | ")
                    .append(arrow(p.sharedReadBlocks().before(), p.sharedReadBlocks().after(), 0)).append(" |\n");
        }
        unmatched(s, "Only in the before plan", c.onlyBefore());
        unmatched(s, "Only in the after plan", c.onlyAfter());
        return s.toString();
    }

    private static void unmatched(StringBuilder s, String title, java.util.List<PlanNode> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        s.append("\n## ").append(title).append("\n\n");
        for (PlanNode n : nodes) {
            s.append("- ").append(n.id()).append(' ').append(ReportText.markdownLine(ReportText.nodeName(n)))
                    .append(", exclusive ").append(ReportText.millis(n.exclusiveTime())).append('\n');
        }
    }

    private static String arrow(double before, double after, int digits) {
        return before == after ? ReportText.number(before, digits)
                : ReportText.number(before, digits) + " → " + ReportText.number(after, digits);
    }
}
