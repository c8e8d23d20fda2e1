package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/** {@code planwright config advise} on the embedded PostgreSQL 18: read-only, JSON and text. */
@ExtendWith(PostgresExtension.class)
class ConfigAdviseCommandTest {

    @Test
    void jsonHasTheRecommendationsWithTheirStatements(PostgresFixture pg) throws Exception {
        CliRun run = CliRun.run("config", "advise", "--url", pg.url(), "-U", pg.user(), "--ram-gb", "16", "--cpus",
                "4", "--storage", "ssd", "--workload", "mixed", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("version").asText()).startsWith("18");
        assertThat(json.get("hardware").get("source").asText()).isEqualTo("given");
        assertThat(json.get("recommendations").isArray()).isTrue();
        for (JsonNode r : json.get("recommendations")) {
            assertThat(r.get("alterSystem").asText()).startsWith("ALTER SYSTEM SET " + r.get("parameter").asText());
            assertThat(r.get("apply").asText()).isIn("restart", "reload", "new session");
            assertThat(r.get("evidence").size()).isPositive();
        }
        assertThat(json.get("notProposed").size()).as("PGTune's other changes, with reasons").isPositive();
    }

    @Test
    void textDetectsTheLocalHardware(PostgresFixture pg) {
        CliRun run = CliRun.run("config", "advise", "--url", pg.url(), "-U", pg.user());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("detected: /proc/meminfo").contains("PGTune would also change");
    }

    @Test
    void aRemoteServerNeedsTheHardware() {
        CliRun run = CliRun.run("config", "advise", "--url", "jdbc:postgresql://db.example.invalid/x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(run.err()).contains("give --ram-gb and --cpus").contains("not on this machine");
    }
}
