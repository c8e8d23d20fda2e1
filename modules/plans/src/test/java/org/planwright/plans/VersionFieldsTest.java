package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Field names and layouts that changed between PostgreSQL versions, read into the model's accessors from real
 * plans: PEV2's fixtures (corpus) and this project's PostgreSQL 18 fixtures.
 */
class VersionFieldsTest {

    private static Plan pev2(String name) {
        return CorpusFiles.parse("pev2", name);
    }

    private static Plan pg18(String name) {
        return PlanParser.parse(XmlYamlFixtureTest.fixture(name));
    }

    @Test
    void serializationAndPlanningMemoryOfPostgres17Text() {
        Plan p = pev2("23-serialization-and-planning.spec__source.txt");
        assertThat(p.serializationTime()).hasValue(4.690);
        assertThat(p.serializationOutputKb()).hasValue(31251.0);
        assertThat(p.properties().get("Serialization")).isInstanceOfSatisfying(java.util.Map.class,
                m -> assertThat(m).containsEntry("Format", "text").containsEntry("Shared Hit Blocks", 200L));
        assertThat(p.planningMemoryUsed()).hasValue(6.0);
        assertThat(p.planningMemoryAllocated()).hasValue(8.0);
        assertThat(p.planningBuffers().sharedHit()).isEqualTo(6);
    }

    @Test
    void serializationMemoryAndWalAgreeBetweenTextAndJsonOfPostgres18() {
        for (String name : new String[] {"group-sort", "update-trigger"}) {
            Plan json = pg18("pagila-" + name + ".json");
            Plan text = pg18("pagila-" + name + ".txt");
            assertThat(text.serializationTime()).as(name).isPresent();
            assertThat(json.serializationTime()).as(name).isPresent();
            assertThat(text.serializationOutputKb()).as(name).isEqualTo(json.serializationOutputKb());
            assertThat(text.planningMemoryUsed()).as(name).isPresent();
            assertThat(json.planningMemoryUsed()).as(name).isPresent();
        }
        Plan update = pg18("pagila-update-trigger.txt");
        Plan updateJson = pg18("pagila-update-trigger.json");
        assertThat(update.root().walRecords()).isEqualTo(updateJson.root().walRecords()).isPresent();
        assertThat(update.root().walBytes()).isPresent(); // bytes differ between the two runs
        assertThat(updateJson.root().walBytes()).isPresent();
        assertThat(updateJson.root().walBuffersFull()).isPresent();
    }

    @Test
    void fractionalRowsOfPostgres18() {
        Plan text = pg18("pagila-cte-subplan.txt");
        Plan json = pg18("pagila-cte-subplan.json");
        PlanNode t = text.nodes().stream().filter(n -> n.actualLoops().orElse(0) == 10
                && n.actualRows().orElse(0) % 1 != 0).findFirst().orElseThrow();
        assertThat(t.actualRows()).hasValue(40.40);
        assertThat(t.totalActualRows()).isCloseTo(404, within(1e-9));
        assertThat(json.node(t.id()).actualRows()).isEqualTo(t.actualRows());
    }

    @Test
    void disabledNodesOfPostgres18() {
        Plan p = pev2("25-enable-parameter.spec__source.txt");
        assertThat(p.root().disabled()).isTrue();
        assertThat(pg18("pagila-group-sort.json").nodes()).noneMatch(PlanNode::disabled);
    }

    @Test
    void disabledNodesCountOfPostgres17CountsTheSubtree() {
        // PostgreSQL 17 text: "Disabled Nodes: 1" on the disabled node and on every node above it
        Plan p = PlanParser.parse("""
                Hash Join  (cost=10000000001.02..10000000002.10 rows=1 width=8)
                  Disabled Nodes: 1
                  Hash Cond: (a.x = b.x)
                  ->  Seq Scan on a  (cost=10000000000.00..10000000001.01 rows=1 width=4)
                        Disabled Nodes: 1
                  ->  Hash  (cost=1.01..1.01 rows=1 width=4)
                        ->  Seq Scan on b  (cost=0.00..1.01 rows=1 width=4)
                """);
        assertThat(p.nodes()).filteredOn(PlanNode::disabled).extracting(PlanNode::label).containsExactly("Seq Scan on a");
    }

    @Test
    void ioTimingsOf15And16AndOf17() {
        Plan pg16 = pev2("21-io-timings__03-text.txt"); // "I/O Timings: shared/local read=16.962 write=0.018"
        assertThat(pg16.root().buffers().ioReadTime()).isCloseTo(16.962, within(1e-9));
        assertThat(pg16.root().buffers().ioWriteTime()).isCloseTo(0.018, within(1e-9));
        Plan pg17 = PlanParser.parse("""
                Seq Scan on t  (cost=0.00..35.50 rows=2550 width=4) (actual time=0.010..0.500 rows=2550.00 loops=1)
                  Buffers: shared read=12, local read=3
                  I/O Timings: shared read=1.250 write=0.125, local read=0.500
                """);
        assertThat(pg17.root().buffers().ioReadTime()).isCloseTo(1.75, within(1e-9));
        assertThat(pg17.root().buffers().ioWriteTime()).isCloseTo(0.125, within(1e-9));
        assertThat(pg17.root().properties()).containsEntry("Shared I/O Read Time", 1.25)
                .containsEntry("Local I/O Read Time", 0.5);
    }

    @Test
    void totalRuntimeOfPostgres9IsTheExecutionTime() {
        Plan p = pev2("03-actual-duration-cte.spec__source.txt");
        assertThat(p.executionTime()).hasValue(1001.133);
    }
}
