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

/**
 * HIGH_COST: for plans without ANALYZE, the nodes with the largest exclusive cost (the node's total cost minus
 * its children's, {@link PlanNode#exclusiveCost()}), at most {@link InsightThresholds#slowNodeMaxNodes()} of them
 * and only those carrying at least {@link InsightThresholds#highCostShare()} of the root's total cost. PEV2 and
 * explain.depesz.com mark the costliest nodes the same way when no times are known. The cost share stands in for
 * the time share in {@link ImpactScore}. Plans with ANALYZE get {@link SlowNodeRule}'s SLOW_NODE instead.
 */
public final class HighCostRule implements InsightRule {

    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public HighCostRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (high cost share; slow node count) */
    public HighCostRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        double total = plan.root().totalCost().orElse(0);
        if (plan.analyzed() || total <= 0) {
            return List.of();
        }
        List<PlanNode> top = TopNodes.largest(plan.nodes(), thresholds.slowNodeMaxNodes(), thresholds.highCostShare(),
                n -> ImpactScore.exclusiveShare(plan, n));
        List<Insight> out = new ArrayList<>(top.size());
        for (PlanNode n : top) {
            double share = ImpactScore.exclusiveShare(plan, n);
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("exclusive cost", n.exclusiveCost());
            ev.put("total cost of the plan", total);
            ev.put("share of total cost (fraction)", share);
            n.planRows().ifPresent(r -> ev.put("plan rows", r));
            String title = Phrases.label(n) + " carries " + Phrases.pct(share) + " of the estimated cost";
            String why = "Without EXPLAIN ANALYZE only the planner's estimates are known: this node alone, without "
                    + "its children, carries " + Phrases.pct(share) + " of the plan's total cost. Costs are "
                    + "estimates in the planner's units, not time; run EXPLAIN (ANALYZE, BUFFERS) to see where the "
                    + "time really goes.";
            out.add(new Insight(InsightKind.HIGH_COST, List.of(n.id()), ImpactScore.of(share), share, title, why, ev));
        }
        return out;
    }
}
