package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What the speed work must not change: bare JSON (read without cleaning, as UTF-8 bytes) and the same JSON in psql's
 * framing (cleaned line by line) give the same plan; errors in bare JSON are still positioned in characters; the
 * compact property map behaves as an insertion-ordered map; the linear InitPlan reference scan keeps "$1" apart
 * from "$12".
 */
class FastPathTest {

    @Test
    void psqlFramedJsonReadsLikeTheBareJson() {
        String bare = CorpusFiles.read(CorpusFiles.plans("generated-tpch").resolve("tpch-q2.json"));
        List<String> lines = bare.lines().toList();
        int width = lines.stream().mapToInt(String::length).max().orElse(0) + 1;
        StringBuilder framed = new StringBuilder("QUERY PLAN\n" + "-".repeat(width) + "\n");
        for (int i = 0; i < lines.size(); i++) {
            String l = " " + lines.get(i);
            framed.append(i < lines.size() - 1 ? l + " ".repeat(width - l.length()) + "+" : l).append('\n');
        }
        framed.append("(1 row)\n");

        Plan a = PlanParser.parse(bare);
        Plan b = PlanParser.parse(framed.toString());
        assertThat(b.nodeCount()).isEqualTo(a.nodeCount()).isGreaterThan(10);
        for (int i = 0; i < a.nodeCount(); i++) {
            assertThat(b.node(i).properties()).isEqualTo(a.node(i).properties());
            assertThat(b.node(i).exclusiveTime()).isEqualTo(a.node(i).exclusiveTime());
        }
        assertThat(b.properties()).isEqualTo(a.properties());
    }

    @Test
    void errorColumnsInBareJsonCountCharactersNotBytes() {
        // "é" is two bytes in UTF-8: the byte parser of the fast path would say column 44
        String json = "{\"Plan\": {\"Node Type\": \"Seq Scan\", \"a\": \"é\", x}}";
        PlanParseException e = catchThrowableOfType(PlanParseException.class, () -> PlanParser.parse(json));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(json.indexOf('x') + 1);
    }

    @Test
    void nodePropertiesKeepTheirOrderAndAreReadOnly() {
        Plan p = PlanParser.parse("{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Relation Name\": \"t\", "
                + "\"Total Cost\": 1.5, \"Plan Rows\": 7, \"Output\": [\"a\", \"b\"]}}");
        Map<String, Object> props = p.root().properties();
        assertThat(new ArrayList<>(props.keySet()))
                .containsExactly("Node Type", "Relation Name", "Total Cost", "Plan Rows", "Output");
        assertThat(props).containsEntry("Plan Rows", 7L).containsEntry("Total Cost", 1.5)
                .containsEntry("Output", List.of("a", "b")).doesNotContainKey("Plans").hasSize(5);
        assertThat(props).isEqualTo(new LinkedHashMap<>(props)).hasSameHashCodeAs(new LinkedHashMap<>(props));
        assertThatThrownBy(() -> props.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> props.remove("Node Type")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> props.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void initPlanReferencesAreWholeNumbers() {
        Set<String> refs = new TreeSet<>();
        PlanCalculator.references("(x = $1) AND (y = $12) OR (InitPlan 3).col1 = $", refs);
        assertThat(refs).containsExactly("$1", "$12", "InitPlan 3");
    }
}
