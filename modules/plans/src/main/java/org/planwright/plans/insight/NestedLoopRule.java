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
 * NESTED_LOOP_LOOPS: a Nested Loop whose inner side ran at least {@link InsightThresholds#nestedLoopLoops()} times
 * and took at least {@link InsightThresholds#nestedLoopInnerShare()} of the execution time. A nested loop runs its inner side once per outer row
 * ("loops" in EXPLAIN ANALYZE, PostgreSQL documentation "Using EXPLAIN"), which is cheap for a few outer rows
 * and slow for many, where a Hash Join or Merge Join reads each side once. Thresholds are Planwright's: 1,000
 * loops is where per-loop start-up costs add up; 10 % keeps cheap index lookups out. Impact: the inner side's
 * inclusive time share.
 */
public final class NestedLoopRule implements InsightRule {


    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public NestedLoopRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (inner loops and inner share) */
    public NestedLoopRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : NodeSets.of(plan, "Nested Loop")) {
            if (!"Nested Loop".equals(n.nodeType())) {
                continue;
            }
            PlanNode inner = n.children().stream().filter(c -> "Inner".equals(c.parentRelationship().orElse("")))
                    .findFirst().orElse(null);
            if (inner == null) {
                continue;
            }
            long loops = inner.actualLoops().orElse(0);
            double share = ImpactScore.inclusiveShare(plan, inner);
            if (loops < thresholds.nestedLoopLoops() || share < thresholds.nestedLoopInnerShare()) {
                continue;
            }
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("inner loops", (double) loops);
            ev.put("inner time per loop (ms)", inner.actualTotalTime().orElse(0));
            ev.put("inner inclusive time (ms)", inner.inclusiveTime());
            ev.put("rows joined (all loops)", n.totalActualRows());
            ev.put("share of execution time (fraction)", share);
            String title = Phrases.label(n) + " ran its inner side "
                    + Numbers.grouped(loops) + " times";
            String why = "A Nested Loop executes " + Phrases.label(inner) + " once for every outer row, and "
                    + "those executions took " + Phrases.pct(share) + " of the query. If the outer row count "
                    + "was under-estimated, fix the estimate (ANALYZE, extended statistics) so the planner can pick "
                    + "a Hash Join; otherwise make each inner execution cheaper (an index on the join key).";
            out.add(new Insight(InsightKind.NESTED_LOOP_LOOPS, List.of(n.id(), inner.id()), ImpactScore.of(share),
                    share, title, why, ev));
        }
        return out;
    }
}
