package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * Pins the field names and order of the JSON report (docs/cli-json-output.md, formatVersion 1) on real output: a
 * change here is a change of the documented contract and needs a new format version.
 */
@ExtendWith(PostgresExtension.class)
class ExplainJsonFormatTest {

    @Test
    void fieldNamesAreTheDocumentedOnes(PostgresFixture pg, @TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("all-statuses.sql"), """
                select count(*) from generate_series(1, 100000) g where g % 7 = 0;
                vacuum;
                select * from no_such_table;
                """);

        CliRun r = CliRun.run("explain", "--url", pg.url() + "?password=not-shown", "-U", pg.user(), "--analyze",
                "--format", "json", sql.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(keys(report)).containsExactly("formatVersion", "planwrightVersion", "connection", "options",
                "statements", "summary");
        assertThat(report.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(keys(report.get("connection"))).containsExactly("url", "user", "serverVersion");
        assertThat(report.get("connection").get("url").asText()).isEqualTo(pg.url()).doesNotContain("not-shown");
        assertThat(keys(report.get("options"))).containsExactly("analyze", "statementTimeoutMs");
        assertThat(report.get("options").get("statementTimeoutMs").asLong()).isEqualTo(60_000);
        assertThat(keys(report.get("summary"))).containsExactly("statements", "ok", "failed", "skipped");

        List<String> statementKeys = List.of("file", "statement", "line", "column", "kind", "sql", "status",
                "skipReason", "error", "plan", "insights");
        JsonNode ok = report.get("statements").get(0);
        JsonNode skipped = report.get("statements").get(1);
        JsonNode failed = report.get("statements").get(2);
        for (JsonNode s : report.get("statements")) {
            assertThat(keys(s)).containsExactlyElementsOf(statementKeys);
        }
        assertThat(List.of(ok, skipped, failed)).extracting(s -> s.get("status").asText())
                .containsExactly("ok", "skipped", "failed");
        assertThat(keys(ok.get("plan"))).containsExactly("nodeCount", "rootNodeType", "totalCost", "planRows",
                "actualRows", "planningTimeMs", "executionTimeMs");
        assertThat(ok.get("insights")).isNotEmpty();
        for (JsonNode insight : ok.get("insights")) {
            assertThat(keys(insight)).containsExactly("kind", "score", "impact", "title", "explanation", "nodeIds",
                    "node", "evidence");
        }
        assertThat(keys(failed.get("error"))).containsExactly("message", "sqlState", "line", "column");
        assertThat(skipped.get("skipReason").asText()).contains("VACUUM");
        assertThat(skipped.get("plan").isNull()).isTrue();
        assertThat(skipped.get("insights")).isEmpty();
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
