package org.planwright.app.plan.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.PlanParser;
import org.planwright.testsupport.Corpus;

class NodeFilterTest {

    @Test
    void everyWordMustOccurInTypeTargetOrConditions() throws Exception {
        Plan plan = PlanParser.parse(Files.readString(Corpus.resolve("plans/generated-tpch/tpch-q9.json")));

        var scansOfLineitem = plan.nodes().stream().filter(n -> NodeFilter.matches(n, "scan LINEITEM")).toList();

        assertThat(scansOfLineitem).isNotEmpty().allSatisfy(n -> {
            assertThat(n.relationName()).hasValue("lineitem");
            assertThat(n.nodeType()).containsIgnoringCase("scan");
        });
        assertThat(plan.nodes().stream().filter(n -> NodeFilter.matches(n, "  ")).count()).isEqualTo(plan.nodeCount());
        assertThat(plan.nodes().stream().filter(n -> NodeFilter.matches(n, "#0 ")).map(PlanNode::id)).contains(0);
        assertThat(plan.nodes()).noneMatch(n -> NodeFilter.matches(n, "no_such_table_anywhere"));
    }
}
