package org.planwright.app.plan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwright.app.plan.PlanViewModel;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

class PlanGraphViewModelTest {

    private final PlanViewModel plan = new PlanViewModel();
    private final PlanGraphViewModel graph = plan.graph();

    @Test
    void showingAPlanLaysItOutAndTogglingCollapsesAndExpands() throws Exception {
        Plan q9 = PlanGraphLayoutTest.corpus("plans/generated-tpch/tpch-q9.json");
        plan.show(q9, "", List.of());
        assertThat(graph.layoutProperty().get().boxes()).hasSize(q9.nodeCount());

        graph.toggle(1);

        assertThat(graph.isCollapsed(1)).isTrue();
        assertThat(graph.layoutProperty().get().box(1).collapsed()).isTrue();
        assertThat(graph.layoutProperty().get().boxes()).hasSizeLessThan(q9.nodeCount());

        graph.toggle(1);

        assertThat(graph.layoutProperty().get().boxes()).hasSize(q9.nodeCount());
    }

    @Test
    void selectingANodeHiddenInACollapsedSubtreeExpandsItsAncestors() throws Exception {
        Plan q9 = PlanGraphLayoutTest.corpus("plans/generated-tpch/tpch-q9.json");
        plan.show(q9, "", List.of());
        PlanNode deepest = q9.nodes().getLast();
        graph.toggle(0);
        assertThat(graph.layoutProperty().get().box(deepest.id())).isNull();

        plan.selectedNodeProperty().set(deepest);

        assertThat(graph.isCollapsed(0)).isFalse();
        assertThat(graph.layoutProperty().get().box(deepest.id())).isNotNull();
    }

    @Test
    void leavesCannotBeCollapsedAndZoomStaysInItsRange() throws Exception {
        Plan q9 = PlanGraphLayoutTest.corpus("plans/generated-tpch/tpch-q9.json");
        plan.show(q9, "", List.of());
        PlanNode leaf = q9.nodes().stream().filter(n -> n.children().isEmpty()).findFirst().orElseThrow();

        graph.toggle(leaf.id());
        graph.zoomProperty().set(100);

        assertThat(graph.isCollapsed(leaf.id())).isFalse();
        assertThat(graph.zoomProperty().get()).isEqualTo(PlanGraphViewModel.MAX_ZOOM);
        graph.zoomBy(0.0001);
        assertThat(graph.zoomProperty().get()).isEqualTo(PlanGraphViewModel.MIN_ZOOM);
    }

    @Test
    void clearingThePlanClearsTheLayout() throws Exception {
        plan.show(PlanGraphLayoutTest.corpus("plans/generated-tpch/tpch-q1.json"), "", List.of());

        plan.clear();

        assertThat(graph.layoutProperty().get()).isNull();
    }
}
