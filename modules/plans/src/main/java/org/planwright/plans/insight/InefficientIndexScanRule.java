package org.planwright.plans.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.Insight;
import org.planwright.plans.InsightKind;
import org.planwright.plans.InsightRule;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.ImpactScore;

/**
 * INEFFICIENT_INDEX_SCAN: an Index Scan, Index Only Scan or Bitmap Heap Scan (parallel or not) whose "Rows Removed
 * by Filter" is at least {@link InsightThresholds#removedFraction()} of the rows its index condition returned and
 * at least {@link InsightThresholds#removedRowsMin()} rows over all loops. The index finds rows by its Index Cond
 * (or Recheck Cond) and PostgreSQL then reads each of them to check the Filter, which the index cannot answer: the
 * index does not match the filter (PostgreSQL documentation, "Using EXPLAIN": Filter conditions of an index scan
 * are checked on each row the index returns; pgMustard calls the same case "index efficiency"). Impact: the scan's
 * exclusive time share.
 */
public final class InefficientIndexScanRule implements InsightRule {

    private static final Set<String> INDEX_SCANS = Set.of("Index Scan", "Index Only Scan", "Bitmap Heap Scan");

    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public InefficientIndexScanRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (removed-rows fraction and minimum) */
    public InefficientIndexScanRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : NodeSets.of(plan, "Index Scan", "Index Only Scan", "Bitmap Heap Scan")) {
            if (!INDEX_SCANS.contains(n.nodeType())) {
                continue;
            }
            RemovedRows r = RemovedRows.of(n, n.rowsRemovedByFilter());
            if (r == null || r.fraction() < thresholds.removedFraction()
                    || r.removedTotal() < thresholds.removedRowsMin()) {
                continue;
            }
            double share = ImpactScore.exclusiveShare(plan, n);
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("rows returned by the index condition (all loops)", r.removedTotal() + r.keptTotal());
            ev.put("rows removed by filter (all loops)", r.removedTotal());
            ev.put("rows kept (all loops)", r.keptTotal());
            ev.put("removed (fraction)", r.fraction());
            ev.put("loops", r.loops());
            ev.put("exclusive time (ms)", n.exclusiveTime());
            ev.put("share of execution time (fraction)", share);
            String cond = n.indexCond().or(n::recheckCond).map(c -> " (" + c + ")").orElse("");
            String index = n.indexName().map(i -> "index " + i).orElse("the index");
            String title = Phrases.label(n) + ": the filter removes " + Phrases.pct(r.fraction())
                    + " of the rows its index condition returns";
            String why = "PostgreSQL found " + Numbers.whole(r.removedTotal() + r.keptTotal()) + " rows through "
                    + index + cond + ", read each of them, and its Filter" + n.filter().map(f -> " (" + f + ")")
                    .orElse("") + " threw away " + Phrases.pct(r.fraction()) + ". The index does not match "
                    + "the filter: an index that also covers the filtered column(s) (a multicolumn index with the "
                    + "equality columns first, or a partial index WHERE <filter>) returns only the rows wanted.";
            out.add(new Insight(InsightKind.INEFFICIENT_INDEX_SCAN, List.of(n.id()), ImpactScore.of(share), share,
                    title, why, ev));
        }
        return out;
    }
}
