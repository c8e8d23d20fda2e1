package org.planwright.app.plan.graph;

import java.util.List;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.RowEstimate;

/**
 * What the node graph's box colours show, on a five-step scale (level 0 = unremarkable .. 4 = worst) that the
 * boxes carry as style classes {@code heat-0} .. {@code heat-4}. Pure functions; thread-safe.
 *
 * <p>Time and cost use the node's share of the statement with the bounds of {@link #SHARE_BOUNDS} (5 %, 10 %,
 * 25 %, 50 %: the 10 % and 50 % steps are the plan tree's "cost-medium" / "cost-high", PEV2's highlight idea);
 * misestimates use the row-estimate factor with the bounds of {@link #FACTOR_BOUNDS} (2x, 10x, 100x, 1000x,
 * the factor as PEV2's plan-service computes it, see {@link RowEstimate}).
 */
public enum GraphColouring {

    /** Exclusive time as a share of the execution time (plans with ANALYZE; cost share otherwise). */
    EXCLUSIVE_TIME("Exclusive time"),
    /** Exclusive cost as a share of the root's total cost. */
    EXCLUSIVE_COST("Exclusive cost"),
    /** How far the planner's row estimate is off (either way). */
    ROW_MISESTIMATE("Row misestimate");

    /** Lower bounds (fractions 0..1) of levels 1..4 for time and cost. */
    public static final double[] SHARE_BOUNDS = {0.05, 0.10, 0.25, 0.50};
    /** Lower bounds (estimate factors) of levels 1..4 for misestimates. */
    public static final double[] FACTOR_BOUNDS = {2, 10, 100, 1000};
    /** Number of levels on the scale. */
    public static final int LEVELS = 5;

    private final String label;

    GraphColouring(String label) {
        this.label = label;
    }

    /** @return the name shown in the choice box */
    @Override
    public String toString() {
        return label;
    }

    /**
     * @param plan the node's plan
     * @param node a node
     * @return 0..4 on this colouring's scale
     */
    public int level(Plan plan, PlanNode node) {
        return switch (this) {
            case EXCLUSIVE_TIME -> step(org.planwright.plans.ImpactScore.exclusiveShare(plan, node), SHARE_BOUNDS);
            case EXCLUSIVE_COST -> {
                double total = plan.root().totalCost().orElse(0);
                yield total > 0 ? step(node.exclusiveCost() / total, SHARE_BOUNDS) : 0;
            }
            case ROW_MISESTIMATE -> node.rowEstimate().map(e -> step(e.factor(), FACTOR_BOUNDS)).orElse(0);
        };
    }

    /** @return the style class of a level, e.g. "heat-3" */
    public static String styleClass(int level) {
        return "heat-" + level;
    }

    /** @return legend texts of levels 0..4, e.g. "< 5 %", "5-10 %", ... or "< 2x", "2-10x", ... */
    public List<String> legend() {
        if (this == ROW_MISESTIMATE) {
            return List.of("< 2×", "2–10×", "10–100×", "100–1000×", "≥ 1000×");
        }
        return List.of("< 5 %", "5–10 %", "10–25 %", "25–50 %", "≥ 50 %");
    }

    private static int step(double value, double[] bounds) {
        int level = 0;
        for (double b : bounds) {
            if (value >= b) {
                level++;
            }
        }
        return level;
    }
}
