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
 * HEAP_FETCHES: an Index Only Scan whose "Heap Fetches" (all loops) are at least
 * {@link InsightThresholds#heapFetchesMin()} and at least {@link InsightThresholds#heapFetchesPerRow()} of the rows it returned (all loops). An index-only scan visits the table for
 * every row on a page not marked all-visible in the visibility map; VACUUM sets those bits (PostgreSQL
 * documentation, "Index-Only Scans and Covering Indexes" and "Updating the Visibility Map"). Thresholds are
 * Planwright's: a tenth of the rows makes the scan noticeably closer to a plain Index Scan; 100 fetches keeps
 * one-off fetches out. Impact: the scan's exclusive time share.
 */
public final class HeapFetchesRule implements InsightRule {


    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public HeapFetchesRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (heap fetches and fetches per row) */
    public HeapFetchesRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : NodeSets.of(plan, "Index Only Scan")) {
            if (!"Index Only Scan".equals(n.nodeType()) || n.heapFetches().isEmpty()) {
                continue;
            }
            long fetches = n.heapFetches().getAsLong();
            double rows = n.totalActualRows();
            double perRow = rows > 0 ? fetches / rows : fetches;
            if (fetches < thresholds.heapFetchesMin() || perRow < thresholds.heapFetchesPerRow()) {
                continue;
            }
            double share = ImpactScore.exclusiveShare(plan, n);
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("heap fetches (all loops)", (double) fetches);
            ev.put("rows returned (all loops)", rows);
            ev.put("heap fetches per row returned", perRow);
            ev.put("exclusive time (ms)", n.exclusiveTime());
            ev.put("share of execution time (fraction)", share);
            String table = n.relationName().orElse("the table");
            String title = Phrases.label(n) + " fetched " + Numbers.grouped(fetches)
                    + " rows from the table";
            String why = "An Index Only Scan still reads the table for rows on pages the visibility map does not "
                    + "mark all-visible. VACUUM " + table + " (or tune autovacuum for it, e.g. a lower "
                    + "autovacuum_vacuum_scale_factor or autovacuum_vacuum_insert_scale_factor) so the scan can "
                    + "answer from the index alone.";
            out.add(new Insight(InsightKind.HEAP_FETCHES, List.of(n.id()), ImpactScore.of(share), share, title, why,
                    ev));
        }
        return out;
    }
}
