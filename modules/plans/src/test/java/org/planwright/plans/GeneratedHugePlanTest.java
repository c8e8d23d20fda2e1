package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real 2,004-node plan of {@code generated-huge/partitions-1000-join.json.gz} (see its README): a join of two
 * tables of 1,000 partitions each, from PostgreSQL 18.
 */
class GeneratedHugePlanTest {

    private static Plan plan;

    @BeforeAll
    static void parse() throws IOException {
        plan = PlanParser.parse(read("/generated-huge/partitions-1000-join.json.gz"));
    }

    static String read(String resource) throws IOException {
        try (InputStream in = new GZIPInputStream(GeneratedHugePlanTest.class.getResourceAsStream(resource))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void eachAppendHasOneSeqScanPerPartition() {
        assertThat(plan.nodeCount()).isEqualTo(2_004);
        assertThat(plan.root().label()).isEqualTo("Hash Join");
        PlanNode outer = plan.root().children().get(0);
        PlanNode inner = plan.root().children().get(1).children().getFirst();
        for (PlanNode append : List.of(outer, inner)) {
            assertThat(append.nodeType()).isEqualTo("Append");
            assertThat(append.children()).hasSize(1_000)
                    .allSatisfy(s -> assertThat(s.nodeType()).isEqualTo("Seq Scan"))
                    .allSatisfy(s -> assertThat(s.totalActualRows()).isEqualTo(3));
        }
        assertThat(outer.children().get(999).relationName()).contains("measurement_p999");
        assertThat(inner.children().get(0).relationName()).contains("measurement_flag_p0");
    }

    @Test
    void exclusiveTimesAreSane() {
        double sum = 0;
        for (PlanNode n : plan.nodes()) {
            assertThat(n.exclusiveTime()).as(n.toString()).isBetween(0.0, n.inclusiveTime());
            sum += n.exclusiveTime();
        }
        // nothing counted twice or lost: exclusive times add up to the root's 99.862 ms
        assertThat(plan.root().inclusiveTime()).isEqualTo(99.862);
        assertThat(sum).isCloseTo(99.862, within(1e-6));
        // the Append's own time is its 47.368 ms minus the sum of its 1,000 scans (each 1 loop)
        PlanNode append = plan.root().children().getFirst();
        double scans = append.children().stream().mapToDouble(s -> s.actualTotalTime().orElseThrow()).sum();
        assertThat(append.exclusiveTime()).isCloseTo(47.368 - scans, within(1e-9));
        assertThat(plan.executionTime()).hasValue(153.417);
        assertThat(plan.planningTime()).hasValue(325.5);
    }

    @Test
    void buffersOfTheScansAreTheirOwn() {
        PlanNode append = plan.root().children().getFirst();
        assertThat(append.buffers().sharedHit()).isEqualTo(1_000); // one 8 kB block per partition
        assertThat(append.exclusiveBuffers().sharedHit()).isZero();
        assertThat(append.children()).allSatisfy(s -> assertThat(s.exclusiveBuffers().sharedHit()).isEqualTo(1));
        assertThat(plan.root().exclusiveBuffers().sharedHit()).isZero();
    }
}
