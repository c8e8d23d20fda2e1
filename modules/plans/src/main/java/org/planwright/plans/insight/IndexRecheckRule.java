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
 * INDEX_RECHECK: a scan whose "Rows Removed by Index Recheck" is at least {@link InsightThresholds#removedFraction()} of
 * the rows it fetched and at least {@link InsightThresholds#removedRowsMin()} rows over all loops. PostgreSQL rechecks the condition on each
 * heap row when the bitmap is lossy (whole pages, work_mem too small) or when the index itself is lossy (BRIN,
 * GIN with trigrams, some GiST operators) — PostgreSQL documentation, "Bitmap Heap Scan" in "Using EXPLAIN" and
 * the index-type chapters. Thresholds are Planwright's, the same as {@link SeqScanFilterRule}'s. Impact: the
 * scan's exclusive time share.
 */
public final class IndexRecheckRule implements InsightRule {


    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public IndexRecheckRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (removed-rows fraction and minimum) */
    public IndexRecheckRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : NodeSets.scans(plan)) {
            RemovedRows r = RemovedRows.of(n, n.rowsRemovedByIndexRecheck());
            if (r == null || r.fraction() < thresholds.removedFraction() || r.removedTotal() < thresholds.removedRowsMin()) {
                continue;
            }
            double share = ImpactScore.exclusiveShare(plan, n);
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("rows removed by index recheck (all loops)", r.removedTotal());
            ev.put("rows kept (all loops)", r.keptTotal());
            ev.put("removed (fraction)", r.fraction());
            n.lossyHeapBlocks().ifPresent(b -> ev.put("lossy heap blocks (8 kB)", (double) b));
            ev.put("exclusive time (ms)", n.exclusiveTime());
            ev.put("share of execution time (fraction)", share);
            boolean lossy = n.lossyHeapBlocks().orElse(0) > 0;
            String title = Phrases.label(n) + " rechecks and removes " + Phrases.pct(r.fraction())
                    + " of the rows its index pointed to";
            String why = lossy
                    ? "The bitmap did not fit in work_mem and became lossy: it remembers whole pages, so every row "
                    + "of those pages is read and rechecked" + n.recheckCond().map(c -> " (" + c + ")").orElse("")
                    + ". Raising work_mem for this query keeps the bitmap exact."
                    : "The index returns candidate rows that PostgreSQL must recheck against the table"
                    + n.recheckCond().map(c -> " (" + c + ")").orElse("") + ", and most fail. A more selective "
                    + "index (B-tree on the compared columns, or a narrower BRIN range) would read fewer rows.";
            out.add(new Insight(InsightKind.INDEX_RECHECK, List.of(n.id()), ImpactScore.of(share), share, title, why,
                    ev));
        }
        return out;
    }
}
