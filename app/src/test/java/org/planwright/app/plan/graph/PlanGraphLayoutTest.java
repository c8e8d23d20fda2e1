package org.planwright.app.plan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.PlanParser;
import org.planwright.testsupport.Corpus;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

@ExtendWith(PostgresExtension.class)
class PlanGraphLayoutTest {

    static Plan corpus(String relative) throws IOException {
        return PlanParser.parse(Files.readString(Corpus.resolve(relative)));
    }

    @Test
    void everyNodeOfTpchQ9GetsABoxAndNoTwoBoxesOverlap() throws IOException {
        Plan plan = corpus("plans/generated-tpch/tpch-q9.json");

        PlanGraphLayout layout = PlanGraphLayout.of(plan, Set.of());

        assertThat(layout.boxes()).hasSize(plan.nodeCount());
        List<NodeBox> boxes = layout.boxes();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                NodeBox a = boxes.get(i);
                NodeBox b = boxes.get(j);
                assertThat(a.intersects(b.x(), b.y(), b.x() + b.width(), b.y() + b.height()))
                        .as("boxes of nodes %d and %d overlap", a.nodeId(), b.nodeId()).isFalse();
            }
        }
        for (NodeBox b : boxes) {
            assertThat(b.x() + b.width()).isLessThanOrEqualTo(layout.width());
            assertThat(b.y() + b.height()).isLessThanOrEqualTo(layout.height());
        }
    }

    @Test
    void childrenSitOneLevelBelowTheirParentWhichIsCentredOverThem() throws IOException {
        Plan plan = corpus("plans/generated-tpch/tpch-q9.json");
        PlanGraphLayout layout = PlanGraphLayout.of(plan, Set.of());

        for (PlanNode n : plan.nodes()) {
            if (n.children().isEmpty()) {
                continue;
            }
            NodeBox parent = layout.box(n.id());
            NodeBox first = layout.box(n.children().getFirst().id());
            NodeBox last = layout.box(n.children().getLast().id());
            assertThat(first.y()).isEqualTo(parent.y() + PlanGraphLayout.BOX_HEIGHT + PlanGraphLayout.V_GAP);
            assertThat(parent.centerX()).isEqualTo((first.centerX() + last.centerX()) / 2);
            for (int i = 1; i < n.children().size(); i++) {
                assertThat(layout.box(n.children().get(i).id()).x())
                        .isGreaterThan(layout.box(n.children().get(i - 1).id()).x());
            }
        }
        assertThat(layout.edges()).hasSize(plan.nodeCount() - 1);
    }

    @Test
    void aCollapsedNodeHidesItsSubtreeAndCountsIt() throws IOException {
        Plan plan = corpus("plans/generated-tpch/tpch-q9.json");
        PlanNode joined = plan.nodes().stream().filter(n -> n.children().size() == 2).findFirst().orElseThrow();
        int below = (int) plan.nodes().stream().filter(n -> isBelow(n, joined)).count();

        PlanGraphLayout layout = PlanGraphLayout.of(plan, Set.of(joined.id()));

        assertThat(layout.boxes()).hasSize(plan.nodeCount() - below);
        assertThat(layout.box(joined.id()).collapsed()).isTrue();
        assertThat(layout.box(joined.id()).hiddenNodes()).isEqualTo(below);
        assertThat(layout.box(joined.children().getFirst().id())).isNull();
        assertThat(layout.width()).isLessThan(PlanGraphLayout.of(plan, Set.of()).width());
    }

    @Test
    void visibleFindsOnlyTheBoxesInsideTheArea() throws IOException {
        Plan plan = corpus("plans/generated-tpch/tpch-q9.json");
        PlanGraphLayout layout = PlanGraphLayout.of(plan, Set.of());

        List<NodeBox> top = layout.visible(0, 0, layout.width(), PlanGraphLayout.MARGIN + 1);

        assertThat(top).extracting(NodeBox::nodeId).containsExactly(0);
        assertThat(layout.visible(0, 0, layout.width(), layout.height())).hasSize(plan.nodeCount());
    }

    @Test
    void anAppendOverManyPartitionsStartsCollapsed(PostgresFixture pg) throws SQLException {
        Plan plan = PlanParser.parse(PartitionedPlans.fullScanPlan(pg, PlanGraphLayout.LARGE_APPEND_CHILDREN + 10));
        PlanNode append = plan.nodes().stream().filter(n -> n.nodeType().equals("Append")).findFirst().orElseThrow();
        assertThat(append.children()).hasSize(PlanGraphLayout.LARGE_APPEND_CHILDREN + 10);

        Set<Integer> collapsed = PlanGraphLayout.defaultCollapsed(plan);
        PlanGraphLayout layout = PlanGraphLayout.of(plan, collapsed);

        assertThat(collapsed).containsExactly(append.id());
        assertThat(layout.boxes()).hasSize(append.id() + 1);
        assertThat(layout.box(append.id()).hiddenNodes()).isEqualTo(PlanGraphLayout.LARGE_APPEND_CHILDREN + 10);
    }

    @Test
    void edgeSegmentsJoinEachChildToItsParentAndAreClippedToTheArea() throws IOException {
        Plan plan = corpus("plans/generated-tpch/tpch-q9.json");
        PlanGraphLayout layout = PlanGraphLayout.of(plan, Set.of());

        List<PlanGraphLayout.Segment> all = layout.segments(0, 0, layout.width(), layout.height());

        for (PlanNode n : plan.nodes()) {
            n.parent().ifPresent(p -> {
                NodeBox child = layout.box(n.id());
                assertThat(all).as("stub into node %d", n.id()).anyMatch(s -> s.x1() == child.centerX()
                        && s.x2() == child.centerX() && s.y2() == child.y());
            });
        }
        double mid = layout.width() / 2;
        assertThat(layout.segments(0, 0, mid, layout.height()))
                .allSatisfy(s -> assertThat(Math.min(s.x1(), s.x2())).isLessThanOrEqualTo(mid))
                .allSatisfy(s -> assertThat(Math.max(s.x1(), s.x2())).isLessThanOrEqualTo(mid));
    }

    @Test
    void aSmallAppendStaysExpanded() throws IOException {
        Plan plan = corpus("plans/pev2/samples__plan_4partitions_source.txt");

        assertThat(plan.nodes()).anyMatch(n -> n.nodeType().equals("Append"));
        assertThat(PlanGraphLayout.defaultCollapsed(plan)).isEmpty();
    }

    private static boolean isBelow(PlanNode n, PlanNode ancestor) {
        for (PlanNode p = n.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
