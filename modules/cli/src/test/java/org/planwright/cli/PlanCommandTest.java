package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.Corpus;

/**
 * {@code planwright plan} on real corpus plans (generated TPC-H EXPLAIN ANALYZE output, JSON and text): the
 * figures in the report are checked against the plan files themselves, read with Jackson; bad plans give
 * {@code file:line:column: message} and exit code 1; usage errors exit code 2. No database needed.
 */
class PlanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path Q1_JSON = Corpus.resolve("plans/generated-tpch/tpch-q1.json");
    private static final Path Q8_JSON = Corpus.resolve("plans/generated-tpch/tpch-q8.json");
    private static final Path Q5_TEXT = Corpus.resolve("plans/generated-tpch/tpch-q5.txt");

    @Test
    void jsonReportCarriesEachPlansHeadlineNumbersAsInTheFile() throws IOException {
        CliRun r = CliRun.run("plan", "--format", "json", Q1_JSON.toString(), Q8_JSON.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(report.get("command").asText()).isEqualTo("plan");
        assertThat(report.get("plans")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Path file = i == 0 ? Q1_JSON : Q8_JSON;
            JsonNode source = JSON.readTree(Files.readString(file)).get(0);
            JsonNode entry = report.get("plans").get(i);
            assertThat(entry.get("file").asText()).isEqualTo(file.toString());
            assertThat(entry.get("status").asText()).isEqualTo("ok");
            assertThat(entry.get("format").asText()).isEqualTo("json");
            assertThat(entry.get("bytes").asLong()).isEqualTo(Files.size(file));
            assertThat(entry.get("error").isNull()).isTrue();
            JsonNode plan = entry.get("plan");
            assertThat(plan.get("nodeCount").asInt()).isEqualTo(source.findValues("Node Type").size());
            assertThat(plan.get("rootNodeType").asText()).isEqualTo(source.get("Plan").get("Node Type").asText());
            assertThat(plan.get("totalCost").asDouble()).isEqualTo(source.get("Plan").get("Total Cost").asDouble());
            assertThat(plan.get("planningTimeMs").asDouble()).isEqualTo(source.get("Planning Time").asDouble());
            assertThat(plan.get("executionTimeMs").asDouble()).isEqualTo(source.get("Execution Time").asDouble());
            List<Integer> scores = new ArrayList<>();
            entry.get("insights").forEach(insight -> scores.add(insight.get("score").asInt()));
            assertThat(scores).as("insights ranked by score").isSortedAccordingTo((a, b) -> b - a);
        }
        assertThat(report.get("summary").get("plans").asInt()).isEqualTo(2);
        assertThat(report.get("summary").get("ok").asInt()).isEqualTo(2);
        assertThat(report.get("summary").get("failed").asInt()).isZero();
    }

    @Test
    void q1sHashAggregateIsReportedAsTheSlowNode() throws IOException {
        // tpch-q1.json: the Partial HashAggregate (named as tpch-q1.txt names it) has most of the execution time
        CliRun r = CliRun.run("plan", "--format", "json", Q1_JSON.toString());

        JsonNode first = JSON.readTree(r.out()).get("plans").get(0).get("insights").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("slow-node");
        assertThat(first.get("node").asText()).isEqualTo("Partial HashAggregate");
    }

    @Test
    void textReportOfATextPlanShowsItsSummaryAndInsights() throws IOException {
        CliRun r = CliRun.run("plan", Q5_TEXT.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String firstPlanLine = Files.readString(Q5_TEXT).lines().filter(l -> !l.isBlank()).findFirst().orElseThrow();
        String rootType = firstPlanLine.strip().substring(0, firstPlanLine.strip().indexOf("  ("));
        assertThat(r.out()).contains(Q5_TEXT + ": ok (text plan, " + Files.size(Q5_TEXT) + " bytes)",
                "  plan: ", "root " + rootType, "  insights:", "1 plan file: 1 ok, 0 failed");
    }

    @Test
    void markdownReportHasAHeadingPerFileAndAnInsightTable() {
        CliRun r = CliRun.run("plan", "--format", "markdown", Q1_JSON.toString(), Q5_TEXT.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("# Planwright plan report", "## " + Q1_JSON, "## " + Q5_TEXT,
                "| Score | Kind | Title | Node | Explanation |", "2 plan files: 2 ok, 0 failed");
    }

    @Test
    void aPlanCutShortGivesItsPositionedErrorAndExitCode1WhileTheOthersAreStillReported(@TempDir Path dir)
            throws IOException {
        List<String> lines = Files.readAllLines(Q8_JSON);
        Path cut = dir.resolve("q8-cut.json");
        Files.write(cut, lines.subList(0, lines.size() / 2));

        CliRun r = CliRun.run("plan", "--format", "json", cut.toString(), Q1_JSON.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.STATEMENT_FAILED);
        assertThat(r.err()).matches("\\Q" + cut + "\\E:\\d+:\\d+: .+\\R");
        JsonNode report = JSON.readTree(r.out());
        JsonNode failed = report.get("plans").get(0);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("plan").isNull()).isTrue();
        int line = failed.get("error").get("line").asInt();
        assertThat(line).as("the error is at the end of the cut text").isBetween(lines.size() / 2 - 1,
                lines.size() / 2 + 1);
        assertThat(r.err()).startsWith(cut + ":" + line + ":" + failed.get("error").get("column").asInt() + ": "
                + failed.get("error").get("message").asText());
        assertThat(report.get("plans").get(1).get("status").asText()).isEqualTo("ok");
        assertThat(report.get("summary").get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void textThatIsNoPlanIsReportedAtItsFirstLine(@TempDir Path dir) throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "\nthis is not a plan\n");

        CliRun r = CliRun.run("plan", notes.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.STATEMENT_FAILED);
        assertThat(r.err()).startsWith(notes + ":2:");
        assertThat(r.out()).contains(notes + ": not read, error at line 2, column 1 (see standard error)",
                "1 plan file: 0 ok, 1 failed");
    }

    @Test
    void eachErrorLineIsPrintedOnceAcrossBothStreams(@TempDir Path dir) throws IOException {
        Path damaged = dir.resolve("q1-damaged.json");
        String q1 = Files.readString(Q1_JSON);
        Files.writeString(damaged, q1.replaceFirst("\"Actual Rows\": [0-9]+", "\"Actual Rows\": \"many\""));

        CliRun r = CliRun.run("plan", damaged.toString(), Q5_TEXT.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.STATEMENT_FAILED);
        String both = r.out() + r.err();
        List<String> errorLines = both.lines().filter(l -> l.contains("expected a number for \"Actual Rows\"")).toList();
        assertThat(errorLines).as(both).hasSize(1);
        assertThat(errorLines.getFirst()).matches("\\Q" + damaged + "\\E:\\d+:\\d+: expected a number for \"Actual Rows\", "
                + "found \"many\"");
        assertThat(r.out()).contains(damaged + ": not read, error at line ", "1 failed");
    }

    @Test
    void plansWithoutCostsSayNoCost() {
        Path h2 = Path.of("../plans/src/test/resources/plans/h2/h2-exists-analyze.txt");

        CliRun r = CliRun.run("plan", h2.toString(), Q5_TEXT.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> planLines = r.out().lines().filter(l -> l.startsWith("  plan: ")).toList();
        assertThat(planLines).hasSize(2);
        assertThat(planLines.get(0)).endsWith("root Select, no cost").doesNotContain("rows 0");
        assertThat(planLines.get(1)).containsPattern(", total cost [\\d,.]+, rows ");
    }

    @Test
    void aMissingFileIsAUsageErrorAndNothingIsReported(@TempDir Path dir) {
        CliRun r = CliRun.run("plan", Q1_JSON.toString(), dir.resolve("missing.json").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("planwright: " + dir.resolve("missing.json") + ": no such file");
    }

    @Test
    void helpListsThePlanAndBenchCommands() {
        CliRun top = CliRun.run("--help");
        CliRun plan = CliRun.run("plan", "--help");

        assertThat(top.out()).containsPattern("plan +Report the summary and insights of saved plans")
                .containsPattern("bench +Measure plan parsing \\+ insights speed");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out().replaceAll("\\s+", " ")).contains("Usage: planwright plan", "--format=FORMAT",
                "text, json, markdown", "PLAN-FILE", "- for standard input", "message on standard error");
    }

    @Test
    void noFileIsAUsageError() {
        CliRun r = CliRun.run("plan");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(r.err()).contains("Missing required parameter", "PLAN-FILE");
    }

    @Test
    void dashReadsThePlanFromStandardInput() throws IOException {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(Q5_TEXT)));
            CliRun r = CliRun.run("plan", "--format", "json", "-");

            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode entry = JSON.readTree(r.out()).get("plans").get(0);
            assertThat(entry.get("file").asText()).isEqualTo("-");
            assertThat(entry.get("format").asText()).isEqualTo("text");
            assertThat(entry.get("bytes").asLong()).isEqualTo(Files.size(Q5_TEXT));
        } finally {
            System.setIn(saved);
        }
    }
}
