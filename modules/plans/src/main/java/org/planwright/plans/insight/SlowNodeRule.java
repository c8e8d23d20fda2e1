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
 * SLOW_NODE: the nodes with the largest exclusive time (PEV2 marks the slowest node the same way), at most
 * {@link InsightThresholds#slowNodeMaxNodes()} of them and only those worth at least
 * {@link InsightThresholds#slowNodeShare()} of the execution time. Needs ANALYZE; plans without it get
 * {@link HighCostRule}'s HIGH_COST instead. One pass over the nodes keeping the top few (no sort of all nodes).
 */
public final class SlowNodeRule implements InsightRule {


    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public SlowNodeRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (slow node share and count) */
    public SlowNodeRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        if (!plan.analyzed()) {
            return List.of();
        }
        List<PlanNode> top = TopNodes.largest(plan.nodes(), thresholds.slowNodeMaxNodes(), thresholds.slowNodeShare(),
                PlanNode::executionShare);
        List<Insight> out = new ArrayList<>(top.size());
        for (PlanNode n : top) {
            double share = n.executionShare();
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("exclusive time (ms)", n.exclusiveTime());
            ev.put("share of execution time (fraction)", share);
            ev.put("loops", (double) n.actualLoops().orElse(0));
            ev.put("actual rows (all loops)", n.totalActualRows());
            String title = Phrases.label(n) + " takes " + Phrases.pct(share) + " of the execution time ("
                    + Phrases.ms(n.exclusiveTime()) + ")";
            String why = "This node alone, without its children, accounts for " + Phrases.pct(share)
                    + " of the query's execution time. Speeding up the query starts here: check how many rows "
                    + "it reads and returns, and whether an index, a better join order or less data would help.";
            out.add(new Insight(InsightKind.SLOW_NODE, List.of(n.id()), ImpactScore.of(share), share, title, why, ev));
        }
        return out;
    }
}
