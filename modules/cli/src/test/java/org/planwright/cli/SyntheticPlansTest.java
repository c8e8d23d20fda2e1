package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.PlanParser;

/** The bench's synthetic plans: valid EXPLAIN JSON of the promised size, with consistent times. */
class SyntheticPlansTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void appendOverSeqScansHasOneSeqScanPerPartitionUnderTheAppend() throws IOException {
        String text = SyntheticPlans.appendOverSeqScans(40);

        JsonNode root = JSON.readTree(text).get(0).get("Plan");
        assertThat(root.get("Node Type").asText()).isEqualTo("Append");
        assertThat(root.get("Plans")).hasSize(40);
        assertThat(root.get("Plans").findValuesAsText("Node Type")).containsOnly("Seq Scan");
        assertThat(PlanParser.parse(text).nodeCount()).isEqualTo(41);
    }

    @Test
    void joinPlanHasExactlyTheAskedNodeCountAndNoNegativeExclusiveTime() throws IOException {
        for (int nodes : new int[] {3, 6, 1_001}) {
            String text = SyntheticPlans.joins(nodes);

            assertThat(JSON.readTree(text).findValues("Node Type")).hasSize(nodes);
            Plan plan = PlanParser.parse(text);
            assertThat(plan.nodeCount()).isEqualTo(nodes);
            assertThat(plan.nodes()).allSatisfy(n -> assertThat(n.exclusiveTime()).as(n.toString()).isNotNegative());
            assertThat(plan.executionTime().orElseThrow()).isGreaterThanOrEqualTo(plan.root().inclusiveTime());
            assertThat(plan.nodes().stream().filter(n -> n.nodeType().equals("Seq Scan")))
                    .allSatisfy(n -> assertThat(n.buffers().sharedRead()).isPositive());
        }
    }
}
