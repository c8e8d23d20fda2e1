package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Bad input gives a PlanParseException with the line and column where reading stopped. */
class BrokenInputTest {

    private static PlanParseException error(String text) {
        return catchThrowableOfType(PlanParseException.class, () -> PlanParser.parse(text));
    }

    @Test
    void emptyText() {
        for (String empty : new String[] {"", "   ", "\n\n  \n"}) {
            PlanParseException e = error(empty);
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.reason()).contains("empty");
        }
    }

    @Test
    void truncatedJsonPointsAtTheEnd() {
        String full = CorpusFiles.read(CorpusFiles.plans("generated-tpch").resolve("tpch-q1.json"));
        String cut = full.substring(0, full.indexOf("\"Plans\""));
        PlanParseException e = error(cut);
        long lines = cut.lines().count();
        assertThat(e.line()).isBetween((int) lines, (int) lines + 1);
        assertThat(e.reason()).contains("invalid JSON plan").contains("end-of-input");
    }

    @Test
    void jsonWithoutPlanPointsAtTheObject() {
        PlanParseException e = error("[\n  {\"foo\": 1}\n]");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.reason()).contains("\"Plan\"");
    }

    @Test
    void twoJsonPlansAreNotOne() {
        PlanParseException e = error("[{\"Plan\": {\"Node Type\": \"Result\"}},\n {\"Plan\": {\"Node Type\": \"Result\"}}]");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.reason()).contains("2 plans");
    }

    @Test
    void xmlWithoutAPlanNamesTheFormat() {
        PlanParseException e = error("<explain xmlns=\"http://www.postgresql.org/2009/explain\">\n</explain>");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("XML");
    }

    @Test
    void nodeWithoutNodeTypePointsAtTheNode() {
        PlanParseException e = error("{\"Plan\": {\"Node Type\": \"Limit\", \"Plans\": [\n   {\"Plan Rows\": 1}]}}");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(4);
        assertThat(e.reason()).contains("\"Node Type\"");
    }

    @Test
    void garbageIsNotAPlan() {
        PlanParseException e = error("\n  hello world\nthis is not a plan\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.reason()).startsWith("expected a plan node").contains("hello world");
    }

    @Test
    void malformedCostIsPositioned() {
        String line = "Seq Scan on t  (cost=0.00..abc rows=1 width=4)";
        PlanParseException e = error("\n" + line);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(line.indexOf("abc") + 1);
        assertThat(e.reason()).contains("expected a total cost");
    }

    /** PEV2's 1-parse-error-line-break fixture: a node line cut after "(actual" must not parse. */
    @Test
    void nodeLineCutShortFails() {
        String line = " Seq Scan on ref  (cost=0.00..14425.02 rows=1000002 width=8) (actual";
        PlanParseException e = error("\n" + line + "\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(line.length() + 1);
        assertThat(e.reason()).contains("expected \"rows=\"");
    }

    @Test
    void childLeftOfItsRootFails() {
        PlanParseException e = error("    Limit  (cost=0.00..1.00 rows=1 width=4)\n->  Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.reason()).contains("not indented under any other node");
    }

    @Test
    void errorMessageCarriesThePosition() {
        assertThatThrownBy(() -> PlanParser.parse("{\"Plan\": "))
                .isInstanceOf(PlanParseException.class)
                .hasMessageStartingWith("line 1, column ");
    }

    /** Hostile input: many unbalanced parentheses and long lines finish (no backtracking) with an error. */
    @Test
    void pathologicalInputFailsCleanly() {
        String many = "(".repeat(200_000) + "\n" + "a(".repeat(50_000).replace("a(", "a(\n");
        PlanParseException e = error(many);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).startsWith("expected a plan node");
    }

    @Test
    void sourceIsNeverReturnedHalfRead() {
        // the second node line is damaged: the whole parse fails rather than returning the root alone
        String text = "Limit  (cost=0.00..1.00 rows=1 width=4)\n  ->  Seq Scan on t  (cost=0.00..1.00 rows=x width=4)";
        assertThat(error(text).line()).isEqualTo(2);
    }

    @Test
    void negativeTimeInATextNodeLineIsDamage() {
        // found by PlanParserFuzzTest: a flipped character made "actual time=0.0..-0.016"
        String text = "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) (actual time=0.010..-0.016 rows=1 loops=1)";
        PlanParseException e = error(text);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(text.indexOf("-0.016") + 1);
        assertThat(e.reason()).contains("actual total time");
    }

    @Test
    void negativeTimeInAJsonNodeIsDamage() {
        String json = "[{\"Plan\": {\"Node Type\": \"Result\",\n  \"Actual Total Time\": -3.5}}]";
        PlanParseException e = error(json);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(24);
        assertThat(e.reason()).contains("non-negative").contains("Actual Total Time");
    }

    @Test
    void numbersBeyondRangeAreDamageNotInfinity() {
        // 1e400 is valid JSON but not a double: it would make every time above it infinite
        String json = "[{\"Plan\": {\"Node Type\": \"Result\", \"Actual Total Time\": 1e400}}]";
        PlanParseException e = error(json);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(json.indexOf("1e400") + 1);
        assertThat(e.reason()).isEqualTo("number out of range: 1e400");
        // a finite but absurd loop count would overflow times x loops
        PlanParseException loops = error("{\"Plan\": {\"Node Type\": \"Result\", \"Actual Loops\": 1e300}}");
        assertThat(loops.reason()).contains("Actual Loops").contains("up to 1e18");
    }

    @Test
    void hugeWorkerNumberIsNotAWorker() {
        // found by PlanParserFuzzTest: "Worker 9999...:" overflowed the worker number (NumberFormatException)
        String q1 = CorpusFiles.read(CorpusFiles.plans("generated-tpch").resolve("tpch-q1.txt"));
        String damaged = q1.replaceFirst("Worker 0:", "Worker 99999999999999999999999999:");
        assertThat(damaged).isNotEqualTo(q1);
        // not a worker of the Sort (only Worker 1 remains), but kept as a detail: nothing is lost
        PlanNode sort = PlanParser.parse(damaged).nodes().stream().filter(n -> n.nodeType().equals("Sort"))
                .findFirst().orElseThrow();
        assertThat(sort.workers()).extracting(w -> w.get("Worker Number")).containsExactly(1L);
        assertThat(sort.properties()).containsKey("Worker 99999999999999999999999999");
    }

    @Test
    void absurdWorkerCountDoesNotMakeTimesNegative() {
        // found by PlanParserFuzzTest: Workers Launched beyond long made (workers + 1) overflow to a negative divisor
        String q1 = CorpusFiles.read(CorpusFiles.plans("generated-tpch").resolve("tpch-q1.txt"));
        String damaged = q1.replaceFirst("Workers Launched: 2", "Workers Launched: 99999999999999999999999999");
        assertThat(damaged).isNotEqualTo(q1);
        Plan p = PlanParser.parse(damaged);
        assertThat(p.nodes()).allSatisfy(n -> {
            assertThat(n.inclusiveTime()).isGreaterThanOrEqualTo(0);
            assertThat(n.exclusiveTime()).isGreaterThanOrEqualTo(0);
        });
    }

    @Test
    void textInAJsonNumberFieldIsRefusedWithItsPosition() {
        String json = CorpusFiles.read(CorpusFiles.plans("generated-tpch").resolve("tpch-q1.json"));
        int at = json.indexOf("\"Actual Rows\": ") + "\"Actual Rows\": ".length();
        int end = json.indexOf(',', at);
        String damaged = json.substring(0, at) + "\"many\"" + json.substring(end);
        PlanParseException e = error(damaged);
        String before = damaged.substring(0, at);
        assertThat(e.line()).isEqualTo((int) before.chars().filter(c -> c == '\n').count() + 1);
        assertThat(e.column()).isEqualTo(at - before.lastIndexOf('\n'));
        assertThat(e.reason()).isEqualTo("expected a number for \"Actual Rows\", found \"many\"");
    }

    @Test
    void aListOrObjectInAJsonNumberFieldIsRefused() {
        PlanParseException e = error("{\"Plan\": {\"Node Type\": \"Result\",\n  \"Total Cost\": [1]}}");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e.reason()).contains("\"Total Cost\"").contains("a list");
    }

    @Test
    void textInAYamlOrXmlNumberFieldIsRefusedWithItsPosition() {
        String yaml = XmlYamlFixtureTest.fixture("pagila-group-sort.yaml");
        int at = yaml.indexOf("Shared Hit Blocks: ");
        String damaged = yaml.substring(0, at) + "Shared Hit Blocks: lots" + yaml.substring(yaml.indexOf('\n', at));
        PlanParseException e = error(damaged);
        assertThat(damaged.split("\n")[e.line() - 1]).contains("Shared Hit Blocks: lots");
        assertThat(e.reason()).isEqualTo("expected a number for \"Shared Hit Blocks\", found \"lots\"");

        String xml = XmlYamlFixtureTest.fixture("pagila-group-sort.xml");
        String badXml = xml.replaceFirst("<Plan-Rows>[0-9]+</Plan-Rows>", "<Plan-Rows>n/a</Plan-Rows>");
        e = error(badXml);
        assertThat(badXml.split("\n")[e.line() - 1]).contains("<Plan-Rows>n/a</Plan-Rows>");
        assertThat(e.reason()).contains("\"Plan Rows\"").contains("n/a");
    }
}
