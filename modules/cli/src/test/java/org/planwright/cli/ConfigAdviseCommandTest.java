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
    void aSettingsTrialDecidesTheSessionSettableChangesAndChangesNothing(PostgresFixture pg,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String db = pg.createScratchDatabase("config_trial");
        try (java.sql.Connection c = pg.connect(db); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT g, md5(g::text) AS s FROM generate_series(1, 100000) g");
            st.execute("CREATE INDEX t_g ON t (g)");
            st.execute("VACUUM ANALYZE t");
        }
        String autoConfBefore = autoConf(pg, db);
        java.nio.file.Files.writeString(dir.resolve("lookup.sql"), "SELECT s FROM t WHERE g = 4242;\n");
        java.nio.file.Files.writeString(dir.resolve("write.sql"), "UPDATE t SET s = 'x' WHERE g = 1;\n");
        CliRun run = CliRun.run("config", "advise", "--url", pg.url(db), "-U", pg.user(), "--ram-gb", "16",
                "--cpus", "4", "--storage", "ssd", "--workload", "dw", "--trial", dir.toString(), "--trial-runs", "3",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Trying work_mem = ").contains("Settings trial done");
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode trial = json.get("settingsTrial");
        assertThat(trial.get("skipped").get(0).asText()).startsWith("write.sql: not a read-only query (UPDATE)");
        java.util.Set<String> tried = new java.util.TreeSet<>();
        for (JsonNode c : trial.get("candidates")) {
            tried.add(c.get("parameter").asText());
            assertThat(c.get("statements").get(0).get("label").asText()).isEqualTo("lookup.sql");
            assertThat(c.get("statements").get(0).get("change").asText())
                    .isIn("faster", "slower", "unchanged", "same_plan");
        }
        assertThat(tried).as("PGTune's dw profile: work_mem, random_page_cost, effective_cache_size; jit is on")
                .contains("work_mem", "random_page_cost", "effective_cache_size", "jit")
                .doesNotContain("shared_buffers", "maintenance_work_mem", "default_statistics_target");
        for (String p : tried) {
            boolean accepted = trial.get("accepted").has(p);
            boolean recommended = false;
            for (JsonNode r : json.get("recommendations")) {
                if (r.get("parameter").asText().equals(p)) {
                    recommended = true;
                    assertThat(r.get("evidence").get(0).asText()).startsWith("measured in this session");
                }
            }
            assertThat(recommended).as(p + " recommended exactly when the trial accepted it").isEqualTo(accepted);
            if (!accepted) {
                assertThat(json.get("notProposed").findValues("parameter").stream().map(JsonNode::asText))
                        .contains(p);
            }
            for (JsonNode n : json.get("notProposed")) {
                if (n.get("parameter").asText().equals("jit")) {
                    assertThat(n.get("pgtune").asText()).as("PGTune's dw profile leaves jit alone").isEmpty();
                }
            }
        }
        assertThat(autoConf(pg, db)).as("nothing written by ALTER SYSTEM").isEqualTo(autoConfBefore);
    }

    /** @return the postgresql.auto.conf lines pg_file_settings shows, one per line */
    private static String autoConf(PostgresFixture pg, String db) throws Exception {
        try (java.sql.Connection c = pg.connect(db); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT coalesce(string_agg(name || '=' || setting, E'\\n' "
                     + "ORDER BY seqno), '') FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aRemoteServerNeedsTheHardware() {
        CliRun run = CliRun.run("config", "advise", "--url", "jdbc:postgresql://db.example.invalid/x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(run.err()).contains("give --ram-gb and --cpus").contains("not on this machine");
    }
}
