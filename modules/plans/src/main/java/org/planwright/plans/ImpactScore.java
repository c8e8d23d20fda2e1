package org.planwright.plans;

/**
 * Maps the share of execution time a problem costs to the 0-5 score of an {@link Insight}. Planwright's own
 * scale, roughly logarithmic so that a problem worth half the query ranks above one worth a tenth:
 *
 * <pre>
 * share &gt;= 50 %  -&gt; 5      share &gt;= 10 % -&gt; 3      share &gt;= 1 % -&gt; 1
 * share &gt;= 25 %  -&gt; 4      share &gt;=  5 % -&gt; 2      otherwise    -&gt; 0
 * </pre>
 *
 * For plans without ANALYZE the share of the root's total cost stands in for the share of time.
 */
public final class ImpactScore {

    /** Lower bounds (fractions) of scores 5, 4, 3, 2, 1. */
    static final double[] BOUNDS = {0.50, 0.25, 0.10, 0.05, 0.01};

    private ImpactScore() {
    }

    /**
     * @param share fraction 0..1 of the execution time (or cost) at stake
     * @return score 0..5
     */
    public static int of(double share) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (share >= BOUNDS[i]) {
                return 5 - i;
            }
        }
        return 0;
    }

    /**
     * @param plan a plan
     * @param node one of its nodes
     * @return the node's exclusive time share, or for plans without ANALYZE its exclusive cost over the root's
     *         total cost (fraction 0..1)
     */
    public static double exclusiveShare(Plan plan, PlanNode node) {
        if (plan.analyzed()) {
            return node.executionShare();
        }
        double total = plan.root().totalCost().orElse(0);
        return total > 0 ? Math.clamp(node.exclusiveCost() / total, 0.0, 1.0) : 0;
    }

    /** @return the node's inclusive time over the plan's total time (fraction 0..1; 0 without ANALYZE) */
    public static double inclusiveShare(Plan plan, PlanNode node) {
        double total = plan.totalTime();
        return total > 0 ? Math.clamp(node.inclusiveTime() / total, 0.0, 1.0) : 0;
    }
}
