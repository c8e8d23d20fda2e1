package org.planwright.app.plan.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.PlanParser;
import org.planwright.testsupport.Corpus;

class PlanStatisticsTest {

    private static Plan q9() throws Exception {
        return PlanParser.parse(Files.readString(Corpus.resolve("plans/generated-tpch/tpch-q9.json")));
    }

    @Test
    void nodeTypeGroupsAddUpToTheWholePlan() throws Exception {
        Plan plan = q9();

        PlanStatistics stats = PlanStatistics.of(plan);

        assertThat(stats.nodeTypes().stream().mapToInt(StatRow::count).sum()).isEqualTo(plan.nodeCount());
        double total = plan.nodes().stream().mapToDouble(PlanNode::exclusiveTime).sum();
        assertThat(stats.nodeTypes().stream().mapToDouble(StatRow::exclusiveMs).sum()).isCloseTo(total, within(1e-6));
        long hits = plan.nodes().stream().mapToLong(n -> n.exclusiveBuffers().sharedHit()).sum();
        assertThat(stats.nodeTypes().stream().mapToLong(StatRow::sharedHit).sum()).isEqualTo(hits);
    }

    @Test
    void everyTableOfQ9HasARowWithItsScans() throws Exception {
        Plan plan = q9();

        List<StatRow> tables = PlanStatistics.of(plan).tables();

        List<String> relations = plan.nodes().stream().flatMap(n -> n.relationName().stream()).distinct().toList();
        assertThat(tables).hasSize(relations.size());
        for (StatRow row : tables) {
            long scans = plan.nodes().stream().filter(n -> n.relationName().isPresent()
                    && row.name().endsWith(n.relationName().get())).count();
            assertThat(row.count()).isEqualTo((int) scans);
            assertThat(row.nodeIds()).hasSize(row.count());
            PlanNode first = plan.node(row.nodeIds().getFirst());
            for (int id : row.nodeIds()) {
                assertThat(plan.node(id).exclusiveTime()).isLessThanOrEqualTo(first.exclusiveTime());
            }
        }
        assertThat(tables).extracting(StatRow::name).anyMatch(n -> n.endsWith("lineitem"));
    }

    @Test
    void rowsAreSortedByExclusiveTimeAndSharesAreFractions() throws Exception {
        PlanStatistics stats = PlanStatistics.of(q9());

        for (List<StatRow> rows : List.of(stats.tables(), stats.indexes(), stats.nodeTypes())) {
            for (int i = 1; i < rows.size(); i++) {
                assertThat(rows.get(i).exclusiveMs()).isLessThanOrEqualTo(rows.get(i - 1).exclusiveMs());
            }
            assertThat(rows).allSatisfy(r -> assertThat(r.share()).isBetween(0.0, 1.0));
        }
        assertThat(stats.nodeTypes().stream().mapToDouble(StatRow::share).sum()).isCloseTo(1.0, within(0.02));
    }

    @Test
    void indexesListEachIndexUsed() throws Exception {
        Plan plan = q9();

        List<StatRow> indexes = PlanStatistics.of(plan).indexes();

        assertThat(indexes).extracting(StatRow::name).containsExactlyInAnyOrderElementsOf(
                plan.nodes().stream().flatMap(n -> n.indexName().stream()).distinct().toList());
    }
}
