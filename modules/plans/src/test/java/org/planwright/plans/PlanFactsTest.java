package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plan-level facts and node details read from real text and JSON plans (values copied from the files). */
class PlanFactsTest {

    @Test
    void tpchQ1TextPlanFacts() {
        Plan p = CorpusFiles.parse("generated-tpch", "tpch-q1.txt");
        assertThat(p.format()).isEqualTo(Plan.Format.TEXT);
        assertThat(p.planningTime()).hasValue(0.688);
        assertThat(p.executionTime()).hasValue(4335.573);
        assertThat(p.analyzed()).isTrue();
        assertThat(p.hasBuffers()).isTrue();
        Jit jit = p.jit().orElseThrow();
        assertThat(jit.functions()).isEqualTo(27);
        assertThat(jit.totalTime()).isEqualTo(73.198);
        assertThat(jit.timings()).containsEntry("Emission", 63.53);
        assertThat(jit.options()).containsEntry("Inlining", false).containsEntry("Deforming", true);
        assertThat(p.properties().get("Planning")).isEqualTo(Map.of("Shared Hit Blocks", 226L));

        PlanNode root = p.root();
        assertThat(root.nodeType()).isEqualTo("Aggregate");
        assertThat(root.strategy()).contains("Sorted");
        assertThat(root.properties()).containsEntry("Partial Mode", "Finalize")
                .containsEntry("Group Key", List.of("l_returnflag", "l_linestatus"));
        PlanNode partial = p.node(3);
        assertThat(partial.strategy()).contains("Hashed");
        assertThat(partial.hashBatches()).hasValue(1);
        assertThat(partial.peakMemoryUsage()).hasValue(32);
        PlanNode scan = p.node(4);
        assertThat(scan.parallelAware()).isTrue();
        assertThat(scan.relationName()).contains("lineitem");
        assertThat(scan.filter()).contains("(l_shipdate <= '1998-09-24 00:00:00'::timestamp without time zone)");
        assertThat(scan.rowsRemovedByFilter()).hasValue(15678);
        assertThat(scan.buffers().sharedHit()).isEqualTo(66631);
        assertThat(scan.buffers().sharedRead()).isEqualTo(60933);
        assertThat(scan.buffers().ioReadTime()).isEqualTo(197.910);
        assertThat(p.node(2).sortMethod()).contains("quicksort");
        assertThat(p.node(2).sortSpaceUsed()).hasValue(27);
        assertThat(p.node(2).workers()).extracting(w -> w.get("Sort Space Used")).containsExactly(27L, 27L);
    }

    @Test
    void tpchQ1JsonSettingsAndBuffers() {
        Plan p = CorpusFiles.parse("generated-tpch", "tpch-q1.json");
        assertThat(p.settings()).containsEntry("work_mem", "32MB");
        assertThat(p.root().output()).startsWith("l_returnflag", "l_linestatus");
        assertThat(p.root().buffers().sharedHit()).isEqualTo(66549);
        // buffers of the root include the children: exclusive buffers of a pass-through Aggregate are 0
        assertThat(p.root().exclusiveBuffers().sharedHit()).isZero();
        assertThat(p.nodes().stream().mapToLong(n -> n.exclusiveBuffers().sharedRead()).sum())
                .isEqualTo(p.root().buffers().sharedRead());
    }

    @Test
    void triggerTimesFromTextAndJson() {
        Plan text = CorpusFiles.parse("generated-pagila", "pagila-update_returning_rollback.txt");
        assertThat(text.triggers()).extracting(TriggerTime::name, TriggerTime::time, TriggerTime::calls)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("film_fulltext_trigger", 6.614, 178L),
                        org.assertj.core.groups.Tuple.tuple("last_updated", 0.883, 178L));
        Plan json = CorpusFiles.parse("generated-pagila", "pagila-update_returning_rollback.json");
        assertThat(json.triggers()).first().isEqualTo(new TriggerTime("film_fulltext_trigger", "film", 6.069, 178));
        assertThat(json.root().nodeType()).isEqualTo("ModifyTable");
        assertThat(json.root().properties()).containsEntry("Operation", "Update");
    }

    @Test
    void autoExplainQueryTextAndSettings() {
        Plan p = CorpusFiles.parse("pev2", "13-query-text.spec__source_2.txt");
        assertThat(p.queryText()).contains("SELECT count(*)\nFROM pg_class;");
        assertThat(p.settings()).containsExactly(Map.entry("work_mem", "100kB"));
        PlanNode scan = p.node(1);
        assertThat(scan.nodeType()).isEqualTo("Index Only Scan");
        assertThat(scan.indexName()).contains("pg_class_oid_index");
        assertThat(scan.schema()).contains("pg_catalog");
        assertThat(scan.relationName()).contains("pg_class");
        assertThat(scan.heapFetches()).hasValue(0);
        assertThat(scan.output()).containsExactly("oid");
    }

    @Test
    void disabledNodeAndWal() {
        Plan disabled = CorpusFiles.parse("pev2", "25-enable-parameter.spec__source.txt");
        assertThat(disabled.analyzed()).isFalse();
        assertThat(disabled.root().properties()).containsEntry("Disabled", true);
        assertThat(disabled.settings()).containsEntry("enable_seqscan", "off");
        Plan wal = CorpusFiles.parse("pev2", "14-wal.spec__source.txt");
        assertThat(wal.root().properties()).containsEntry("WAL Records", 20L).containsEntry("WAL Bytes", 1320L);
    }

    @Test
    void lossyBitmapAndIndexRecheck() {
        Plan p = CorpusFiles.parse("pev2", "cte-exclusive-time__05.txt");
        PlanNode heap = p.nodes().stream().filter(n -> n.lossyHeapBlocks().isPresent()).findFirst().orElseThrow();
        assertThat(heap.nodeType()).isEqualTo("Bitmap Heap Scan");
        assertThat(heap.exactHeapBlocks()).hasValue(38322);
        assertThat(heap.lossyHeapBlocks()).hasValue(79844);
        assertThat(heap.rowsRemovedByIndexRecheck()).hasValue(14687029);
        assertThat(heap.alias()).contains("udr");
    }

    @Test
    void neverExecutedNodes() {
        Plan p = CorpusFiles.parse("pev2", "from-text__18.txt");
        List<PlanNode> never = p.nodes().stream().filter(PlanNode::neverExecuted).toList();
        assertThat(never).hasSize(3);
        assertThat(never).allSatisfy(n -> {
            assertThat(n.exclusiveTime()).isZero();
            assertThat(n.rowEstimate()).isEmpty();
        });
        assertThat(never.getFirst().parentRelationship()).contains("SubPlan");
    }
}
