package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plans exactly as psql prints them in each output style (fixtures rendered by real psql 15, see
 * {@code src/test/resources/plans/psql/README.md}): a PostgreSQL 18 text plan (one row per line) and a JSON plan
 * (one multi-line value with '+' continuation marks) read into the same plan as the bare output.
 */
class PsqlStylesTest {

    static String psql(String name) {
        return XmlYamlFixtureTest.fixture("../psql/" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aligned-border0", "aligned-border1", "aligned-border2", "unicode-border1",
        "unicode-border2", "unicode-double", "unaligned", "unaligned-tuples-only", "wrapped-80",
        "wrapped-60-border2", "old-ascii", "csv", "expanded", "unicode-wrapped-70"})
    void textPlanInPsqlStyle(String style) {
        Plan bare = PlanParser.parse(XmlYamlFixtureTest.fixture("pagila-cte-subplan.txt"));
        Plan framed = PlanParser.parse(psql("text-" + style + ".txt"));
        assertThat(framed.format()).isEqualTo(Plan.Format.TEXT);
        FormatAgreement.assertTextAgrees(bare, framed, true, style);
        assertThat(framed.nodes()).extracting(PlanNode::properties)
                .isEqualTo(bare.nodes().stream().map(PlanNode::properties).toList());
        assertThat(framed.properties()).isEqualTo(bare.properties());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aligned-border0", "aligned-border1", "aligned-border2", "unicode-border1",
        "unicode-border2", "unicode-double", "unaligned", "unaligned-tuples-only", "wrapped-80",
        "wrapped-60-border2", "old-ascii", "csv", "expanded", "unicode-wrapped-70"})
    void jsonPlanInPsqlStyle(String style) {
        Plan bare = PlanParser.parse(XmlYamlFixtureTest.fixture("pagila-plain-index.json"));
        Plan framed = PlanParser.parse(psql("json-" + style + ".txt"));
        assertThat(framed.format()).isEqualTo(Plan.Format.JSON);
        FormatAgreement.assertSameProperties(bare, framed, style);
    }
}
