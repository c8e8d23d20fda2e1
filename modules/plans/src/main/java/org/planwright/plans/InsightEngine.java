package org.planwright.plans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs {@link InsightRule}s over a plan and ranks what they find: highest score first, then largest impact
 * (time or cost at stake), then plan order. Immutable and thread-safe if its rules are.
 */
public final class InsightEngine {

    private static final Comparator<Insight> RANK = Comparator.comparingInt(Insight::score).reversed()
            .thenComparing(Comparator.comparingDouble(Insight::impact).reversed())
            .thenComparingInt(i -> i.nodeIds().getFirst());

    private final List<InsightRule> rules;

    /**
     * An engine with the standard rules: slow nodes, row misestimates, filtering seq scans, spills, JIT, join
     * filters, index rechecks, lossy bitmaps, heap fetches, missing parallel workers, nested loops, read
     * efficiency, large offsets.
     */
    public InsightEngine() {
        this(List.of(new SlowNodeRule(), new RowMisestimateRule(), new SeqScanFilterRule(), new SpillRule(),
                new JitShareRule(), new JoinFilterRule(), new IndexRecheckRule(), new LossyBitmapRule(),
                new HeapFetchesRule(), new WorkersLaunchedRule(), new NestedLoopRule(), new ReadEfficiencyRule(),
                new LargeOffsetRule()));
    }

    /** @param rules the rules to run, in any order */
    public InsightEngine(List<InsightRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param plan a parsed plan
     * @return the insights of all rules, ranked by score, then impact, then node id
     */
    public List<Insight> analyze(Plan plan) {
        List<Insight> all = new ArrayList<>();
        for (InsightRule r : rules) {
            all.addAll(r.apply(plan));
        }
        all.sort(RANK);
        return List.copyOf(all);
    }

    /** @return a short name for a node as EXPLAIN shows it, e.g. "Seq Scan on lineitem", "Hash Join" */
    static String label(PlanNode n) {
        return n.label() + " (node " + n.id() + ")";
    }

    /** @return {@code ms} formatted for a sentence, e.g. "1,234 ms" or "0.42 ms" */
    static String ms(double ms) {
        return ms >= 100 ? String.format(java.util.Locale.ROOT, "%,.0f ms", ms)
                : String.format(java.util.Locale.ROOT, "%.2f ms", ms);
    }

    /** @return {@code fraction} as a percentage for a sentence, e.g. "42%" or "0.5%" */
    static String pct(double fraction) {
        double p = fraction * 100;
        if (p > 99 && p < 100) {
            return String.format(java.util.Locale.ROOT, "%.1f%%", Math.floor(p * 10) / 10);
        }
        return p >= 10 || p == 0 ? String.format(java.util.Locale.ROOT, "%.0f%%", p)
                : String.format(java.util.Locale.ROOT, "%.1f%%", p);
    }
}
