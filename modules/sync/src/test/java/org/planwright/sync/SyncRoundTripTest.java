package org.planwright.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.SavedQuery;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * Two stores (two H2 files) converge through a real team PostgreSQL, and the tenant walls hold: a role granted
 * workspace A can neither read nor write workspace B, whatever it sends.
 */
@ExtendWith(PostgresExtension.class)
class SyncRoundTripTest {

    @TempDir
    Path homeA;
    @TempDir
    Path homeB;

    @Test
    void plansCapturedOnTwoStoresMeetInBothThroughTheTeamServer(PostgresFixture pg) throws Exception {
        TeamFixture team = new TeamFixture(pg);
        String analyst = team.role("analyst");
        team.admin.grant("acme", analyst);
        SyncClient client = new SyncClient(team.as(analyst), analyst);
        try (WorkbenchStore a = WorkbenchStore.open(homeA); WorkbenchStore b = WorkbenchStore.open(homeB)) {
            Workspace wa = a.workspaces().create("acme");
            Workspace wb = b.workspaces().create("acme");
            TeamFixture.capture(a, wa, 12, "a");
            TeamFixture.capture(b, wb, 9, "b");
            b.savedQueries().save(SavedQuery.create(wb.id(), "revenue", "SELECT sum(l_extendedprice) FROM lineitem"));
            a.preferences().putDouble("insights.rowMisestimateFactor", 10);

            SyncSummary first = client.sync(a, wa);
            SyncSummary second = client.sync(b, wb);
            SyncSummary third = client.sync(a, wa);

            assertThat(first.uploaded()).isEqualTo(13);
            assertThat(second.uploaded()).isEqualTo(10);
            assertThat(second.downloaded()).isEqualTo(13);
            assertThat(third.downloaded()).isEqualTo(10);
            assertThat(third.pending()).isZero();
            assertThat(TeamFixture.captureIds(a, wa)).hasSize(21).isEqualTo(TeamFixture.captureIds(b, wb));
            assertThat(a.savedQueries().list(wa.id())).extracting(SavedQuery::sql)
                    .containsExactly("SELECT sum(l_extendedprice) FROM lineitem");
            assertThat(b.preferences().getDouble("insights.rowMisestimateFactor")).contains(10.0);
            // the plan text arrives character for character
            UUID one = TeamFixture.captureIds(a, wa).getFirst();
            assertThat(b.planCaptures().load(wb.id(), one).orElseThrow().planText())
                    .isEqualTo(a.planCaptures().load(wa.id(), one).orElseThrow().planText());
            assertThat(team.count("SELECT COUNT(*) FROM team.change")).isEqualTo(23);
            assertThat(team.duplicateChanges()).isZero();
            // a round with nothing new moves nothing
            SyncSummary idle = client.sync(b, wb);
            assertThat(idle.uploaded() + idle.downloaded()).isZero();
        }
    }

    @Test
    void aRoleGrantedWorkspaceACannotReadOrWriteWorkspaceB(PostgresFixture pg) throws Exception {
        TeamFixture team = new TeamFixture(pg);
        String roleA = team.role("team_a");
        String roleB = team.role("team_b");
        team.admin.grant("client-a", roleA);
        UUID wsB = team.admin.grant("client-b", roleB);
        try (WorkbenchStore b = WorkbenchStore.open(homeB); WorkbenchStore a = WorkbenchStore.open(homeA)) {
            Workspace inB = b.workspaces().create("client-b");
            TeamFixture.capture(b, inB, 3, "secret of B");
            new SyncClient(team.as(roleB), roleB).sync(b, inB);

            // through the client: the workspace is not there for role A
            Workspace fakeB = a.workspaces().create("client-b");
            TeamFixture.capture(a, fakeB, 1, "A's own");
            assertThatThrownBy(() -> new SyncClient(team.as(roleA), roleA).sync(a, fakeB))
                    .isInstanceOfSatisfying(SyncException.class,
                            e -> assertThat(e.reason()).isEqualTo(SyncException.Reason.NOT_ALLOWED))
                    .hasMessageContaining("may not sync the workspace \"client-b\"")
                    .hasMessageContaining("team grant");
            assertThat(TeamFixture.captureIds(a, fakeB)).hasSize(1);
            assertThat(a.sync().stream(fakeB.id()).lastError()).contains("may not sync");

            // around the client, with B's real id: nothing to read, nothing may be written
            try (Connection c = team.as(roleA).open()) {
                assertThat(rows(c, "SELECT COUNT(*) FROM team.change WHERE workspace_id = ?", wsB)).isZero();
                assertThat(rows(c, "SELECT COUNT(*) FROM team.change", null)).isZero();
                assertThat(rows(c, "SELECT COUNT(*) FROM team.workspace", null)).isEqualTo(1);
                assertThatThrownBy(() -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO team.change (workspace_id, change_no,"
                            + " table_name, row_key, hlc, device_id, base_hlc, payload, batch_seq)"
                            + " VALUES (?, 999, 'plan_capture', 'x', 1, ?, 0, '{}', 1)")) {
                        ps.setObject(1, wsB);
                        ps.setObject(2, UUID.randomUUID());
                        ps.executeUpdate();
                    }
                }).isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            }
            try (TeamServer server = new TeamServer(team.as(roleA).open())) {
                assertThat(server.download(wsB, 0, 100).changes()).isEmpty();
                var batch = a.sync().nextBatch(fakeB.id(), 10).orElseThrow();
                assertThatThrownBy(() -> server.upload(wsB, batch))
                        .isInstanceOfSatisfying(SyncException.class,
                                e -> assertThat(e.reason()).isEqualTo(SyncException.Reason.NOT_ALLOWED));
            }
            assertThat(team.count("SELECT COUNT(*) FROM team.change WHERE workspace_id = ?", wsB)).isEqualTo(3);
        }
    }

    private static long rows(Connection c, String sql, UUID param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setObject(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<UUID> ids(WorkbenchStore s, Workspace w) {
        return TeamFixture.captureIds(s, w);
    }
}
