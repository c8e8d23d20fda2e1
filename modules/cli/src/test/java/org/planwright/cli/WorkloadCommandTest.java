package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.WorkbenchStore;
import org.planwright.testsupport.Corpus;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/** {@code planwright workload} on a corpus export, on a live server, and from windows stored in a workspace. */
@ExtendWith(PostgresExtension.class)
class WorkloadCommandTest {

    private static final Path PGBENCH_CSV = Corpus.root().resolve("workload/pgss-snapshot-pgbench-tpcb-s10-c8-60s.csv");

    @Test
    void aCsvExportIsAnalysedWithoutAConnection() throws Exception {
        CliRun r = CliRun.run("workload", "--csv", PGBENCH_CSV.toString(), "--format", "json", "--top", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/classification/class").asText()).isEqualTo("oltp");
        assertThat(json.at("/topByTotalTime")).hasSize(3);
        assertThat(json.at("/topByTotalTime/0/query").asText()).startsWith("UPDATE pgbench_branches");
        assertThat(json.at("/topByTotalTime/0/calls").asLong()).isEqualTo(117_335);
        assertThat(json.at("/readWrite/readShare").asDouble()).isBetween(0.19, 0.21);
    }

    @Test
    void textNamesTheClassAndTheTopStatement() {
        CliRun r = CliRun.run("workload", "--csv", PGBENCH_CSV.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Class: OLTP").contains("Top by total time:").contains("UPDATE pgbench_branches");
    }

    @Test
    void aLiveServerIsAnalysedAndAnIntervalWindowIsStoredThenReadBack(PostgresFixture pg, @TempDir Path home)
            throws Exception {
        String db = pg.createScratchDatabase("wl_cli");
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT g AS id, g % 10 AS k FROM generate_series(1, 20000) g");
            for (int i = 0; i < 30; i++) {
                st.execute("SELECT k, count(*) FROM t GROUP BY k");
            }
        }
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            store.workspaces().create("Acme");
        }
        CliEnvironment env = new CliEnvironment(Map.of("PLANWRIGHT_HOME", home.toString(),
                "PGPASSFILE", "/nonexistent/planwright-test-pgpass"), PasswordPrompt.none());

        CliRun live = CliRun.run(env, "workload", "--url", pg.url(db), "-U", pg.user(), "--format", "json");
        assertThat(live.exitCode()).as(live.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(live.out());
        assertThat(json.at("/topByTotalTime").toString()).contains("GROUP BY k");
        assertThat(json.at("/topByTotalTime").toString()).doesNotContain("planwright:workload");

        CliRun interval = CliRun.run(env, "workload", "--url", pg.url(db), "-U", pg.user(), "--interval", "1s",
                "--workspace", "acme");
        assertThat(interval.exitCode()).as(interval.err()).isZero();
        assertThat(interval.out()).contains("(0 min)");

        CliRun stored = CliRun.run(env, "workload", "--url", pg.url(db), "-U", pg.user(), "--workspace", "Acme");
        assertThat(stored.exitCode()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("History: 1 stored windows");
    }

    @Test
    void anUnknownWorkspaceIsABadUsageThatNamesTheKnownOnes(PostgresFixture pg, @TempDir Path home) {
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            store.workspaces().create("Acme");
        }
        CliEnvironment env = new CliEnvironment(Map.of("PLANWRIGHT_HOME", home.toString(),
                "PGPASSFILE", "/nonexistent/planwright-test-pgpass"), PasswordPrompt.none());
        CliRun r = CliRun.run(env, "workload", "--url", pg.url(), "-U", pg.user(), "--workspace", "Globex");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(r.err()).contains("Globex").contains("Acme");
    }

    @Test
    void aMissingExportIsABadUsage() {
        CliRun r = CliRun.run("workload", "--csv", "/nonexistent/pgss.csv");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(r.err()).contains("/nonexistent/pgss.csv");
    }
}
