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
 * SLOW_COUNT: a {@code count(...)} without GROUP BY (an Aggregate with no Group Key whose Output, shown by EXPLAIN
 * VERBOSE, holds a count) over a Seq Scan or an Index Only Scan — possibly through Gather and a Partial Aggregate —
 * that read at least
 * {@link InsightThresholds#slowCountRows()} rows (kept + removed by filter, all loops; planned rows without
 * ANALYZE, which for a parallel scan are per process and so understate). PostgreSQL counts by visiting every row,
 * because whether a row is visible depends on the snapshot (PostgreSQL wiki, "Slow Counting" and "Count
 * estimate"). Without VERBOSE the aggregate functions are not in the plan and the rule stays silent. Impact: the
 * Aggregate's inclusive time share (its cost share without ANALYZE).
 */
public final class SlowCountRule implements InsightRule {

    /** Nodes between the counting Aggregate and its scan that pass the rows through. */
    private static final Set<String> PASS_THROUGH = Set.of("Gather", "Gather Merge", "Aggregate");

    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public SlowCountRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (slow count rows) */
    public SlowCountRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : NodeSets.of(plan, "Aggregate")) {
            if (!"Aggregate".equals(n.nodeType()) || n.properties().containsKey("Group Key")
                    || "Partial".equals(n.str("Partial Mode").orElse("")) || !counts(n)) {
                continue;
            }
            PlanNode scan = scanBelow(n);
            if (scan == null) {
                continue;
            }
            double read = rowsRead(plan, scan);
            if (read < thresholds.slowCountRows()) {
                continue;
            }
            double share = plan.analyzed() ? ImpactScore.inclusiveShare(plan, n) : costShare(plan, n);
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put(plan.analyzed() ? "rows read by the scan (all loops)" : "rows the scan is expected to read", read);
            scan.rowsRemovedByFilter().ifPresent(r -> ev.put("rows removed by filter (per loop)", r));
            if (plan.analyzed()) {
                ev.put("count inclusive time (ms)", n.inclusiveTime());
            }
            ev.put("share of execution time (fraction)", share);
            String table = scan.relationName().orElse("the table");
            boolean indexOnly = "Index Only Scan".equals(scan.nodeType());
            String title = Phrases.label(n) + " counts " + Numbers.whole(read) + " rows by visiting each of "
                    + "them in " + table;
            String how = indexOnly
                    ? "counts through " + Phrases.label(scan) + ", which still visits every index entry (and "
                    + "the table for pages not all-visible: keep " + table + " vacuumed)"
                    : "count over " + Phrases.label(scan) + " reads the whole table" + scan.filter()
                    .map(f -> " and checks " + f + " on every row; an index on the filtered column(s) lets it count "
                    + "with an Index Only Scan of the matching entries")
                    .orElse("; an Index Only Scan of a small index counts faster when the table is well vacuumed "
                    + "(visibility map)");
            String why = "PostgreSQL counts rows by visiting each one (whether a row is visible depends on the "
                    + "transaction), so this " + how + ". If an estimate is enough, read it from the statistics "
                    + "instead: SELECT reltuples::bigint FROM pg_class WHERE oid = '" + table + "'::regclass (kept up "
                    + "to date by VACUUM and ANALYZE).";
            out.add(new Insight(InsightKind.SLOW_COUNT, List.of(n.id(), scan.id()), ImpactScore.of(share), share,
                    title, why, ev));
        }
        return out;
    }

    private static boolean counts(PlanNode aggregate) {
        for (String o : aggregate.output()) {
            if (o.startsWith("count(") || o.startsWith("(count(")) {
                return true;
            }
        }
        return false;
    }

    /** @return the Seq Scan or Index Only Scan the aggregate reads through single-child pass-through nodes, or null */
    private static PlanNode scanBelow(PlanNode aggregate) {
        PlanNode n = aggregate;
        while (true) {
            List<PlanNode> kids = n.children();
            if (kids.size() != 1) {
                return null;
            }
            n = kids.getFirst();
            if ("Seq Scan".equals(n.nodeType()) || "Index Only Scan".equals(n.nodeType())) {
                return n;
            }
            if (!PASS_THROUGH.contains(n.nodeType())) {
                return null;
            }
        }
    }

    private static double rowsRead(Plan plan, PlanNode scan) {
        if (!plan.analyzed()) {
            return scan.planRows().orElse(0);
        }
        double loops = Math.max(1, scan.actualLoops().orElse(1));
        return (scan.actualRows().orElse(0) + scan.rowsRemovedByFilter().orElse(0)) * loops;
    }

    private static double costShare(Plan plan, PlanNode n) {
        double total = plan.root().totalCost().orElse(0);
        return total > 0 ? Math.clamp(n.totalCost().orElse(0) / total, 0.0, 1.0) : 0;
    }
}
