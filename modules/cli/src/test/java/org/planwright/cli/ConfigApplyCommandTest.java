package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.ConfigChangeRecord;
import org.planwright.store.WorkbenchStore;
import org.planwright.testsupport.DebianPostgres15;
import org.planwright.testsupport.Postgres15Extension;

/**
 * {@code planwright config validate / apply / revert} on a real PostgreSQL 15 (Debian's, a throw-away cluster of this
 * test JVM — ALTER SYSTEM changes the whole cluster, so not the shared PostgreSQL 18 of the other tests): bad values
 * are refused without touching the server; without --yes nothing changes; a deliberately bad change (work_mem 64kB
 * on a workload whose NOT IN subquery is hashed only when it fits) is measured with pgbench, found degraded and
 * reverted; a change applied without measuring is undone by {@code config revert}; restart-only parameters are
 * prepared, never applied. Every test leaves postgresql.auto.conf as it found it (checked after each).
 */
@ExtendWith(Postgres15Extension.class)
class ConfigApplyCommandTest {

    private static final Path PGBENCH = DebianPostgres15.BIN.resolve("pgbench");
    private static final String DB = "cfg_apply";
    private static boolean created;

    private DebianPostgres15 pg;
    private List<String> autoConfBefore;

    @BeforeAll
    static void pgbenchIsThere() {
        Assumptions.assumeTrue(Files.isExecutable(PGBENCH), "pgbench of Debian's postgresql-15 is not installed");
    }

    @BeforeEach
    void database(DebianPostgres15 server) throws SQLException {
        pg = server;
        synchronized (ConfigApplyCommandTest.class) {
            if (!created) {
                try (Connection c = pg.connect("postgres"); Statement st = c.createStatement()) {
                    st.execute("CREATE DATABASE " + DB);
                }
                try (Connection c = pg.connect(DB); Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE not_in_outer AS SELECT g AS id FROM generate_series(1, 400) g");
                    st.execute("CREATE TABLE not_in_inner AS SELECT g * 2 AS id FROM generate_series(1, 6000) g");
                    st.execute("ANALYZE");
                }
                created = true;
            }
        }
        autoConfBefore = autoConf();
    }

    @AfterEach
    void serverUnchanged() throws SQLException {
        assertThat(autoConf()).as("postgresql.auto.conf as before the test").isEqualTo(autoConfBefore);
        assertThat(setting("work_mem")).isEqualTo("4096");
        assertThat(setting("shared_buffers")).isEqualTo("16384");
    }

    private CliEnvironment env(Path home) {
        return new CliEnvironment(Map.of("PLANWRIGHT_HOME", home.toString(),
                "PGPASSFILE", "/nonexistent/planwright-test-pgpass"), PasswordPrompt.none());
    }

    private String url() {
        return pg.url(DB);
    }

    @Test
    void badValuesAreRefusedWithTheirReasonAndNothingIsTouched(@TempDir Path home) {
        CliRun run = CliRun.run(env(home), "config", "validate", "--url", url(), "-U", pg.user(), "--ram-gb", "4",
                "--cpus", "2", "--set", "work_mem=lots", "--set", "enable_seqscan=maybe", "--set",
                "max_connections=0", "--set", "no_such_parameter=1", "--set", "random_page_cost=1.1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.STATEMENT_FAILED);
        assertThat(run.out()).contains("work_mem: 'lots' is not a number")
                .contains("enable_seqscan: 'maybe' is not a boolean")
                .contains("max_connections: '0' is outside 1..")
                .contains("no_such_parameter: no such parameter on this server")
                .contains("Nothing was changed.");

        CliRun budget = CliRun.run(env(home), "config", "apply", "--url", url(), "-U", pg.user(), "--ram-gb", "4",
                "--cpus", "2", "--set", "work_mem=1GB", "--yes", "--format", "json");
        assertThat(budget.exitCode()).as(budget.err()).isEqualTo(ExitCodes.STATEMENT_FAILED);
        assertThat(budget.out()).contains("memory budget");

        CliRun both = CliRun.run(env(home), "config", "validate", "--url", url(), "-U", pg.user(), "--ram-gb", "4",
                "--cpus", "2", "--set", "work_mem=1GB", "--set", "jit=maybe");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.STATEMENT_FAILED);
        assertThat(both.out()).as("the budget is checked although another value is bad")
                .contains("memory budget").contains("jit: 'maybe' is not a boolean").doesNotContain("Valid,");

        CliRun windows = CliRun.run(env(home), "config", "validate", "--url", url(), "-U", pg.user(), "--os", "windows",
                "--set", "maintenance_work_mem=3GB", "--format", "json");
        assertThat(windows.exitCode()).isEqualTo(ExitCodes.STATEMENT_FAILED);
        assertThat(windows.out()).contains("Windows before PostgreSQL 18 refuses 2GB or more");

        CliRun ok = CliRun.run(env(home), "config", "validate", "--url", url(), "-U", pg.user(), "--set",
                "work_mem=64MB", "--set", "shared_buffers=256MB");
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("work_mem: 4MB -> 64MB  [reload]").contains("shared_buffers: 128MB -> 256MB")
                .contains("needs a restart");
    }

    @Test
    void withoutYesNothingChanges(@TempDir Path home) throws Exception {
        CliRun run = CliRun.run(env(home), "config", "apply", "--url", url(), "-U", pg.user(), "--set",
                "work_mem=8MB", "--measure", "pgbench", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("dryRun").asBoolean()).isTrue();
        assertThat(json.at("/live/0/parameter").asText()).isEqualTo("work_mem");
        assertThat(json.at("/live/0/new").asText()).isEqualTo("8MB");
        assertThat(json.has("events")).isFalse();
        assertThat(history(home)).isEmpty();
    }

