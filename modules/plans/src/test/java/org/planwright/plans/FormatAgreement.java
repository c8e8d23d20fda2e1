package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Node-by-node comparison of the same plan read from different EXPLAIN formats. */
final class FormatAgreement {

    /** Values that differ between two EXPLAIN ANALYZE runs of the same statement. */
    static final Set<String> RUN_DEPENDENT = Set.of("Actual Startup Time", "Actual Total Time", "Planning Time",
            "Execution Time", "Time", "I/O Read Time", "I/O Write Time", "Shared I/O Read Time",
            "Shared I/O Write Time", "Local I/O Read Time", "Local I/O Write Time", "Temp I/O Read Time",
            "Temp I/O Write Time", "Generation", "Inlining", "Optimization", "Emission", "Total",
            "Shared Hit Blocks", "Shared Read Blocks", "Shared Dirtied Blocks", "Shared Written Blocks",
            "WAL Records", "WAL FPI", "WAL Bytes", "WAL Buffers Full", "Memory Used", "Memory Allocated",
            "Peak Memory Usage", "Heap Fetches", "Exact Heap Blocks");

    private FormatAgreement() {
    }

    /** Every node's and the plan's properties are equal (same run, or EXPLAIN without ANALYZE). */
    static void assertSameProperties(Plan expected, Plan actual, String what) {
        assertThat(actual.nodeCount()).as(what + ": node count").isEqualTo(expected.nodeCount());
        for (int i = 0; i < expected.nodeCount(); i++) {
            assertThat(actual.node(i).properties()).as(what + ": node " + expected.node(i))
                    .isEqualTo(expected.node(i).properties());
        }
        assertThat(actual.properties()).as(what + ": plan properties").isEqualTo(expected.properties());
    }

    /**
     * Same keys everywhere; equal values except {@link #RUN_DEPENDENT} ones (two ANALYZE runs of a deterministic,
     * non-parallel statement produce the same rows and loops).
     */
    static void assertSameExceptRunDependent(Plan expected, Plan actual, String what) {
        assertThat(actual.nodeCount()).as(what + ": node count").isEqualTo(expected.nodeCount());
        for (int i = 0; i < expected.nodeCount(); i++) {
            assertThat(stable(actual.node(i).properties())).as(what + ": node " + expected.node(i))
                    .isEqualTo(stable(expected.node(i).properties()));
        }
        assertThat(stable(actual.properties()).keySet()).as(what + ": plan keys")
                .isEqualTo(stable(expected.properties()).keySet());
    }

    /**
     * The text format holds fewer keys: compare what a DBA reads in both. Actual rows and loops are compared for
     * separate runs too, unless the plan is parallel; times and buffers only for the same run.
     */
    static void assertTextAgrees(Plan structured, Plan text, boolean sameRun, String what) {
        boolean parallel = structured.nodes().stream().anyMatch(n -> n.workersLaunched().isPresent());
        assertThat(text.nodeCount()).as(what + ": node count").isEqualTo(structured.nodeCount());
        for (int i = 0; i < structured.nodeCount(); i++) {
            PlanNode s = structured.node(i);
            PlanNode t = text.node(i);
            String at = what + ": node " + s;
            assertThat(t.displayType()).as(at).isEqualTo(s.displayType());
            assertThat(t.relationName()).as(at).isEqualTo(s.relationName());
            assertThat(t.indexName()).as(at).isEqualTo(s.indexName());
            assertThat(t.planRows()).as(at).isEqualTo(s.planRows());
            assertThat(t.totalCost()).as(at).isEqualTo(s.totalCost());
            if (sameRun || !parallel) { // workers share rows and loops differently in each run
                assertThat(t.actualLoops()).as(at).isEqualTo(s.actualLoops());
                assertThat(t.actualRows()).as(at).isEqualTo(s.actualRows());
            }
            if (sameRun) {
                assertThat(t.actualTotalTime()).as(at).isEqualTo(s.actualTotalTime());
                assertThat(t.buffers()).as(at).isEqualTo(s.buffers());
            }
        }
    }

    private static Map<String, Object> stable(Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        props.forEach((k, v) -> out.put(k, RUN_DEPENDENT.contains(k) ? "*" : stableValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object stableValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return stable((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(stableValue(x)));
            return out;
        }
        return v;
    }
}
