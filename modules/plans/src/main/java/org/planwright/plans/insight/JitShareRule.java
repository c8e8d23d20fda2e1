package org.planwright.plans.insight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planwright.plans.Plan;
import org.planwright.plans.Insight;
import org.planwright.plans.InsightKind;
import org.planwright.plans.InsightRule;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.ImpactScore;
import org.planwright.plans.Jit;

/**
 * JIT_SHARE: JIT compilation ("JIT: ... Timing: ... Total") took at least {@link InsightThresholds#jitShare()} of the execution
 * time. PostgreSQL decides to compile from cost estimates (jit_above_cost, default 100000; PostgreSQL
 * documentation, "When to JIT?"), so a short query with a high estimated cost pays compilation time it never
 * wins back. In parallel plans PostgreSQL sums the JIT time of all processes, which can exceed the wall-clock
 * execution time: the share is capped at 1. The insight concerns the root node (JIT is plan-wide). Threshold:
 * Planwright's (10 %, score 3). Impact: the JIT share.
 */
public final class JitShareRule implements InsightRule {


    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public JitShareRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (JIT share) */
    public JitShareRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        Jit jit = plan.jit().orElse(null);
        double exec = plan.executionTime().orElse(0);
        if (jit == null || exec <= 0 || jit.totalTime() <= 0) {
            return List.of();
        }
        double share = Math.min(1.0, jit.totalTime() / exec);
        if (share < thresholds.jitShare()) {
            return List.of();
        }
        Map<String, Double> ev = new LinkedHashMap<>();
        ev.put("JIT time (ms, all processes)", jit.totalTime());
        ev.put("execution time (ms)", exec);
        ev.put("share of execution time (fraction)", share);
        if (jit.functions() >= 0) {
            ev.put("functions compiled", (double) jit.functions());
        }
        String title = "JIT compilation takes " + Phrases.pct(share) + " of the execution time ("
                + Phrases.ms(jit.totalTime()) + ")";
        String why = "PostgreSQL compiled " + (jit.functions() >= 0 ? jit.functions() + " " : "")
                + "expressions to machine code because the estimated cost was high, but compiling took "
                + Phrases.pct(share) + " of the execution time. For queries like this one, raise "
                + "jit_above_cost (or jit_optimize_above_cost / jit_inline_above_cost), or SET jit = off for the "
                + "session; fixing a row over-estimate also lowers the cost that triggers JIT.";
        return List.of(new Insight(InsightKind.JIT_SHARE, List.of(plan.root().id()), ImpactScore.of(share), share,
                title, why, ev));
    }
}
