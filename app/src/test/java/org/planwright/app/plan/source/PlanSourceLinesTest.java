package org.planwright.app.plan.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import org.planwright.testsupport.Corpus;

@org.junit.jupiter.api.extension.ExtendWith(org.planwright.testsupport.PostgresExtension.class)
class PlanSourceLinesTest {

    @Test
    void xmlAndYamlPlansFromTheServerHaveKnownPositions(org.planwright.testsupport.PostgresFixture pg) throws Exception {
        pg.pagila();
        String sql = "SELECT f.title, count(*) FROM film f JOIN inventory i ON i.film_id = f.film_id "
                + "WHERE f.length > (SELECT avg(length) FROM film) GROUP BY f.title ORDER BY 2 DESC";
        for (String format : List.of("XML", "YAML")) {
            String text;
            try (java.sql.Connection c = pg.connect("pagila"); java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, FORMAT " + format + ") " + sql)) {
                rs.next();
                text = rs.getString(1);
            }
            Plan plan = PlanParser.parse(text);

            PlanSourceLines lines = PlanSourceLines.of(text, plan);

            assertThat(lines.known()).as(format).isTrue();
            for (PlanNode n : plan.nodes()) {
                PlanSourceLines.Range r = lines.range(n.id()).orElseThrow();
                assertThat(text.substring(r.start(), r.end())).as("%s node %d", format, n.id())
                        .contains(n.nodeType());
            }
            assertThat(plan.nodeCount()).isGreaterThan(4);
        }
    }

    @Test
    void eachNodeOfAJsonPlanStartsAtItsOwnObject() throws IOException {
        String text = Files.readString(Corpus.resolve("plans/generated-tpch/tpch-q9.json"));
        Plan plan = PlanParser.parse(text);

        PlanSourceLines lines = PlanSourceLines.of(text, plan);

        assertThat(lines.known()).isTrue();
        for (PlanNode n : plan.nodes()) {
            PlanSourceLines.Range r = lines.range(n.id()).orElseThrow();
            String written = text.substring(r.start(), r.end());
            assertThat(written).startsWith("{").contains("\"Node Type\": \"" + n.nodeType() + "\"");
            assertThat(text.split("\n", -1)[r.firstLine() - 1]).contains("{");
        }
        PlanSourceLines.Range last = lines.range(plan.nodeCount() - 1).orElseThrow();
        assertThat(text.charAt(last.end() - 1)).isEqualTo('}');
    }

    @Test
    void eachNodeOfATextPlanIsItsOwnLineAndDetails() throws IOException {
        String text = Files.readString(Corpus.resolve("plans/generated-tpch/tpch-q9.txt"));
        Plan plan = PlanParser.parse(text);

        PlanSourceLines lines = PlanSourceLines.of(text, plan);

        assertThat(lines.known()).isTrue();
        for (PlanNode n : plan.nodes()) {
            PlanSourceLines.Range r = lines.range(n.id()).orElseThrow();
            String firstLine = text.substring(r.start(), r.end()).lines().findFirst().orElseThrow();
            assertThat(firstLine).contains(n.displayType());
            n.relationName().ifPresent(rel -> assertThat(firstLine).contains(rel));
            assertThat(text.substring(r.start(), r.end())).doesNotContain("Execution Time");
        }
    }

    @Test
    void wherePositionsAreFoundTheyNameTheRightNodeAcrossTheCorpus() throws IOException {
        int known = 0;
        int plans = 0;
        for (Path file : files("plans/pev2", "plans/generated-tpch", "plans/generated-pagila")) {
            String text = Files.readString(file);
            Plan plan;
            try {
                plan = PlanParser.parse(text);
            } catch (PlanParseException e) {
                continue;
            }
            plans++;
            PlanSourceLines lines = PlanSourceLines.of(text, plan);
            if (!lines.known()) {
                continue;
            }
            known++;
            for (PlanNode n : plan.nodes()) {
                String written = text.substring(lines.range(n.id()).orElseThrow().start(),
                        lines.range(n.id()).orElseThrow().end());
                if (n.nodeType().equals("ModifyTable")) {
                    continue;
                }
                // text plans print the join type inside the node type: "Hash Left Join" for Hash Join (Left)
                assertThat(written).as("node %d in %s", n.id(), file.getFileName())
                        .contains(n.nodeType().split(" "));
            }
        }
        assertThat(known).as("plans with known positions of %d", plans).isGreaterThan(plans * 3 / 4);
    }

    @Test
    void unknownWhenTheTextDoesNotShowThePlansNodes() throws IOException {
        String text = Files.readString(Corpus.resolve("plans/generated-tpch/tpch-q9.json"));
        Plan plan = PlanParser.parse(text);

        assertThat(PlanSourceLines.of(text.substring(0, text.length() / 2), plan).known()).isFalse();
        assertThat(PlanSourceLines.of(null, plan).range(0)).isEmpty();
    }

    private static List<Path> files(String... dirs) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (String d : dirs) {
            Corpus.list(Corpus.resolve(d), ".json", ".txt").stream()
                    .filter(p -> !p.getFileName().toString().startsWith("_")).forEach(out::add);
        }
        return out;
    }
}
