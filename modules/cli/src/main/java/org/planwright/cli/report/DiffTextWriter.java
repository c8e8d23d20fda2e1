package org.planwright.cli.report;

import java.io.PrintWriter;
import java.util.Locale;
import org.planwright.plans.PlanNode;
import org.planwright.plans.compare.Delta;
import org.planwright.plans.compare.NodePair;
import org.planwright.plans.compare.PlanChange;
import org.planwright.plans.compare.PlanComparison;
import org.planwright.plans.report.ComparisonReport;
import org.planwright.plans.report.ReportLabels;
import org.planwright.plans.report.ReportText;

/**
 * The text report of {@code planwright plan diff}: verdict, totals, changes, then the matched nodes whose
 * exclusive time changed beyond the noise and the unmatched nodes. Stateless.
 */
public final class DiffTextWriter {

    private DiffTextWriter() {
    }

    /**
     * @param out where to write (flushed by the caller)
     * @param r   the comparison and the plans' names
     */
    public static void write(PrintWriter out, ComparisonReport r) {
        PlanComparison c = r.comparison();
        out.printf("before: %s (%d nodes)%nafter:  %s (%d nodes)%n", r.beforeName(), c.before().nodeCount(),
                r.afterName(), c.after().nodeCount());
        Delta d = c.basisDelta();
        out.printf("verdict: %s, %s %s -> %s (%s)%n%n", c.verdict().name().toLowerCase(Locale.ROOT),
                c.basis() == PlanComparison.Basis.EXECUTION_TIME ? "execution time" : "total cost",
                ReportText.number(d.before(), 3), ReportText.number(d.after(), 3), ReportText.ratio(c.ratio()));
        total(out, "execution time ms", c.totals().executionTime(), 3);
        total(out, "planning time ms", c.totals().planningTime(), 3);
        total(out, "total cost", c.totals().totalCost(), 2);
        total(out, "shared hit blocks", c.totals().sharedHitBlocks(), 0);
        total(out, "shared read blocks", c.totals().sharedReadBlocks(), 0);
        total(out, "temp blocks", c.totals().tempBlocks(), 0);
        out.println();
        if (c.changes().isEmpty()) {
            out.println("changes: none, the plans have the same shape");
        } else {
            out.println("changes:");
            for (PlanChange ch : c.changes()) {
                out.printf("  %-14s %s%n", ReportLabels.kind(ch.kind()), ch.description());
            }
        }
        out.println();
        out.println("matched nodes (exclusive time ms before -> after):");
        for (NodePair p : c.pairs()) {
            out.printf("  %3d %-40s %10s -> %-10s %s%n", p.before().id(), ReportText.nodeName(p.before()),
                    ReportText.number(p.exclusiveTime().before(), 3), ReportText.number(p.exclusiveTime().after(), 3),
                    p.sameOperation() ? "" : "now " + ReportText.nodeName(p.after()));
        }
        for (PlanNode n : c.onlyBefore()) {
            out.printf("  only before: %d %s%n", n.id(), ReportText.nodeName(n));
        }
        for (PlanNode n : c.onlyAfter()) {
            out.printf("  only after:  %d %s%n", n.id(), ReportText.nodeName(n));
        }
    }

    private static void total(PrintWriter out, String label, Delta d, int digits) {
        out.printf("  %-20s %12s -> %-12s %s%n", label, ReportText.number(d.before(), digits),
                ReportText.number(d.after(), digits), ReportText.signed(d.difference(), digits));
    }
}
