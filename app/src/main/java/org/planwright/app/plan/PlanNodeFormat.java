package org.planwright.app.plan;

import java.util.Locale;
import java.util.Optional;
import org.planwright.plans.ImpactScore;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.RowEstimate;

/**
 * How plan nodes read in the plan tree: labels, number formats, and which nodes count as costly. Pure
 * functions; thread-safe.
 *
 * <p>Cost classes follow PEV2's highlighting idea: a node whose share of the statement
 * ({@link ImpactScore#exclusiveShare}: exclusive time with ANALYZE, exclusive cost without) is at least
 * {@value #HIGH_SHARE} is "cost-high", at least {@value #MEDIUM_SHARE} "cost-medium".
 */
public final class PlanNodeFormat {

    /** Share (fraction 0..1) from which a node is marked "cost-high" (red). */
    public static final double HIGH_SHARE = 0.5;
    /** Share (fraction 0..1) from which a node is marked "cost-medium" (orange). */
    public static final double MEDIUM_SHARE = 0.1;

    private PlanNodeFormat() {
    }

    /**
     * @param node a plan node
     * @return node type as EXPLAIN prints it with the join type, e.g. "Hash Join (Inner)", "HashAggregate",
     *     "Parallel Seq Scan",
     *     with a parent relationship like "SubPlan 1" or "InitPlan" prefixed when present
     */
    public static String title(PlanNode node) {
        StringBuilder sb = new StringBuilder(node.displayType());
        node.joinType().ifPresent(d -> sb.append(" (").append(d).append(')'));
        node.subplanName().ifPresent(s -> sb.insert(0, s + ": "));
        return sb.toString();
    }

    /**
     * @param node a plan node
     * @return the relation, index, CTE or function the node reads, e.g. "film f using film_pkey"; "" if none
     */
    public static String target(PlanNode node) {
        StringBuilder sb = new StringBuilder();
        node.relationName().ifPresent(r -> {
            sb.append(node.schema().map(s -> s + ".").orElse("")).append(r);
            node.alias().filter(a -> !a.equals(r)).ifPresent(a -> sb.append(' ').append(a));
        });
        node.cteName().ifPresent(c -> sb.append("CTE ").append(c));
        node.functionName().ifPresent(f -> sb.append(f).append("()"));
        node.indexName().ifPresent(i -> sb.append(sb.isEmpty() ? "" : " ").append("using ").append(i));
        return sb.toString();
    }

    /**
     * @param node a plan node
     * @return "estimated → actual" rows per loop, e.g. "200 → 16,044"; only the estimate without ANALYZE
     */
    public static String rows(PlanNode node) {
        String est = node.planRows().isPresent() ? count(node.planRows().getAsDouble()) : "?";
        if (node.neverExecuted()) {
            return est + " → never executed";
        }
        if (node.actualRows().isEmpty()) {
            return est;
        }
        return est + " → " + count(node.actualRows().getAsDouble());
    }

    /**
     * @param node a plan node
     * @return the misestimate, e.g. "↑ 80×" (planner under-estimated) or "↓ 12×" (over-estimated); "" when
     *     exact within a factor of 2, or unknown. Factor from PEV2's plan-service (see {@link RowEstimate}).
     */
    public static String misestimate(PlanNode node) {
        Optional<RowEstimate> e = node.rowEstimate();
        if (e.isEmpty() || e.get().factor() < 2) {
            return "";
        }
        String factor = count(e.get().factor()) + "×";
        return switch (e.get().direction()) {
            case UNDER -> "↑ " + factor;
            case OVER -> "↓ " + factor;
            case NONE -> "";
        };
    }

    /**
     * @param node a plan node
     * @return actual loops, "" without ANALYZE
     */
    public static String loops(PlanNode node) {
        return node.actualLoops().isPresent() ? count(node.actualLoops().getAsLong()) : "";
    }

    /**
     * @param ms milliseconds
     * @return e.g. "0.012", "12.3", "1,234" (ms); "" for 0
     */
    public static String millis(double ms) {
        if (ms <= 0) {
            return "";
        }
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.3f", ms);
        }
        if (ms < 100) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%,.0f", ms);
    }

    /**
     * @param node a plan node
     * @return shared buffers "hit / read" in 8 kB blocks, e.g. "1,204 / 37"; "" when the plan has none
     */
    public static String buffers(PlanNode node) {
        var b = node.exclusiveBuffers();
        if (!b.any()) {
            return "";
        }
        return count(b.sharedHit()) + " / " + count(b.sharedRead());
    }

    /**
     * @param plan the node's plan
     * @param node a plan node
     * @return the node's share (fraction 0..1) of the statement: exclusive time share with ANALYZE, else
     *     exclusive cost over the root's total cost ({@link ImpactScore#exclusiveShare})
     */
    public static double share(Plan plan, PlanNode node) {
        return ImpactScore.exclusiveShare(plan, node);
    }

    /**
     * @param share a node's {@link #share}
     * @return "cost-high", "cost-medium" or null
     */
    public static String costClass(double share) {
        if (share >= HIGH_SHARE) {
            return "cost-high";
        }
        return share >= MEDIUM_SHARE ? "cost-medium" : null;
    }

    /**
     * @param value a count
     * @return with thousands separators, no decimals (rounded)
     */
    public static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
