package org.planwright.app.plan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.planwright.plans.ImpactScore;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

class GraphColouringTest {

    @Test
    void theNodeWithTheLargestTimeShareIsHottestOnTheTimeScale() throws Exception {
        Plan plan = PlanGraphLayoutTest.corpus("plans/generated-tpch/tpch-q9.json");
        PlanNode slowest = plan.nodes().stream()
                .max(java.util.Comparator.comparingDouble(PlanNode::exclusiveTime)).orElseThrow();
        double share = ImpactScore.exclusiveShare(plan, slowest);

        int level = GraphColouring.EXCLUSIVE_TIME.level(plan, slowest);

        int expected = (int) java.util.Arrays.stream(GraphColouring.SHARE_BOUNDS).filter(b -> share >= b).count();
        assertThat(level).isEqualTo(expected).isPositive();
        for (PlanNode n : plan.nodes()) {
            assertThat(GraphColouring.EXCLUSIVE_TIME.level(plan, n)).isLessThanOrEqualTo(level);
        }
    }

    @Test
    void misestimateLevelsFollowTheFactorBounds() throws Exception {
        Plan plan = PlanGraphLayoutTest.corpus("plans/generated-tpch/tpch-q9.json");
        for (PlanNode n : plan.nodes()) {
            int level = GraphColouring.ROW_MISESTIMATE.level(plan, n);
            double factor = n.rowEstimate().map(e -> e.factor()).orElse(1.0);
            if (factor >= 1000) {
                assertThat(level).isEqualTo(4);
            } else if (factor < 2) {
                assertThat(level).isZero();
            } else {
                assertThat(level).isBetween(1, 3);
            }
        }
        assertThat(plan.nodes()).anyMatch(n -> GraphColouring.ROW_MISESTIMATE.level(plan, n) > 0);
    }

    @Test
    void eachScaleHasALegendEntryPerLevel() {
        for (GraphColouring c : GraphColouring.values()) {
            assertThat(c.legend()).hasSize(GraphColouring.LEVELS);
        }
        assertThat(GraphColouring.styleClass(3)).isEqualTo("heat-3");
    }
}
