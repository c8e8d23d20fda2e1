package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The committed PostgreSQL 18 fixtures ({@code src/test/resources/plans/formats}, see its README): the same
 * Pagila statements explained in JSON, XML, YAML and text read into the same plan. No server needed.
 */
class XmlYamlFixtureTest {

    static String fixture(String name) {
        try (InputStream in = XmlYamlFixtureTest.class.getResourceAsStream("/plans/formats/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource plans/formats/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<String> ANALYZED = List.of("group-sort", "cte-subplan", "parallel", "incremental-sort",
            "update-trigger");

    @ParameterizedTest
    @ValueSource(strings = {"group-sort", "cte-subplan", "parallel", "incremental-sort", "update-trigger",
            "plain-index"})
    void xmlAndYamlAreDetectedAndAgreeWithJson(String name) {
        Plan json = PlanParser.parse(fixture("pagila-" + name + ".json"));
        Plan xml = PlanParser.parse(fixture("pagila-" + name + ".xml"));
        Plan yaml = PlanParser.parse(fixture("pagila-" + name + ".yaml"));
        Plan text = PlanParser.parse(fixture("pagila-" + name + ".txt"));
        assertThat(List.of(json.format(), xml.format(), yaml.format(), text.format()))
                .containsExactly(Plan.Format.JSON, Plan.Format.XML, Plan.Format.YAML, Plan.Format.TEXT);
        if (ANALYZED.contains(name) && !name.equals("parallel")) {
            FormatAgreement.assertSameExceptRunDependent(json, xml, name + " xml");
            FormatAgreement.assertSameExceptRunDependent(json, yaml, name + " yaml");
        } else if (!ANALYZED.contains(name)) {
            FormatAgreement.assertSameProperties(json, xml, name + " xml");
            FormatAgreement.assertSameProperties(json, yaml, name + " yaml");
        }
        for (Plan p : List.of(xml, yaml)) {
            assertThat(p.nodes()).extracting(PlanNode::nodeType)
                    .isEqualTo(json.nodes().stream().map(PlanNode::nodeType).toList());
            assertThat(p.analyzed()).isEqualTo(json.analyzed());
            assertThat(p.settings()).isEqualTo(json.settings());
        }
        FormatAgreement.assertTextAgrees(json, text, false, name + " text");
    }

    @Test
    void xmlListsTriggersWorkersAndSortGroupsLikeJson() {
        Plan xml = PlanParser.parse(fixture("pagila-update-trigger.xml"));
        assertThat(xml.triggers()).extracting(TriggerTime::name).contains("last_updated");
        assertThat(xml.triggers()).allSatisfy(t -> assertThat(t.calls()).isEqualTo(19));
        Plan parallel = PlanParser.parse(fixture("pagila-parallel.xml"));
        assertThat(parallel.nodes()).anySatisfy(n -> assertThat(n.workers()).isNotEmpty());
        assertThat(parallel.nodes()).anySatisfy(n -> assertThat(n.workersLaunched()).hasValue(2));
        Plan sort = PlanParser.parse(fixture("pagila-incremental-sort.xml"));
        PlanNode incremental = sort.nodes().stream().filter(n -> n.nodeType().equals("Incremental Sort"))
                .findFirst().orElseThrow();
        assertThat(incremental.properties()).containsKeys("Full-sort Groups", "Pre-sorted Groups", "Presorted Key");
    }

    @Test
    void xmlTextThatLooksNumericStaysText() {
        Plan yaml = PlanParser.parse(fixture("pagila-group-sort.yaml"));
        Plan xml = PlanParser.parse(fixture("pagila-group-sort.xml"));
        assertThat(xml.root().output()).isEqualTo(yaml.root().output());
        assertThat(xml.root().actualRows()).hasValue(5.0);
        assertThat(xml.root().planWidth()).hasValue(14);
    }

    @Test
    void brokenXmlFailsWithItsPosition() {
        String xml = fixture("pagila-plain-index.xml");
        String cut = xml.substring(0, xml.indexOf("<Plan-Rows>", 400)) + "<Plan-Rows>12</Plan-Row>\n";
        int line = (int) cut.lines().count();
        assertThatThrownBy(() -> PlanParser.parse(cut)).isInstanceOfSatisfying(PlanParseException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.reason()).startsWith("invalid XML plan");
        });
    }

    @Test
    void xmlNodeWithoutNodeTypeIsPositioned() {
        String xml = fixture("pagila-plain-index.xml").replaceFirst("<Node-Type>[^<]*</Node-Type>", "");
        assertThatThrownBy(() -> PlanParser.parse(xml)).isInstanceOfSatisfying(PlanParseException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("Node Type");
        });
    }

    @Test
    void xmlEntitiesAreNeverExpanded() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE explain [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>\n"
                + "<explain><Query><Plan><Node-Type>Seq Scan &e;</Node-Type></Plan></Query></explain>";
        assertThatThrownBy(() -> PlanParser.parse(xml)).isInstanceOfSatisfying(PlanParseException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("entity");
        });
    }

    @Test
    void negativeRowsInYamlArePositioned() {
        String yaml = fixture("pagila-plain-index.yaml").replaceFirst("Plan Rows: \\d+", "Plan Rows: -3");
        int line = (int) yaml.substring(0, yaml.indexOf("Plan Rows: -3")).lines().count();
        assertThatThrownBy(() -> PlanParser.parse(yaml)).isInstanceOfSatisfying(PlanParseException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.reason()).contains("Plan Rows");
        });
    }

    @Test
    void badYamlIndentationFailsWithItsPosition() {
        String yaml = fixture("pagila-plain-index.yaml").replaceFirst("\n    Parallel Aware", "\n  Parallel Aware");
        assertThatThrownBy(() -> PlanParser.parse(yaml)).isInstanceOfSatisfying(PlanParseException.class, e -> {
            assertThat(e.line()).isBetween(2, 4);
            assertThat(e.reason()).contains("YAML");
        });
    }

    @Test
    void yamlInPsqlFramingParses() {
        String yaml = fixture("pagila-plain-index.yaml");
        StringBuilder framed = new StringBuilder("                QUERY PLAN\n--------------------------------\n");
        yaml.lines().forEach(l -> framed.append(' ').append(String.format("%-60s", l)).append("+\n"));
        framed.append("(1 row)\n");
        Plan p = PlanParser.parse(framed.toString());
        assertThat(p.format()).isEqualTo(Plan.Format.YAML);
        FormatAgreement.assertSameProperties(PlanParser.parse(yaml), p, "framed yaml");
    }
}
