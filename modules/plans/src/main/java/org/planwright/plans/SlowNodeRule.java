package org.planwright.plans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SLOW_NODE: the nodes with the largest exclusive time (PEV2 marks the slowest node the same way), at most
 * {@link #MAX_NODES} of them and only those worth at least {@link #MIN_SHARE} of the execution time. Without
 * ANALYZE the exclusive cost share is used instead ("costliest node").
 */
public final class SlowNodeRule implements InsightRule {

    /** How many nodes to report at most. Planwright's choice: a short list a person reads. */
    public static final int MAX_NODES = 3;
    /** Minimum share (fraction) of execution time (or cost) for a node to be reported: 10 %, score 3. */
    public static final double MIN_SHARE = 0.10;

    @Override
    public List<Insight> apply(Plan plan) {
        boolean timed = plan.analyzed();
        List<PlanNode> top = plan.nodes().stream()
                .filter(n -> ImpactScore.exclusiveShare(plan, n) >= MIN_SHARE)
                .sorted(Comparator.comparingDouble((PlanNode n) -> ImpactScore.exclusiveShare(plan, n)).reversed())
                .limit(MAX_NODES).toList();
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : top) {
            double share = ImpactScore.exclusiveShare(plan, n);
            Map<String, Double> ev = new LinkedHashMap<>();
            String title;
            String why;
            if (timed) {
                ev.put("exclusive time (ms)", n.exclusiveTime());
                ev.put("share of execution time (fraction)", share);
                ev.put("loops", (double) n.actualLoops().orElse(0));
                ev.put("actual rows (all loops)", n.totalActualRows());
                title = InsightEngine.label(n) + " takes " + InsightEngine.pct(share) + " of the execution time ("
                        + InsightEngine.ms(n.exclusiveTime()) + ")";
                why = "This node alone, without its children, accounts for " + InsightEngine.pct(share)
                        + " of the query's execution time. Speeding up the query starts here: check how many rows "
                        + "it reads and returns, and whether an index, a better join order or less data would help.";
            } else {
                ev.put("exclusive cost", n.exclusiveCost());
                ev.put("share of total cost (fraction)", share);
                title = InsightEngine.label(n) + " carries " + InsightEngine.pct(share) + " of the estimated cost";
                why = "Without EXPLAIN ANALYZE only the planner's estimates are known: this node carries "
                        + InsightEngine.pct(share) + " of the plan's total cost. Run EXPLAIN (ANALYZE, BUFFERS) "
                        + "to see where the time really goes.";
            }
            out.add(new Insight(InsightKind.SLOW_NODE, List.of(n.id()), ImpactScore.of(share), share, title, why, ev));
        }
        return out;
    }
}
