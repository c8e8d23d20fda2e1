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
 * JOIN_FILTER: a join whose "Join Filter" removes at least {@link InsightThresholds#removedFraction()} of the row pairs it
 * forms and at least {@link InsightThresholds#removedRowsMin()} rows over all loops. A Join Filter is checked after the pair is built, unlike
 * a Hash Cond, Merge Cond or inner Index Cond, so every removed row is work done for nothing (PostgreSQL
 * documentation, "Using EXPLAIN": rows removed by a join filter; PEV2 shows the same count as "rows removed by
 * join filter"). Thresholds are Planwright's, the same as {@link SeqScanFilterRule}'s. Impact: the join's
 * exclusive time share.
 */
public final class JoinFilterRule implements InsightRule {


    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public JoinFilterRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (removed-rows fraction and minimum) */
    public JoinFilterRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : NodeSets.of(plan, "Nested Loop", "Hash Join", "Merge Join")) {
            RemovedRows r = RemovedRows.of(n, n.rowsRemovedByJoinFilter());
            if (r == null || r.fraction() < thresholds.removedFraction() || r.removedTotal() < thresholds.removedRowsMin()) {
                continue;
            }
            double share = ImpactScore.exclusiveShare(plan, n);
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("rows removed by join filter (all loops)", r.removedTotal());
            ev.put("rows kept (all loops)", r.keptTotal());
            ev.put("removed (fraction)", r.fraction());
            ev.put("exclusive time (ms)", n.exclusiveTime());
            ev.put("share of execution time (fraction)", share);
            String title = Phrases.label(n) + " discards " + Phrases.pct(r.fraction())
                    + " of the rows it joins";
            String why = "The join builds row pairs and only then checks its Join Filter"
                    + n.joinFilter().map(f -> " (" + f + ")").orElse("") + ", which threw away "
                    + Phrases.pct(r.fraction()) + " of them. If the condition can be written as an equality "
                    + "or range on indexed columns, PostgreSQL can use it to find matching rows instead of checking "
                    + "every pair; also check the row estimates that made the planner pick this join.";
            out.add(new Insight(InsightKind.JOIN_FILTER, List.of(n.id()), ImpactScore.of(share), share, title, why,
                    ev));
        }
        return out;
    }
}
