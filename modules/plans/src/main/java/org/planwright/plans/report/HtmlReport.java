package org.planwright.plans.report;

import org.planwright.plans.Insight;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.compare.Delta;
import org.planwright.plans.compare.NodePair;
import org.planwright.plans.compare.PlanChange;
import org.planwright.plans.compare.PlanComparison;

/**
 * Self-contained HTML5 reports: one file with its CSS inline, no scripts, no external links or fonts, so it can
 * be mailed or attached to a ticket. Every piece of text from a plan or a user (query, names, conditions,
 * explanations) goes through {@link ReportText#html}. Lower-is-better deltas are marked "better" (green) or
 * "worse" (red) beyond {@link PlanComparison#NOISE_FRACTION}. Stateless and thread-safe.
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#1f2328}
            h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #d0d7de}
            table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:3px 8px;vertical-align:top}
            th{background:#f6f8fa;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
            pre{background:#f6f8fa;padding:10px;overflow:auto}.better{background:#dafbe1}.worse{background:#ffebe9}
            .verdict{font-size:16px;font-weight:600}.score{font-weight:700}.muted{color:#656d76}
            """;

    private HtmlReport() {
    }

    /**
     * @param r the plan, its name and insights
     * @return a complete HTML document
     */
    public static String plan(PlanReport r) {
        Plan p = r.plan();
        StringBuilder s = head("Plan report: " + r.name());
        s.append("<h1>Plan report: ").append(ReportText.html(r.name())).append("</h1>\n<p>").append(p.nodeCount())
                .append(" plan nodes, total cost ").append(ReportText.number(p.root().totalCost().orElse(0), 2));
        p.planningTime().ifPresent(t -> s.append(", planning ").append(ReportText.millis(t)));
        p.executionTime().ifPresent(t -> s.append(", execution ").append(ReportText.millis(t)));
        s.append("</p>\n<h2>Plan</h2>\n<table><tr><th>#</th><th>Node</th><th>Exclusive ms</th><th>Share</th>"
                + "<th>Rows</th><th>Estimated</th><th>Loops</th><th>Shared hit</th><th>Shared read</th></tr>\n");
        for (PlanNode n : p.nodes()) {
            s.append("<tr><td class=\"n\">").append(n.id()).append("</td>").append(nodeCell(n))
                    .append(num(n.exclusiveTime(), 3)).append(num(n.executionShare() * 100, 1))
                    .append(num(n.totalActualRows(), 0)).append(num(n.planRows().orElse(0), 0))
                    .append(num(n.actualLoops().orElse(0), 0)).append(num(n.exclusiveBuffers().sharedHit(), 0))
                    .append(num(n.exclusiveBuffers().sharedRead(), 0)).append("</tr>\n");
        }
        s.append("</table>\n<h2>Insights</h2>\n");
        if (r.insights().isEmpty()) {
            s.append("<p>No insights.</p>\n");
        } else {
            s.append("<table><tr><th>Score</th><th>Node</th><th>Finding</th></tr>\n");
            for (Insight i : r.insights()) {
                s.append("<tr><td class=\"n score\">").append(i.score()).append("</td><td class=\"n\">")
                        .append(i.nodeIds().getFirst()).append("</td><td><b>").append(ReportText.html(i.title()))
                        .append("</b><br>").append(ReportText.html(i.explanation())).append("</td></tr>\n");
            }
            s.append("</table>\n");
        }
        r.queryToShow().ifPresent(q -> s.append("<h2>Query</h2>\n<pre>").append(ReportText.html(q)).append("</pre>\n"));
        return s.append("</body>\n</html>\n").toString();
    }

    /**
     * @param r the comparison and the plans' names
     * @return a complete HTML document
     */
    public static String comparison(ComparisonReport r) {
        PlanComparison c = r.comparison();
        StringBuilder s = head("Plan comparison");
        s.append("<h1>Plan comparison</h1>\n<p>Before: <b>").append(ReportText.html(r.beforeName()))
                .append("</b><br>After: <b>").append(ReportText.html(r.afterName())).append("</b></p>\n<p class=\"verdict ")
                .append(switch (c.verdict()) {
                    case FASTER -> "better";
                    case SLOWER -> "worse";
                    case SAME -> "";
                }).append("\">").append(ReportText.html(TotalsTable.verdict(c))).append("</p>\n");
        s.append("<h2>Totals</h2>\n<table><tr><th></th><th>Before</th><th>After</th><th>Change</th></tr>\n");
        for (TotalsTable.Total t : TotalsTable.totals(c.totals())) {
            String cls = t.lowerIsBetter() ? TotalsTable.trendClass(t.delta(), 0) : "";
            s.append("<tr><th>").append(ReportText.html(t.label())).append("</th>").append(num(t.delta().before(), t.digits()))
                    .append(num(t.delta().after(), t.digits())).append("<td class=\"n ").append(cls).append("\">")
                    .append(ReportText.signed(t.delta().difference(), t.digits())).append("</td></tr>\n");
        }
        s.append("</table>\n<h2>Changes</h2>\n");
        if (c.changes().isEmpty()) {
            s.append("<p>No change: the plans have the same shape.</p>\n");
        } else {
            s.append("<table><tr><th>Change</th><th>Before node</th><th>After node</th><th>What</th></tr>\n");
            for (PlanChange ch : c.changes()) {
                s.append("<tr><td>").append(ReportLabels.kind(ch.kind())).append("</td><td class=\"n\">")
                        .append(ch.beforeNode().map(String::valueOf).orElse("")).append("</td><td class=\"n\">")
                        .append(ch.afterNode().map(String::valueOf).orElse("")).append("</td><td>")
                        .append(ReportText.html(ch.description())).append("</td></tr>\n");
            }
            s.append("</table>\n");
        }
        s.append("<h2>Nodes side by side</h2>\n<table><tr><th>Before</th><th>Exclusive ms</th><th>Rows</th>"
                + "<th>Shared read</th><th>After</th></tr>\n");
        for (NodePair p : c.pairs()) {
            s.append("<tr>").append(nodeCell(p.before())).append(delta(p.exclusiveTime(), 3, PlanComparison.TIME_FLOOR_MS))
                    .append("<td class=\"n\">").append(arrow(p.actualRows(), 0)).append("</td>")
                    .append(delta(p.sharedReadBlocks(), 0, 0)).append(nodeCell(p.after())).append("</tr>\n");
        }
        for (PlanNode n : c.onlyBefore()) {
            s.append("<tr class=\"muted\">").append(nodeCell(n)).append("<td class=\"n\">")
                    .append(ReportText.number(n.exclusiveTime(), 3)).append("</td><td></td><td></td><td>(only before)</td></tr>\n");
        }
        for (PlanNode n : c.onlyAfter()) {
            s.append("<tr class=\"muted\"><td>(only after)</td><td class=\"n\">").append(ReportText.number(n.exclusiveTime(), 3))
                    .append("</td><td></td><td></td>").append(nodeCell(n)).append("</tr>\n");
        }
        return s.append("</table>\n</body>\n</html>\n").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(ReportText.html(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    }

    private static String nodeCell(PlanNode n) {
        return "<td style=\"padding-left:" + (8 + 16 * ReportText.depth(n)) + "px\">" + n.id() + " "
                + ReportText.html(ReportText.nodeName(n)) + "</td>";
    }

    private static String num(double v, int digits) {
        return "<td class=\"n\">" + ReportText.number(v, digits) + "</td>";
    }

    private static String delta(Delta d, int digits, double floor) {
        return "<td class=\"n " + TotalsTable.trendClass(d, floor) + "\">" + arrow(d, digits) + "</td>";
    }

    private static String arrow(Delta d, int digits) {
        return d.unchanged() ? ReportText.number(d.before(), digits)
                : ReportText.number(d.before(), digits) + " &rarr; " + ReportText.number(d.after(), digits);
    }
}
