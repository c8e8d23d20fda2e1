package org.planwright.plans.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.Buffers;
import org.planwright.plans.Insight;
import org.planwright.plans.InsightKind;
import org.planwright.plans.InsightRule;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.ImpactScore;

/**
 * READ_EFFICIENCY: a scan that touched at least {@link InsightThresholds#readBlocksMin()} shared blocks of its own (hit + read,
 * {@link PlanNode#exclusiveBuffers()}) and at least {@link InsightThresholds#readBlocksPerRow()} blocks per row it returned (all
 * loops). The idea is pgMustard's "read efficiency" tip (data read compared with rows returned); the thresholds
 * are Planwright's: ten 8 kB blocks per row means at most about one row in a few hundred read was useful, and
 * 1,000 blocks (8 MB) keeps small tables out. Rows count as at least one per loop: PostgreSQL before 18 rounds
 * per-loop rows, so an inner index lookup reporting "rows=0" over many loops is not counted as zero rows, and
 * the few blocks every index descent costs (the inner side of a Nested Loop) do not look like waste. Needs EXPLAIN (ANALYZE, BUFFERS). Impact: the scan's exclusive
 * time share.
 */
public final class ReadEfficiencyRule implements InsightRule {


    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public ReadEfficiencyRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (blocks and blocks per row) */
    public ReadEfficiencyRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        if (!plan.analyzed() || !plan.hasBuffers()) {
            return out;
        }
        for (PlanNode n : NodeSets.scans(plan)) {
            Buffers b = n.exclusiveBuffers();
            long blocks = b.sharedHit() + b.sharedRead();
            if (blocks < thresholds.readBlocksMin() || n.relationName().isEmpty() || n.neverExecuted()) {
                continue; // the cheap test (derived buffers, no property lookup) first
            }
            double rows = n.totalActualRows();
            double perRow = blocks / Math.max(rows, Math.max(1, n.actualLoops().orElse(1)));
            if (blocks < thresholds.readBlocksMin() || perRow < thresholds.readBlocksPerRow()) {
                continue;
            }
            double share = ImpactScore.exclusiveShare(plan, n);
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("shared blocks hit (8 kB)", (double) b.sharedHit());
            ev.put("shared blocks read (8 kB)", (double) b.sharedRead());
            ev.put("rows returned (all loops)", rows);
            ev.put("blocks per row returned (8 kB)", perRow);
            ev.put("exclusive time (ms)", n.exclusiveTime());
            ev.put("share of execution time (fraction)", share);
            String title = Phrases.label(n) + " reads " + Numbers.whole(perRow)
                    + " blocks (8 kB) per row it returns";
            String why = "The scan touched " + Numbers.grouped(blocks) + " blocks ("
                    + Numbers.grouped(blocks * 8 / 1024) + " MB) to return " + Numbers.whole(rows) + " rows. An index matching the "
                    + "conditions, or a table with less bloat (VACUUM, or pg_repack for a bloated table), reads less.";
            out.add(new Insight(InsightKind.READ_EFFICIENCY, List.of(n.id()), ImpactScore.of(share), share, title,
                    why, ev));
        }
        return out;
    }
}
