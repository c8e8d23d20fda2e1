package org.planwright.app.plan.graph;

import java.util.Locale;
import org.planwright.app.plan.PlanNodeFormat;
import org.planwright.plans.ImpactScore;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * The text lines of one graph box, shared by the JavaFX graph and the SVG export. Pure; thread-safe.
 *
 * @param title       node type with join type / strategy, e.g. "Hash Join (Inner)"
 * @param target      relation, index, CTE or function, e.g. "film f using film_pkey"; without one the node's
 *                    hash / merge condition, join filter or filter, e.g. "(o.id = l.order_id)"; "" if none
 * @param cost        "12.3 ms · 45 %" (exclusive time and share) with ANALYZE, else "cost 1,234 · 12 %"
 * @param rows        "rows 200 → 16,044", estimated → actual per loop
 * @param misestimate "↑ 80×" (under-estimated) or "↓ 12×" (over-estimated); "" within a factor of 2
 */
public record GraphBoxText(String title, String target, String cost, String rows, String misestimate) {

    /**
     * @param plan the node's plan
     * @param node a node
     * @return its box text
     */
    public static GraphBoxText of(Plan plan, PlanNode node) {
        double share = ImpactScore.exclusiveShare(plan, node);
        String pct = String.format(Locale.ROOT, "%.0f %%", share * 100);
        String cost;
        if (plan.analyzed()) {
            String ms = node.neverExecuted() ? "never executed"
                    : node.exclusiveTime() <= 0 ? "0 ms" : PlanNodeFormat.millis(node.exclusiveTime()) + " ms";
            cost = ms + " · " + pct;
        } else {
            cost = "cost " + PlanNodeFormat.count(node.exclusiveCost()) + " · " + pct;
        }
        String target = PlanNodeFormat.target(node);
        if (target.isEmpty()) {
            target = node.hashCond().or(() -> node.str("Merge Cond")).or(node::joinFilter).or(node::filter)
                    .or(() -> list(node, "Group Key")).or(() -> list(node, "Sort Key")).orElse("");
        }
        return new GraphBoxText(PlanNodeFormat.title(node), target, cost,
                "rows " + PlanNodeFormat.rows(node), PlanNodeFormat.misestimate(node));
    }

    private static java.util.Optional<String> list(PlanNode node, String key) {
        Object v = node.properties().get(key);
        if (v instanceof java.util.List<?> l) {
            return l.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(key + ": " + String.join(", ",
                    l.stream().map(String::valueOf).toList()));
        }
        return v == null ? java.util.Optional.empty() : java.util.Optional.of(key + ": " + v);
    }
}
