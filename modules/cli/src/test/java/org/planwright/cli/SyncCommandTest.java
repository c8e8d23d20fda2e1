package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.PlanCapture;
import org.planwright.store.PlanFormat;
import org.planwright.store.PlanMetrics;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.testsupport.Corpus;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * {@code planwright team init|grant} and {@code planwright sync} as scripts use them: two homes (PLANWRIGHT_HOME)
 * converge through a team database on the embedded PostgreSQL; a role without the grant and an unreachable server
 * exit 2 with a message.
 */
@ExtendWith(PostgresExtension.class)
class SyncCommandTest {

    @TempDir
    Path homeA;
    @TempDir
    Path homeB;

    private static CliEnvironment env(Path home) {
        Map<String, String> env = new HashMap<>(CliRun.NO_PASSWORD_ENV);
        env.put("PLANWRIGHT_HOME", home.toString());
        return new CliEnvironment(env, PasswordPrompt.none());
    }

    private static void capture(Path home, String tag) {
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            Workspace w = store.workspaces().ensure("acme");
            Path plan = Corpus.files("plans/generated-tpch", 20, ".json").getFirst();
            store.planCaptures().save(PlanCapture.create(w.id(), null, "SELECT 1 -- " + tag, Corpus.read(plan),
                    PlanFormat.JSON, null, null, "PostgreSQL 18", Instant.now(), PlanMetrics.UNKNOWN));
        }
    }

    @Test
    void twoHomesConvergeAndARoleWithoutTheGrantOrADeadServerExitsTwo(PostgresFixture pg) throws Exception {
        String db = pg.createScratchDatabase("team_cli");
        String role = "cli_" + UUID.randomUUID().toString().substring(0, 8);
        String stranger = role + "_x";
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN");
            st.execute("CREATE ROLE " + stranger + " LOGIN");
        }
        String remote = "postgresql://127.0.0.1:" + pg.sandbox().port() + "/" + db + "?sslmode=disable";

        CliRun init = CliRun.run(env(homeA), "team", "init", "--remote", remote, "--user", pg.user());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("team schema at version 1");
        CliRun grant = CliRun.run(env(homeA), "team", "grant", "--remote", remote, "--user", pg.user(),
                "--workspace", "acme", "--role", role);
        assertThat(grant.exitCode()).as(grant.err()).isZero();

        capture(homeA, "a");
        capture(homeB, "b");
        CliRun a1 = CliRun.run(env(homeA), "sync", "--remote", remote, "--user", role, "--workspace", "acme");
        assertThat(a1.exitCode()).as(a1.err()).isZero();
        assertThat(a1.out()).contains("uploaded 1, downloaded 0, conflicts 0");
        CliRun b1 = CliRun.run(env(homeB), "sync", "--remote", remote, "--user", role, "--format", "json");
        assertThat(b1.exitCode()).as(b1.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(b1.out());
        assertThat(json.get("uploaded").asLong()).isEqualTo(1);
        assertThat(json.get("downloaded").asLong()).isEqualTo(1);
        assertThat(json.get("conflicts").asLong()).isZero();
        assertThat(json.get("pending").asLong()).isZero();
        CliRun a2 = CliRun.run(env(homeA), "sync", "--remote", remote, "--user", role, "--format", "json");
        assertThat(new ObjectMapper().readTree(a2.out()).get("downloaded").asLong()).isEqualTo(1);
        for (Path home : new Path[] {homeA, homeB}) {
            try (WorkbenchStore s = WorkbenchStore.open(home)) {
                assertThat(s.planCaptures().list(s.workspaces().ensure("acme").id())).hasSize(2);
            }
        }

        CliRun denied = CliRun.run(env(homeA), "sync", "--remote", remote, "--user", stranger);
        assertThat(denied.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(denied.err()).contains("may not sync the workspace \"acme\"").contains("team grant");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CliRun dead = CliRun.run(env(homeA), "sync", "--remote", "postgresql://127.0.0.1:" + closedPort + "/" + db,
                "--user", role);
        assertThat(dead.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(dead.err()).contains("Cannot reach the team server").doesNotContain("Exception");
    }
}
