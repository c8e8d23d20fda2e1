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
 * SEQ_SCAN_FILTER: a sequential scan (parallel or not) whose filter removes at least
 * {@link InsightThresholds#removedFraction()} of the rows it reads and at least
 * {@link InsightThresholds#removedRowsMin()} rows in all — the classic hint that an index on
 * the filtered columns would read less. The fraction is Rows Removed by Filter / (Rows Removed by Filter +
 * Actual Rows), both per loop as PostgreSQL reports them (PEV2 shows the same ratio as "rows removed by
 * filter"). Default thresholds are Planwright's: 90 % is the usual rule of thumb for an index to beat a sequential
 * read; 1,000 rows keeps tiny tables (TPC-H's 25-row nation) out. Impact: the scan's exclusive time share.
 */
public final class SeqScanFilterRule implements InsightRule {


    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public SeqScanFilterRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (removed-rows fraction and minimum) */
    public SeqScanFilterRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : NodeSets.of(plan, "Seq Scan")) {
            RemovedRows r = RemovedRows.of(n, n.rowsRemovedByFilter());
            if (r == null || r.fraction() < thresholds.removedFraction()
                    || r.removedTotal() < thresholds.removedRowsMin()) {
                continue;
            }
            double removed = r.removedPerLoop();
            double kept = r.keptPerLoop();
            double fraction = r.fraction();
            double loops = r.loops();
            double share = ImpactScore.exclusiveShare(plan, n);
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("rows removed by filter (all loops)", removed * loops);
            ev.put("rows kept (all loops)", kept * loops);
            ev.put("removed (fraction)", fraction);
            ev.put("exclusive time (ms)", n.exclusiveTime());
            ev.put("share of execution time (fraction)", share);
            String table = n.relationName().orElse("the table");
            String title = Phrases.label(n) + " removes " + Phrases.pct(fraction)
                    + " of the rows it reads";
            String why = "The scan reads every row of " + table + " and its filter throws away "
                    + Phrases.pct(fraction) + " of them" + n.filter().map(f -> " (" + f + ")").orElse("")
                    + ". An index on the filtered column(s) would let PostgreSQL read only the matching rows.";
            out.add(new Insight(InsightKind.SEQ_SCAN_FILTER, List.of(n.id()), ImpactScore.of(share), share, title,
                    why, ev));
        }
        return out;
    }
}
