package org.planwright.plans.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.Insight;
import org.planwright.plans.InsightKind;
import org.planwright.plans.InsightRule;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.ImpactScore;
import org.planwright.plans.RowEstimate;
import org.planwright.plans.EstimateDirection;

/**
 * ROW_MISESTIMATE: nodes whose actual rows per loop differ from the planner's estimate by a factor of at
 * least {@link InsightThresholds#misestimateMinor()} (see {@link RowEstimate} for the factor, PEV2's {@code calculatePlannerEstimate}).
 *
 * <p>Thresholds (defaults, see {@link InsightThresholds#defaults()}): major = 100 is PEV2's
 * {@code MIN_ESTIMATE_MISS}, the factor from which PEV2 tags a node as badly estimated; minor = 10 and severe =
 * 1000 are one order of magnitude either side, as explain.depesz.com colours its "rows x" column. A misestimate costs time through the plan choices made above it (join method, join order, memory),
 * so the impact is the inclusive time share of the node's parent (of the node itself at the root). The score
 * is {@link ImpactScore} of that share, capped at 2 / 4 / 5 for the minor / major / severe tier.
 *
 * <p>Only the origin of a misestimate is reported: a node is skipped if one of its children is misestimated
 * by at least the minor factor in the same direction (the error was inherited from below). Over-estimates of
 * nodes that a Limit stopped early are not misestimates and are skipped (see {@code cutShortByLimit}).
 */
public final class RowMisestimateRule implements InsightRule {


    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public RowMisestimateRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (the three misestimate factors) */
    public RowMisestimateRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        if (!plan.analyzed()) {
            return out;
        }
        for (PlanNode n : plan.nodes()) {
            RowEstimate e = n.rowEstimate().orElse(null);
            if (e == null || e.factor() < thresholds.misestimateMinor() || inheritedFromChild(n, e)
                    || e.direction() == EstimateDirection.OVER && cutShortByLimit(n)) {
                continue;
            }
            PlanNode above = n.parent().orElse(n);
            double share = ImpactScore.inclusiveShare(plan, above);
            int cap = e.factor() >= thresholds.misestimateSevere() ? 5 : e.factor() >= thresholds.misestimateMajor() ? 4 : 2;
            int score = Math.min(cap, ImpactScore.of(share));
            boolean under = e.direction() == EstimateDirection.UNDER;
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("plan rows (per loop)", n.planRows().orElse(0));
            ev.put("actual rows (per loop)", n.actualRows().orElse(0));
            ev.put("loops", (double) n.actualLoops().orElse(0));
            ev.put("misestimate factor (x)", e.factor());
            ev.put("inclusive time of the parent (ms)", above.inclusiveTime());
            String factor = e.factor() >= 100 ? Numbers.whole(e.factor()) : Numbers.oneDecimal(e.factor());
            String title = Phrases.label(n) + (under ? " under-estimated " : " over-estimated ") + factor + "x: "
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

    private boolean inheritedFromChild(PlanNode n, RowEstimate e) {
        for (PlanNode c : n.children()) {
            RowEstimate ce = c.rowEstimate().orElse(null);
            if (ce != null && ce.direction() == e.direction() && ce.factor() >= thresholds.misestimateMinor()) {
                return true;
            }
        }
        return false;
    }

    private static String fmtRows(double rows) {
        return rows == Math.rint(rows) ? Numbers.whole(rows) : String.format(java.util.Locale.ROOT, "%,.2f", rows);
    }
}
