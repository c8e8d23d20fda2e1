package org.planwright.plans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ROW_MISESTIMATE: nodes whose actual rows per loop differ from the planner's estimate by a factor of at
 * least {@link #MINOR} (see {@link RowEstimate} for the factor, PEV2's {@code calculatePlannerEstimate}).
 *
 * <p>Thresholds: {@link #MAJOR} = 100 is PEV2's {@code MIN_ESTIMATE_MISS}, the factor from which PEV2 tags a
 * node as badly estimated; {@link #MINOR} = 10 and {@link #SEVERE} = 1000 are one order of magnitude either
 * side. A misestimate costs time through the plan choices made above it (join method, join order, memory),
 * so the impact is the inclusive time share of the node's parent (of the node itself at the root). The score
 * is {@link ImpactScore} of that share, capped at 2 / 4 / 5 for the minor / major / severe tier.
 *
 * <p>Only the origin of a misestimate is reported: a node is skipped if one of its children is misestimated
 * by at least {@link #MINOR} in the same direction (the error was inherited from below). Over-estimates of
 * nodes that a Limit stopped early are not misestimates and are skipped (see {@code cutShortByLimit}).
 */
public final class RowMisestimateRule implements InsightRule {

    /** Factor from which a misestimate is reported (one order of magnitude below PEV2's). */
    public static final double MINOR = 10;
    /** PEV2's MIN_ESTIMATE_MISS. */
    public static final double MAJOR = 100;
    /** Three orders of magnitude. */
    public static final double SEVERE = 1000;

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        if (!plan.analyzed()) {
            return out;
        }
        for (PlanNode n : plan.nodes()) {
            RowEstimate e = n.rowEstimate().orElse(null);
            if (e == null || e.factor() < MINOR || inheritedFromChild(n, e)
                    || e.direction() == EstimateDirection.OVER && cutShortByLimit(n)) {
                continue;
            }
            PlanNode above = n.parent().orElse(n);
            double share = ImpactScore.inclusiveShare(plan, above);
            int cap = e.factor() >= SEVERE ? 5 : e.factor() >= MAJOR ? 4 : 2;
            int score = Math.min(cap, ImpactScore.of(share));
            boolean under = e.direction() == EstimateDirection.UNDER;
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("plan rows (per loop)", n.planRows().orElse(0));
            ev.put("actual rows (per loop)", n.actualRows().orElse(0));
            ev.put("loops", (double) n.actualLoops().orElse(0));
            ev.put("misestimate factor (x)", e.factor());
            ev.put("inclusive time of the parent (ms)", above.inclusiveTime());
            String factor = e.factor() >= 100 ? String.format(java.util.Locale.ROOT, "%,.0f", e.factor())
                    : String.format(java.util.Locale.ROOT, "%.1f", e.factor());
            String title = InsightEngine.label(n) + (under ? " under-estimated " : " over-estimated ") + factor + "x: "
                    + fmtRows(n.planRows().orElse(0)) + " rows expected, " + fmtRows(n.actualRows().orElse(0))
                    + " per loop found";
            String why = (under ? "The planner expected far fewer rows than came out"
                    : "The planner expected far more rows than came out")
                    + ", so the nodes above were planned for the wrong row count (join method, join order, memory). "
                    + "Check that the tables are analyzed (ANALYZE), raise the statistics target of the filtered "
                    + "columns, or create extended statistics (CREATE STATISTICS) for correlated columns.";
            out.add(new Insight(InsightKind.ROW_MISESTIMATE, List.of(n.id()), score, share, title, why, ev));
        }
        return out;
    }

    /**
     * A node below a Limit stops once the Limit has its rows, so fewer rows than estimated is expected there;
     * a blocking node in between (Sort, Hash, Materialize, a non-plain Aggregate) consumed its whole input.
     */
    static boolean cutShortByLimit(PlanNode n) {
        PlanNode p = n.parent().orElse(null);
        while (p != null) {
            String t = p.nodeType();
            if ("Limit".equals(t)) {
                return true;
            }
            if (BLOCKING.contains(t)) {
                return false;
            }
            p = p.parent().orElse(null);
        }
        return false;
    }

    private static final java.util.Set<String> BLOCKING = java.util.Set.of("Sort", "Incremental Sort", "Hash",
            "Materialize", "Aggregate", "WindowAgg", "SetOp");

    private static boolean inheritedFromChild(PlanNode n, RowEstimate e) {
        return n.children().stream().map(PlanNode::rowEstimate).flatMap(java.util.Optional::stream)
                .anyMatch(c -> c.direction() == e.direction() && c.factor() >= MINOR);
    }

    private static String fmtRows(double rows) {
        return rows == Math.rint(rows) ? String.format(java.util.Locale.ROOT, "%,.0f", rows)
                : String.format(java.util.Locale.ROOT, "%,.2f", rows);
    }
}
