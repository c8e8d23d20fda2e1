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
import org.planwright.plans.InsightContext;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.ImpactScore;
import org.planwright.plans.RowEstimate;
import org.planwright.plans.TableStatistics;

/**
 * STALE_STATISTICS: a scan whose row estimate is off by at least {@link InsightThresholds#misestimateMinor()} (as
 * {@link RowMisestimateRule} measures it) on a table whose planner statistics are stale: never analyzed, or with
 * more rows modified since the last analyze ({@code n_mod_since_analyze}) than
 * {@link InsightThresholds#staleAnalyzeBaseThreshold()} + {@link InsightThresholds#staleAnalyzeScaleFactor()} x
 * live rows ({@code n_live_tup}) — PostgreSQL's own trigger for an autovacuum ANALYZE with the default
 * {@code autovacuum_analyze_threshold} 50 and {@code autovacuum_analyze_scale_factor} 0.1 (PostgreSQL
 * documentation, "The Autovacuum Daemon"). Needs ANALYZE in the plan and the tables' statistics in the
 * {@link InsightContext} (from {@code pg_stat_user_tables}); without them the rule stays silent. One insight per
 * table, naming all its misestimated scans. Impact: as for a misestimate, the largest inclusive time share of a
 * scan's parent; the score is at least 1.
 */
public final class StaleStatisticsRule implements InsightRule {

    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public StaleStatisticsRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (analyze scale factor and base; minor misestimate) */
    public StaleStatisticsRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Without table statistics there is nothing to tell: always empty. */
    @Override
    public List<Insight> apply(Plan plan) {
        return List.of();
    }

    @Override
    public List<Insight> apply(Plan plan, InsightContext context) {
        if (!plan.analyzed() || context.tableStatistics().isEmpty()) {
            return List.of();
        }
        Map<TableStatistics, List<PlanNode>> scans = new LinkedHashMap<>();
        for (PlanNode n : NodeSets.scans(plan)) {
            RowEstimate e = n.rowEstimate().orElse(null);
            if (e == null || e.factor() < thresholds.misestimateMinor() || n.relationName().isEmpty()) {
                continue;
            }
            TableStatistics t = context.tableOf(n).orElse(null);
            if (t != null && stale(t)) {
                scans.computeIfAbsent(t, k -> new ArrayList<>()).add(n);
            }
        }
        List<Insight> out = new ArrayList<>(scans.size());
        scans.forEach((t, nodes) -> out.add(insight(plan, t, nodes)));
        return out;
    }

    /** @return true when the table was never analyzed or more rows changed since than autovacuum would allow */
    boolean stale(TableStatistics t) {
        return t.lastAnalyzed().isEmpty() || t.modifiedSinceAnalyze() > analyzeThreshold(t);
    }

    private double analyzeThreshold(TableStatistics t) {
        return thresholds.staleAnalyzeBaseThreshold() + thresholds.staleAnalyzeScaleFactor() * t.liveTuples();
    }

    private Insight insight(Plan plan, TableStatistics t, List<PlanNode> nodes) {
        double share = 0;
        double factor = 0;
        for (PlanNode n : nodes) {
            share = Math.max(share, ImpactScore.inclusiveShare(plan, n.parent().orElse(n)));
            factor = Math.max(factor, n.rowEstimate().map(RowEstimate::factor).orElse(0.0));
        }
        boolean never = t.lastAnalyzed().isEmpty();
        Map<String, Double> ev = new LinkedHashMap<>();
        ev.put("live rows (n_live_tup)", (double) t.liveTuples());
        ev.put("rows modified since analyze (n_mod_since_analyze)", (double) t.modifiedSinceAnalyze());
        ev.put("autovacuum analyze threshold (rows)", analyzeThreshold(t));
        ev.put("largest misestimate factor (x)", factor);
        ev.put("share of execution time at stake (fraction)", share);
        String title = "Statistics of " + t.qualifiedName() + (never ? " were never collected (no ANALYZE)"
                : " are stale: " + Numbers.grouped(t.modifiedSinceAnalyze()) + " rows modified since the last ANALYZE");
        String why = (never ? "The table has never been analyzed, so the planner guesses its row counts"
                : "Since the last ANALYZE (" + t.lastAnalyzed().orElseThrow() + ") " + Numbers.grouped(
                t.modifiedSinceAnalyze()) + " rows were inserted, updated or deleted, more than the "
                + Numbers.whole(analyzeThreshold(t)) + " after which autovacuum would analyze it")
                + "; the estimate of " + Phrases.label(nodes.getFirst()) + " is off by "
                + Numbers.whole(factor) + "x. Run ANALYZE " + t.qualifiedName() + "; if it goes stale again, "
                + "lower autovacuum_analyze_scale_factor for the table (ALTER TABLE ... SET "
                + "(autovacuum_analyze_scale_factor = 0.02)) or analyze after bulk loads.";
        List<Integer> ids = nodes.stream().map(PlanNode::id).toList();
        return new Insight(InsightKind.STALE_STATISTICS, ids, Math.max(1, ImpactScore.of(share)), share, title, why,
                ev);
    }
}
