package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.Corpus;

/**
 * {@code planwright bench} at a small size: the output has a block per input (corpus plans and both synthetic
 * plans) with timings, the Jackson baseline and the ratio, then the retained heap. Timings are not asserted.
 */
class BenchCommandTest {

    @Test
    void benchPrintsFiguresAndTheRatioToJacksonForEveryInput() {
        CliRun r = CliRun.run("bench", "--iterations", "1", "--max-nodes", "2000");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 iteration after 1 warm-up run per input",
                "corpus plans/pev2/samples__plan8_source.json: 72 nodes, ",
                "corpus plans/generated-tpch/",
                "real generated-huge/partitions-1000-join.json.gz: 2,004 nodes, ",
                "synthetic Append over 1,200 Seq Scans: 1,201 nodes, ",
                "synthetic 1,608-node join plan: 1,608 nodes, ",
                "synthetic Append over 1,999 Seq Scans: 2,000 nodes, ",
                "synthetic 2,000-node join plan: 2,000 nodes, ",
                "retained heap of the parsed 2,000-node join plan: ",
                "method: MemoryMXBean");
        assertThat(r.out().lines().filter(l -> l.startsWith("  parse + compute + insights: median ")))
                .as("one timing line per input").hasSize(7);
        assertThat(r.out().lines().filter(l -> l.matches("  parse \\+ compute alone: +median [\\d.]+ ms, p90 [\\d.]+ ms")))
                .hasSize(7);
        assertThat(r.out().lines().filter(l -> l.matches("  baseline Jackson readTree: +median [\\d.]+ ms, p90 [\\d.]+ ms")))
                .hasSize(7);
        assertThat(r.out().lines().filter(l -> l.matches(
                "  thread CPU time, medians: +parse \\+ compute \\+ insights [\\d.]+ ms, Jackson readTree [\\d.]+ ms")))
                .hasSize(7);
        assertThat(r.out().lines().filter(l -> l.matches(
                "  process CPU time, means: +parse \\+ compute \\+ insights [\\d.]+ ms, Jackson readTree [\\d.]+ ms")))
                .as("the whole JVM's CPU time too, to set beside other runtimes'").hasSize(7);
        assertThat(r.out().lines().filter(l -> l.matches("  ratio: parse \\+ compute \\+ insights = [\\d.]+x Jackson tree parse.*")))
                .hasSize(7);
        assertThat(r.out()).as("the 1,200-partition plan is at full size: its target is shown")
                .containsPattern("median [\\d.]+ ms, p90 [\\d.]+ ms  \\(target <= 10\\.0 ms: (met|MISSED)\\)");
        assertThat(r.out()).as("the 100,000-node targets only at full size").doesNotContain("target <= 1000")
                .doesNotContain("target <= 680");
    }

    @Test
    void planFilesNamedOnTheCommandLineAreMeasuredToo() {
        String file = Corpus.resolve("plans/generated-pagila/pagila-cte_top_customers.json").toString();
        CliRun r = CliRun.run("bench", "--iterations", "1", "--max-nodes", "10", "--no-corpus", file);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("file " + file + ": ").doesNotContain("generated-huge");
        assertThat(r.out().lines().filter(l -> l.startsWith("  parse + compute + insights: median ")))
                .as("the file and the two synthetic plans (the capped sizes repeat: each is measured once)")
                .hasSize(3);
    }

    @Test
    void aTextPlanIsMeasuredWithoutTheJacksonBaselineAndTheOthersStillAre() {
        String text = Corpus.resolve("plans/generated-tpch/tpch-q1.txt").toString();
        String json = Corpus.resolve("plans/generated-tpch/tpch-q1.json").toString();
        CliRun r = CliRun.run("bench", "--iterations", "1", "--max-nodes", "10", "--no-corpus", text, json);

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("could not be read")
                .containsPattern("file \\Q" + text + "\\E: [\\d,]+ nodes, [\\d,]+ bytes, text\\R"
                        + "  parse \\+ compute \\+ insights: median [\\d.]+ ms.*\\R"
                        + "  parse \\+ compute alone: +median [\\d.]+ ms.*\\R"
                        + "  thread CPU time, median: +parse \\+ compute \\+ insights [\\d.]+ ms\\R"
                        + "  process CPU time, mean: +parse \\+ compute \\+ insights [\\d.]+ ms\\R"
                        + "  baseline Jackson readTree: +none \\(not JSON\\)");
        assertThat(r.out().lines().filter(l -> l.startsWith("  ratio: ")))
                .as("the JSON file and the two synthetic plans have a ratio, the text plan none").hasSize(3);
    }

    @Test
    void theSyntheticPlansAreSavedForOtherToolsAsTheTextThatIsMeasured(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("plans");
        CliRun r = CliRun.run("bench", "--iterations", "1", "--max-nodes", "50", "--no-corpus",
                "--save-synthetic", saved.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        try (Stream<Path> files = Files.list(saved)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly(
                    "synthetic-50-node-join-plan.json", "synthetic-append-over-49-seq-scans.json");
        }
        assertThat(Files.readString(saved.resolve("synthetic-append-over-49-seq-scans.json")))
                .isEqualTo(SyntheticPlans.appendOverSeqScans(49));
        assertThat(r.out()).contains("synthetic Append over 49 Seq Scans: 50 nodes, ",
                "synthetic 50-node join plan: 50 nodes, ");
    }

    @Test
    void aMissingPlanFileIsAUsageError() {
        CliRun r = CliRun.run("bench", "--iterations", "1", "/nonexistent/plan.json");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(r.err()).contains("cannot read plan file /nonexistent/plan.json: no such file");
    }

    @Test
    void iterationsBelowOneIsAUsageError() {
        CliRun r = CliRun.run("bench", "--iterations", "0");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(r.err()).contains("--iterations must be at least 1");
        assertThat(r.out()).isEmpty();
    }
}
