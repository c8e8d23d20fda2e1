package org.planwright.plans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HEAP_FETCHES: an Index Only Scan whose "Heap Fetches" (all loops) are at least {@link #MIN_HEAP_FETCHES} and
 * at least {@link #MIN_FETCHED} of the rows it returned (all loops). An index-only scan visits the table for
 * every row on a page not marked all-visible in the visibility map; VACUUM sets those bits (PostgreSQL
 * documentation, "Index-Only Scans and Covering Indexes" and "Updating the Visibility Map"). Thresholds are
 * Planwright's: a tenth of the rows makes the scan noticeably closer to a plain Index Scan; 100 fetches keeps
 * one-off fetches out. Impact: the scan's exclusive time share.
 */
public final class HeapFetchesRule implements InsightRule {

    /** Minimum heap fetches over all loops. */
    public static final long MIN_HEAP_FETCHES = 100;
    /** Minimum heap fetches per returned row (fraction; may exceed 1 with dead index entries). */
    public static final double MIN_FETCHED = 0.10;

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : plan.nodes()) {
            if (!"Index Only Scan".equals(n.nodeType()) || n.heapFetches().isEmpty()) {
                continue;
            }
            long fetches = n.heapFetches().getAsLong();
            double rows = n.totalActualRows();
            double perRow = rows > 0 ? fetches / rows : fetches;
            if (fetches < MIN_HEAP_FETCHES || perRow < MIN_FETCHED) {
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
            String title = InsightEngine.label(n) + " fetched " + String.format(java.util.Locale.ROOT, "%,d", fetches)
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