    @Test
    void aBadChangeIsMeasuredDegradedAndReverted(@TempDir Path home) throws Exception {
        Path script = Path.of(getClass().getResource("/workloads/not-in-subquery.sql").toURI());
        CliRun run = CliRun.run(env(home), "config", "apply", "--url", url(), "-U", pg.user(), "--set",
                "work_mem=64kB", "--measure", "pgbench", "--pgbench", PGBENCH.toString(), "--pgbench-script",
                script.toString(), "--clients", "2", "--duration", "2s", "--yes", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.at("/verdict/outcome").asText()).isEqualTo("degraded");
        assertThat(json.at("/verdict/after/p95LatencyMs").asDouble())
                .isGreaterThan(json.at("/verdict/baseline/p95LatencyMs").asDouble() * 1.1);
        assertThat(json.get("kept").asBoolean()).isFalse();
        List<ConfigChangeRecord> h = history(home);
        assertThat(h).extracting(ConfigChangeRecord::action).containsExactly("APPLIED", "REVERTED");
        assertThat(h.getLast().measuredResult()).contains("degraded");
        assertThat(h.getLast().runId()).isNotNull().isEqualTo(h.getFirst().runId());
        assertThat(h.getLast().server()).isEqualTo("127.0.0.1:" + pg.port());
    }

    @Test
    void aChangeAppliedWithoutMeasuringIsUndoneByRevertAndRestartOnlyIsPrepared(@TempDir Path home) throws Exception {
        CliRun none = CliRun.run(env(home), "config", "revert", "--url", url(), "-U", pg.user(), "--yes");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.STATEMENT_FAILED);
        assertThat(none.err()).contains("nothing to revert");

        CliRun apply = CliRun.run(env(home), "config", "apply", "--url", url(), "-U", pg.user(), "--set",
                "work_mem=8MB", "--set", "random_page_cost=1.1", "--set", "shared_buffers=256MB", "--yes");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("applied   work_mem: 4MB -> 8MB").contains("prepared  shared_buffers")
                .contains("ALTER SYSTEM SET shared_buffers = '256MB';").contains("The change stays.");
        assertThat(setting("work_mem")).isEqualTo("8192");
        assertThat(setting("random_page_cost")).isEqualTo("1.1");
        assertThat(setting("shared_buffers")).as("restart-only: never applied").isEqualTo("16384");
        assertThat(autoConf()).as("prepared, not written").noneMatch(l -> l.startsWith("shared_buffers"));

        CliRun dry = CliRun.run(env(home), "config", "revert", "--url", url(), "-U", pg.user());
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("work_mem: 8MB -> 4MB").contains("random_page_cost: 1.1 -> 4")
                .contains("Nothing was changed");
        assertThat(setting("work_mem")).isEqualTo("8192");

        CliRun revert = CliRun.run(env(home), "config", "revert", "--url", url(), "-U", pg.user(), "--yes",
                "--format", "json");
        assertThat(revert.exitCode()).as(revert.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(revert.out());
        assertThat(json.get("events")).hasSize(2);
        assertThat(history(home)).extracting(ConfigChangeRecord::action)
                .containsExactly("PREPARED", "APPLIED", "APPLIED", "REVERTED", "REVERTED");

        CliRun again = CliRun.run(env(home), "config", "revert", "--url", url(), "-U", pg.user(), "--yes");
        assertThat(again.exitCode()).as("the last change is undone already").isEqualTo(ExitCodes.STATEMENT_FAILED);
    }

    @Test
    void whereApprovalIsRequiredNothingIsAppliedWithoutTheApproverWhoIsThenRecorded(@TempDir Path home)
            throws SQLException {
        CliRun on = CliRun.run(env(home), "config", "approval", "on");
        assertThat(on.exitCode()).as(on.err()).isZero();
        assertThat(on.out()).contains("need an administrator's approval");

        CliRun refused = CliRun.run(env(home), "config", "apply", "--url", url(), "-U", pg.user(), "--set",
                "work_mem=8MB", "--yes");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(refused.out()).contains("Nothing was changed").contains("--approved-by NAME");
        assertThat(setting("work_mem")).as("not applied").isEqualTo("4096");
        assertThat(history(home)).isEmpty();

        CliRun approved = CliRun.run(env(home), "config", "apply", "--url", url(), "-U", pg.user(), "--set",
                "work_mem=8MB", "--yes", "--approved-by", "Dana (DBA lead)");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(setting("work_mem")).isEqualTo("8192");
        assertThat(history(home)).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("APPLIED");
            assertThat(r.changedBy()).endsWith(", approved by Dana (DBA lead)");
        });
        CliRun revert = CliRun.run(env(home), "config", "revert", "--url", url(), "-U", pg.user(), "--yes");
        assertThat(revert.exitCode()).as(revert.err()).isZero();
        assertThat(setting("work_mem")).isEqualTo("4096");

        CliRun off = CliRun.run(env(home), "config", "approval", "off");
        assertThat(off.out()).contains("need no administrator's approval");
        CliRun bad = CliRun.run(env(home), "config", "approval", "maybe");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    }

    private List<ConfigChangeRecord> history(Path home) {
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            var ws = store.workspaces().list();
            return ws.isEmpty() ? List.of() : store.configHistory().changes(ws.getFirst().id(), 100);
        }
    }

    private String setting(String name) throws SQLException {
        try (Connection c = pg.connect(DB); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT setting FROM pg_settings WHERE name = '" + name + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> autoConf() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = pg.connect(DB); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name || '=' || setting FROM pg_file_settings"
                     + " WHERE sourcefile LIKE '%postgresql.auto.conf' ORDER BY sourceline")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }
}
