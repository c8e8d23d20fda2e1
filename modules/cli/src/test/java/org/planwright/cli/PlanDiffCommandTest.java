package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.plans.PlanParser;
import org.planwright.plans.compare.PlanComparison;
import org.planwright.testsupport.IndexExperiment;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.testsupport.TpchQueries;

/**
 * {@code planwright plan diff} through picocli on real TPC-H q4 plans captured before (no index on
 * lineitem.l_orderkey) and after {@code CREATE INDEX idx_l_orderkey}, in a rolled-back transaction.
 */
@ExtendWith(PostgresExtension.class)
class PlanDiffCommandTest {

    @TempDir
    static Path dir;
    private static Path before;
    private static Path after;

    @BeforeAll
    static void capture(PostgresFixture pg) throws IOException {
        String url = pg.tpch();
        IndexExperiment.Plans q4 = IndexExperiment.capture(pg, url.substring(url.lastIndexOf('/') + 1),
                TpchQueries.query(4).query(),
                List.of("drop index idx_lineitem_orderkey", "alter table lineitem drop constraint lineitem_pkey"),
                List.of("create index idx_l_orderkey on lineitem (l_orderkey)"));
        before = Files.writeString(dir.resolve("q4-before.json"), q4.before());
        after = Files.writeString(dir.resolve("q4-after.json"), q4.after());
        String keep = System.getProperty("planwright.keepPlansIn"); // to refresh docs/examples by hand
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(before, Path.of(keep, "tpch-q4-before.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(after, Path.of(keep, "tpch-q4-after.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void textNamesTheScanChangeAndTheNewIndex() {
        CliRun run = CliRun.run("plan", "diff", before.toString(), after.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("verdict: ").contains("scan-method")
                .containsPattern("Seq Scan on lineitem -> Index Scan using idx_l_orderkey on lineitem")
                .contains("index-used").contains("uses index idx_l_orderkey");
    }

    @Test
    void jsonFollowsTheDocumentedShape() throws IOException {
        CliRun run = CliRun.run("plan", "diff", "--format", "json", before.toString(), after.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(run.out());
        PlanComparison c = PlanComparison.compare(PlanParser.parse(Files.readString(before)),
                PlanParser.parse(Files.readString(after)));

        assertThat(j.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(j.get("report").asText()).isEqualTo("plan-diff");
        assertThat(j.get("before").get("name").asText()).isEqualTo(before.toString());
        assertThat(j.get("verdict").asText()).isEqualTo(c.verdict().name().toLowerCase(java.util.Locale.ROOT));
        assertThat(j.get("totals").get("executionTimeMs").get("before").asDouble())
                .isEqualTo(c.before().executionTime().getAsDouble());
        assertThat(j.get("changes")).anySatisfy(ch -> {
            assertThat(ch.get("kind").asText()).isEqualTo("scan-method");
            assertThat(ch.get("description").asText()).contains("idx_l_orderkey");
        });
        assertThat(j.get("pairs")).hasSize(c.pairs().size());
        for (String field : List.of("before", "after", "verdict", "basis", "ratio", "noiseFraction", "sameShape",
                "totals", "changes", "pairs", "onlyBefore", "onlyAfter")) {
            assertThat(j.has(field)).as(field).isTrue();
        }
    }

    @Test
    void markdownIsTheSharedReport() {
        CliRun run = CliRun.run("plan", "diff", "--format", "markdown", before.toString(), after.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Plan comparison").contains("## Totals").contains("| scan-method |");
    }

    @Test
    void failIfSlowerExitsWith3ExactlyWhenTheAfterPlanIsSlower() throws IOException {
        PlanComparison swapped = PlanComparison.compare(PlanParser.parse(Files.readString(after)),
                PlanParser.parse(Files.readString(before)));
        CliRun run = CliRun.run("plan", "diff", "--fail-if-slower", after.toString(), before.toString());
        assertThat(run.exitCode()).as(run.err())
                .isEqualTo(swapped.verdict() == PlanComparison.Verdict.SLOWER ? PlanDiffCommand.SLOWER : 0);
    }

    @Test
    void anUnreadablePlanGivesItsPositionAndExit1() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"Plan\": {\"Node Type\": \"Seq Scan\",\n  ");
        CliRun run = CliRun.run("plan", "diff", before.toString(), broken.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.STATEMENT_FAILED);
        assertThat(run.err()).startsWith(broken + ":").containsPattern(":\\d+:\\d+: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliRun run = CliRun.run("plan", "diff", before.toString(), dir.resolve("nope.json").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(run.err()).contains("nope.json: no such file");
    }
}
