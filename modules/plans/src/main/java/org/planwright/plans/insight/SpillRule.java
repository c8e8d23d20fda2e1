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
 * SORT_SPILL and HASH_SPILL: work that did not fit in {@code work_mem} (PostgreSQL documentation, "Resource
 * Consumption": sorts and hash tables beyond work_mem use temporary files). A sort spilled when its Sort Space
 * Type is "Disk" or its Sort Method is an external one (for the leader or any worker); a hash spilled when it
 * ran in more than one batch ("Hash Batches" &gt; 1 for a Hash node, "HashAgg Batches" &gt; 1 or a "Disk Usage"
 * for a hashed Aggregate, PostgreSQL 13+); MATERIALIZE_SPILL: a node that keeps rows in a tuplestore (Materialize,
 * WindowAgg, CTE Scan, Recursive Union, Table Function Scan) reported "Storage: Disk" (PostgreSQL 18+, with its
 * "Maximum Storage" in kB). Impact: the node's exclusive time share; the score is at least 1,
 * since a spill is always worth knowing about.
 */
public final class SpillRule implements InsightRule {

    /** A hash spilled when its batch count is above this. */
    public static final long MAX_IN_MEMORY_BATCHES = 1;

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : NodeSets.of(plan, "Sort", "Incremental Sort")) {
            if (sortSpilled(n)) {
                out.add(sort(plan, n));
            }
        }
        for (PlanNode n : NodeSets.of(plan, "Hash", "Aggregate", "SetOp")) {
            if (n.hashBatches().orElse(1) > MAX_IN_MEMORY_BATCHES || n.diskUsage().orElse(0) > 0) {
                out.add(hash(plan, n));
            }
        }
        for (PlanNode n : NodeSets.of(plan, TUPLESTORE_NODES)) {
            if ("Disk".equals(n.str("Storage").orElse(""))) {
                out.add(tuplestore(plan, n));
            }
        }
        return out;
    }

    /** Node types that keep rows in a tuplestore and report "Storage" on PostgreSQL 18+. */
    private static final String[] TUPLESTORE_NODES = {"Materialize", "WindowAgg", "CTE Scan", "Recursive Union",
        "Table Function Scan"};

    private static Insight tuplestore(Plan plan, PlanNode n) {
        double share = ImpactScore.exclusiveShare(plan, n);
        Map<String, Double> ev = new LinkedHashMap<>();
        n.lng("Maximum Storage").ifPresent(kb -> ev.put("maximum storage (kB)", (double) kb));
        ev.put("temp blocks written (8 kB)", (double) n.exclusiveBuffers().tempWritten());
        ev.put("exclusive time (ms)", n.exclusiveTime());
        ev.put("share of execution time (fraction)", share);
        String title = Phrases.label(n) + " kept its rows on disk"
                + n.lng("Maximum Storage").stream().mapToObj(kb -> " (" + Numbers.grouped(kb) + " kB)").findFirst()
                .orElse("");
        String why = "The rows this node stores for re-reading (a tuplestore) did not fit in work_mem and went to "
                + "temporary files. Raise work_mem for this query above the storage shown, or make the stored rows "
                + "fewer or narrower (select only the columns needed; for a window function, a PARTITION BY that "
                + "splits the rows).";
        return new Insight(InsightKind.MATERIALIZE_SPILL, List.of(n.id()), Math.max(1, ImpactScore.of(share)), share,
                title, why, ev);
    }

    static boolean sortSpilled(PlanNode n) {
        if (isDiskSort(n.sortSpaceType().orElse(""), n.sortMethod().orElse(""))) {
            return true;
        }
        return n.workers().stream().anyMatch(w -> isDiskSort(String.valueOf(w.getOrDefault("Sort Space Type", "")),
                String.valueOf(w.getOrDefault("Sort Method", ""))));
    }

    private static boolean isDiskSort(String spaceType, String method) {
        return "Disk".equals(spaceType) || method.startsWith("external");
    }

    private static Insight sort(Plan plan, PlanNode n) {
        double share = ImpactScore.exclusiveShare(plan, n);
        long disk = n.sortSpaceUsed().orElse(0);
        for (Map<String, Object> w : n.workers()) {
            if (w.get("Sort Space Used") instanceof Number u && "Disk".equals(w.get("Sort Space Type"))) {
                disk = Math.max(disk, u.longValue());
            }
        }
        Map<String, Double> ev = new LinkedHashMap<>();
        ev.put("sort space used on disk (kB, largest process)", (double) disk);
        ev.put("temp blocks written (8 kB)", (double) n.exclusiveBuffers().tempWritten());
        ev.put("exclusive time (ms)", n.exclusiveTime());
        ev.put("share of execution time (fraction)", share);
        String title = Phrases.label(n) + " spilled to disk (" + n.sortMethod().orElse("external sort")
                + (disk > 0 ? ", " + Numbers.grouped(disk) + " kB" : "") + ")";
        String why = "The sort did not fit in work_mem and wrote temporary files. Raising work_mem for this query "
                + "(SET LOCAL work_mem = ...) above the space written to disk usually keeps it in memory; an index "
                + "that returns rows already in order, or sorting fewer rows, avoids the sort altogether.";
        return new Insight(InsightKind.SORT_SPILL, List.of(n.id()), Math.max(1, ImpactScore.of(share)), share, title,
                why, ev);
    }

    private static Insight hash(Plan plan, PlanNode n) {
        double share = ImpactScore.exclusiveShare(plan, n);
        Map<String, Double> ev = new LinkedHashMap<>();
        ev.put("batches", (double) n.hashBatches().orElse(1));
        n.originalHashBatches().ifPresent(b -> ev.put("planned batches", (double) b));
        n.peakMemoryUsage().ifPresent(m -> ev.put("peak memory (kB)", (double) m));
        n.diskUsage().ifPresent(d -> ev.put("disk usage (kB)", (double) d));
        ev.put("exclusive time (ms)", n.exclusiveTime());
        ev.put("share of execution time (fraction)", share);
        String title = Phrases.label(n) + " spilled to disk in " + n.hashBatches().orElse(1) + " batches";
        String why = "The hash table did not fit in work_mem (times hash_mem_multiplier on PostgreSQL 13+), so "
                + "PostgreSQL split it into batches written to temporary files. Raise work_mem for this query, "
                + "or check the row estimate of the hashed input: an under-estimate leads to too few planned batches.";
        return new Insight(InsightKind.HASH_SPILL, List.of(n.id()), Math.max(1, ImpactScore.of(share)), share, title,
                why, ev);
    }
}
