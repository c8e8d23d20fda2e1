package org.planwright.plans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.planwright.plans.insight.HeapFetchesRule;
import org.planwright.plans.insight.HighCostRule;
import org.planwright.plans.insight.IndexRecheckRule;
import org.planwright.plans.insight.InefficientIndexScanRule;
import org.planwright.plans.insight.JitShareRule;
import org.planwright.plans.insight.JoinFilterRule;
import org.planwright.plans.insight.LargeOffsetRule;
import org.planwright.plans.insight.LossyBitmapRule;
import org.planwright.plans.insight.NestedLoopRule;
import org.planwright.plans.insight.ReadEfficiencyRule;
import org.planwright.plans.insight.RowMisestimateRule;
import org.planwright.plans.insight.SeqScanFilterRule;
import org.planwright.plans.insight.SlowCountRule;
import org.planwright.plans.insight.SlowNodeRule;
import org.planwright.plans.insight.SpillRule;
import org.planwright.plans.insight.StaleStatisticsRule;
import org.planwright.plans.insight.WorkersLaunchedRule;

/**
 * Runs {@link InsightRule}s over a plan and ranks what they find: highest score first, then largest impact
 * (time or cost at stake), then plan order. Immutable and thread-safe if its rules are (the standard ones are).
 * Each rule walks the nodes once; the engine as a whole is linear in the node count.
 */
public final class InsightEngine {

    private static final Comparator<Insight> RANK = Comparator.comparingInt(Insight::score).reversed()
            .thenComparing(Comparator.comparingDouble(Insight::impact).reversed())
            .thenComparingInt(i -> i.nodeIds().getFirst());

    private final List<InsightRule> rules;
    private final InsightThresholds thresholds;

    /** An engine with the standard rules and {@link InsightThresholds#defaults()}. */
    public InsightEngine() {
        this(InsightThresholds.defaults());
    }

    /**
     * An engine with the standard rules: slow nodes, high exclusive cost (no ANALYZE), row misestimates, filtering
     * seq scans, inefficient index scans, spills, JIT, join filters, index rechecks, lossy bitmaps, heap fetches,
     * missing parallel workers, nested loops, read efficiency, large offsets, slow counts, stale statistics.
     *
     * @param thresholds the numbers every rule compares with
     */
    public InsightEngine(InsightThresholds thresholds) {
        this(standardRules(thresholds), thresholds);
    }

    /**
     * @param rules the rules to run, in any order (their own thresholds apply; {@link #thresholds()} reports
     *              the defaults)
     */
    public InsightEngine(List<InsightRule> rules) {
        this(rules, InsightThresholds.defaults());
    }

    private InsightEngine(List<InsightRule> rules, InsightThresholds thresholds) {
        this.rules = List.copyOf(rules);
        this.thresholds = thresholds;
    }

    /**
     * @param thresholds the numbers the rules compare with
     * @return one instance of each standard rule
     */
    public static List<InsightRule> standardRules(InsightThresholds thresholds) {
        return List.of(new SlowNodeRule(thresholds), new HighCostRule(thresholds), new RowMisestimateRule(thresholds),
                new SeqScanFilterRule(thresholds), new InefficientIndexScanRule(thresholds), new SpillRule(),
                new JitShareRule(thresholds), new JoinFilterRule(thresholds), new IndexRecheckRule(thresholds),
                new LossyBitmapRule(), new HeapFetchesRule(thresholds), new WorkersLaunchedRule(),
                new NestedLoopRule(thresholds), new ReadEfficiencyRule(thresholds), new LargeOffsetRule(thresholds),
                new SlowCountRule(thresholds), new StaleStatisticsRule(thresholds));
    }

    /** @return the thresholds this engine's standard rules use */
    public InsightThresholds thresholds() {
        return thresholds;
    }

    /**
     * @param plan a parsed plan
     * @return the insights of all rules, ranked by score, then impact, then node id
     */
    public List<Insight> analyze(Plan plan) {
        return analyze(plan, InsightContext.empty());
    }

    /**
     * @param plan    a parsed plan
     * @param context what the connection told about the database (table statistics); may be
     *                {@link InsightContext#empty()}
     * @return the insights of all rules, ranked by score, then impact, then node id
     */
    public List<Insight> analyze(Plan plan, InsightContext context) {
        List<Insight> all = new ArrayList<>();
        for (InsightRule r : rules) {
            all.addAll(r.apply(plan, context));
        }
        all.sort(RANK);
        return List.copyOf(all);
    }
}
