package org.planwright.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * The "done means": two stores, each in its own home, converge through the team PostgreSQL after plans
 * captured on both, although the first client process is killed (SIGKILL, as kill -9) in the middle of its sync and
 * restarted.
 */
@ExtendWith(PostgresExtension.class)
class SyncKillTest {

    @TempDir
    Path homeA;
    @TempDir
    Path homeB;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // a safety net against a hung child JVM, not a speed check
    void aClientKilledMidSyncRestartsAndBothStoresConvergeWithNothingLostOrDoubled(PostgresFixture pg) throws Exception {
        TeamFixture team = new TeamFixture(pg);
        String role = team.role("consultant");
        team.admin.grant("acme", role);
        try (WorkbenchStore a = WorkbenchStore.open(homeA)) {
            TeamFixture.capture(a, a.workspaces().create("acme"), 60, "a");
        }
        try (WorkbenchStore b = WorkbenchStore.open(homeB)) {
            TeamFixture.capture(b, b.workspaces().create("acme"), 25, "b");
        }

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                SyncChild.class.getName(), homeA.toString(), Integer.toString(pg.sandbox().port()), team.database, role,
                "acme")).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("ACK 4")) {
            System.err.println("child: " + line);
        }
        assertThat(line).as("the child acknowledged 4 batches before the kill").isEqualTo("ACK 4");
        child.destroyForcibly(); // SIGKILL on Linux
        child.waitFor();
        long onServerAtKill = team.count("SELECT COUNT(*) FROM team.change");
        assertThat(onServerAtKill).as("the kill landed in the middle").isBetween(20L, 59L);

        try (WorkbenchStore a = WorkbenchStore.open(homeA); WorkbenchStore b = WorkbenchStore.open(homeB)) {
            Workspace wa = a.workspaces().ensure("acme");
            Workspace wb = b.workspaces().ensure("acme");
            SyncClient client = new SyncClient(team.as(role), role);
            client.sync(a, wa); // the restarted client finishes its upload
            client.sync(b, wb);
            client.sync(a, wa);

            assertThat(TeamFixture.captureIds(a, wa)).hasSize(85)
                    .containsExactlyInAnyOrderElementsOf(TeamFixture.captureIds(b, wb));
            assertThat(a.sync().pendingChanges(wa.id())).isZero();
            assertThat(b.sync().pendingChanges(wb.id())).isZero();
        }
        // every capture reached the server once: one row per capture, and no row version stored twice. (H2 can
        // lose the last commits of a killed process; a batch the restarted store seals again may then carry a
        // newer version of a row the server already has: a later version of the same record, not a second record.)
        assertThat(team.count("SELECT COUNT(DISTINCT table_name || '/' || row_key) FROM team.change")).isEqualTo(85);
        assertThat(team.count("SELECT COUNT(*) FROM team.change")).isBetween(85L, 170L);
        assertThat(team.duplicateChanges()).isZero();
    }
}
