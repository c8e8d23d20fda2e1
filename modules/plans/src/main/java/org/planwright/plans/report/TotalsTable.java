package org.planwright.plans.report;

import java.util.ArrayList;
import java.util.List;
import org.planwright.plans.compare.Delta;
import org.planwright.plans.compare.PlanComparison;
import org.planwright.plans.compare.PlanTotals;

/**
 * The totals table every comparison report shows (Markdown, HTML, the app's comparison view), in display order,
 * and the verdict sentence. Stateless.
 */
public final class TotalsTable {

    /**
     * One row.
     *
     * @param label         what it is, with its unit, e.g. "Execution time (ms)"
     * @param delta         before and after
     * @param digits        decimals to show
     * @param lowerIsBetter true for times, costs and buffers; false for counts without direction (rows, nodes)
     */
    public record Total(String label, Delta delta, int digits, boolean lowerIsBetter) {
    }

    private TotalsTable() {
    }

    /** @return the rows for these totals */
    public static List<Total> totals(PlanTotals t) {
        List<Total> out = new ArrayList<>();
        out.add(new Total("Execution time (ms)", t.executionTime(), 3, true));
        out.add(new Total("Planning time (ms)", t.planningTime(), 3, true));
        out.add(new Total("Total cost", t.totalCost(), 2, true));
        out.add(new Total("Rows returned", t.actualRows(), 0, false));
        out.add(new Total("Shared hit (8 kB blocks)", t.sharedHitBlocks(), 0, true));
        out.add(new Total("Shared read (8 kB blocks)", t.sharedReadBlocks(), 0, true));
        out.add(new Total("Temp read + written (8 kB blocks)", t.tempBlocks(), 0, true));
        out.add(new Total("Plan nodes", t.nodeCount(), 0, false));
        return out;
    }

    /** @return e.g. "faster: execution time 60.049 ms -> 18.895 ms (0.31x)" */
    public static String verdict(PlanComparison c) {
        Delta d = c.basisDelta();
        String what = c.basis() == PlanComparison.Basis.EXECUTION_TIME
                ? "execution time " + ReportText.millis(d.before()) + " -> " + ReportText.millis(d.after())
                : "estimated total cost " + ReportText.number(d.before(), 2) + " -> " + ReportText.number(d.after(), 2);
        return c.verdict().name().toLowerCase(java.util.Locale.ROOT) + ": " + what + " (" + ReportText.ratio(c.ratio())
                + "; differences within " + Math.round(PlanComparison.NOISE_FRACTION * 100) + "% count as the same)";
    }

    /** @return "better", "worse" or "" for a lower-is-better value, with {@link PlanComparison#NOISE_FRACTION} */
    public static String trendClass(Delta d, double floor) {
        return switch (d.trend(PlanComparison.NOISE_FRACTION, floor)) {
            case BETTER -> "better";
            case WORSE -> "worse";
            case SAME -> "";
        };
    }
}
