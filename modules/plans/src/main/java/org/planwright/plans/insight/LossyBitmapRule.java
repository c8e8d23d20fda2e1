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
import org.planwright.plans.ImpactScore;

/**
 * LOSSY_BITMAP: a Bitmap Heap Scan with "Lossy Heap Blocks" &gt; {@link #MAX_LOSSY_BLOCKS}. When the bitmap does
 * not fit in work_mem PostgreSQL degrades it to one bit per page and must recheck every row of those pages
 * (PostgreSQL documentation, "Resource Consumption", work_mem: bitmap operations; "Using EXPLAIN" shows the
 * exact/lossy Heap Blocks line). Any lossy page is worth knowing about: the score is at least 1. Impact: the
 * scan's exclusive time share.
 */
public final class LossyBitmapRule implements InsightRule {

    /** The bitmap is lossy when more pages than this are lossy. */
    public static final long MAX_LOSSY_BLOCKS = 0;

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : NodeSets.of(plan, "Bitmap Heap Scan")) {
            long lossy = n.lossyHeapBlocks().orElse(0);
            if (lossy <= MAX_LOSSY_BLOCKS) {
                continue;
            }
            long exact = n.exactHeapBlocks().orElse(0);
            double lossyFraction = (double) lossy / (lossy + exact);
            double share = ImpactScore.exclusiveShare(plan, n);
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("lossy heap blocks (8 kB)", (double) lossy);
            ev.put("exact heap blocks (8 kB)", (double) exact);
            ev.put("lossy (fraction of heap blocks)", lossyFraction);
            n.rowsRemovedByIndexRecheck().ifPresent(r -> ev.put("rows removed by index recheck (per loop)", r));
            ev.put("exclusive time (ms)", n.exclusiveTime());
            ev.put("share of execution time (fraction)", share);
            String title = Phrases.label(n) + " used a lossy bitmap for " + Phrases.pct(lossyFraction)
                    + " of its heap blocks";
            String why = "The bitmap of matching rows did not fit in work_mem, so for " + Numbers.grouped(lossy)
                    + " pages PostgreSQL only remembered the page and had to "
                    + "recheck every row on it. Raise work_mem for this query (SET LOCAL work_mem = ...) to keep "
                    + "the bitmap exact, or make the index condition more selective.";
            out.add(new Insight(InsightKind.LOSSY_BITMAP, List.of(n.id()), Math.max(1, ImpactScore.of(share)), share,
                    title, why, ev));
        }
        return out;
    }
}
