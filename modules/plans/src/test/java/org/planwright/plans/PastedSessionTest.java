package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A paste that starts with the shell or psql prompt and the command, then psql's framed output ("QUERY PLAN"
 * header, "+" marks, "(1 row)" footer) and the next prompt, is read in every format — recorded from real psql 15
 * sessions ({@code src/test/resources/plans/sessions}, see its README).
 */
class PastedSessionTest {

    static String session(String name) {
        try (InputStream in = PastedSessionTest.class.getResourceAsStream("/plans/sessions/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource plans/sessions/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> types(Plan p) {
        return p.nodes().stream().map(PlanNode::nodeType).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "psql-xml.txt, XML, true",
        "psql-json.txt, JSON, false",
        "psql-text.txt, TEXT, true",
        "psql-dollar-prompt-xml.txt, XML, true",
        "shell-psql-c-yaml.txt, YAML, true"})
    void promptCommandAndFramedOutputAreReadInEveryFormat(String file, Plan.Format format, boolean analyzed) {
        Plan p = PlanParser.parse(session(file));
        assertThat(p.format()).isEqualTo(format);
        assertThat(p.analyzed()).isEqualTo(analyzed);
        assertThat(types(p)).containsExactly("Sort", "Aggregate", "Bitmap Heap Scan", "Bitmap Index Scan");
        assertThat(p.node(3).indexName()).contains("orders_customer_idx");
        assertThat(p.root().totalCost()).hasValue(140.76);
        if (analyzed) {
            assertThat(p.node(2).actualRows()).hasValue(600);
            assertThat(p.executionTime()).isPresent();
        }
    }

    @Test
    void multiLineCommandWithContinuationPromptsBeforeFramedYaml() {
        String paste = session("psql-yaml-multiline.txt");
        assertThat(paste).contains("shop-# select * from orders");
        Plan p = PlanParser.parse(paste);
        assertThat(p.format()).isEqualTo(Plan.Format.YAML);
        assertThat(types(p)).containsExactly("Limit", "Sort", "Bitmap Heap Scan", "Bitmap Index Scan");
        assertThat(p.root().actualRows()).hasValue(3);
        assertThat(p.hasBuffers()).isTrue();
        assertThat(p.planningBuffers().sharedHit()).isPositive();
    }

    @Test
    void theSameSessionInXmlAndTextGivesTheSameTree() {
        Plan xml = PlanParser.parse(session("psql-xml.txt"));
        Plan text = PlanParser.parse(session("psql-text.txt"));
        assertThat(types(xml)).isEqualTo(types(text));
        for (int i = 0; i < xml.nodeCount(); i++) {
            assertThat(xml.node(i).planRows()).as("node " + i).isEqualTo(text.node(i).planRows());
            assertThat(xml.node(i).actualRows()).as("node " + i).isEqualTo(text.node(i).actualRows());
        }
    }

    @Test
    void anErrorInTheFramedPlanPointsIntoThePaste() {
        String paste = session("psql-xml.txt").replace("<Actual-Rows>600</Actual-Rows>", "<Actual-Rows>many</Actual-Rows>");
        PlanParseException e = org.assertj.core.api.Assertions.catchThrowableOfType(PlanParseException.class,
                () -> PlanParser.parse(paste));
        String[] lines = paste.split("\n");
        assertThat(lines[e.line() - 1]).contains("<Actual-Rows>many</Actual-Rows>");
        assertThat(e.reason()).contains("\"Actual Rows\"").contains("many");
    }
}
