package org.planwright.sync;

import org.planwright.testsupport.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.PatternCounter;
import org.planwright.store.SavedQuery;
import org.planwright.store.SyncBatch;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.testsupport.TcpRelay;

/**
 * The failure tests on a real PostgreSQL on loopback and real H2 files. The network is cut with a
 * {@link TcpRelay} on loopback. Each test asserts that nothing is lost, nothing is doubled and every device converges.
 */
@ExtendWith(PostgresExtension.class)
class SyncFailureTest {

    @TempDir
    Path homeA;
    @TempDir
    Path homeB;

    private static SyncException.Reason reason(Throwable t) {
        return ((SyncException) t).reason();
    }

    @Test
    void aCutBeforeCommitAndACutMidDownloadLoseAndDoubleNothing(PostgresFixture pg) throws Exception {
        TeamFixture team = new TeamFixture(pg);
        String role = team.role("cut");
        team.admin.grant("acme", role);
        try (TcpRelay relay = new TcpRelay(pg.sandbox().port());
             WorkbenchStore a = WorkbenchStore.open(homeA); WorkbenchStore b = WorkbenchStore.open(homeB)) {
            Workspace wa = a.workspaces().create("acme");
            Workspace wb = b.workspaces().create("acme");
            TeamFixture.capture(a, wa, 30, "a");
            SyncClient viaRelay = new SyncClient(team.as(role, relay.port()), role, 10, 10);

            // before commit: the cut lands while the first batch's rows are on their way
            relay.cutAfterBytesToServer(20_000);
            assertThatThrownBy(() -> viaRelay.sync(a, wa)).satisfies(e ->
                    assertThat(reason(e)).isEqualTo(SyncException.Reason.UNREACHABLE));
            long before = team.count("SELECT COUNT(*) FROM team.change");
            assertThat(before).isLessThan(30);
            relay.heal();
            viaRelay.sync(a, wa);
            assertThat(team.count("SELECT COUNT(*) FROM team.change")).isEqualTo(30);

            // mid-download: the relay is cut after the first page is applied
            SyncProgress cutAfterFirstPage = new SyncProgress() {
                @Override
                public void pageApplied(long cursor, int changes) {
                    relay.cut();
                }
            };
            assertThatThrownBy(() -> viaRelay.sync(b, wb, cutAfterFirstPage)).satisfies(e ->
                    assertThat(reason(e)).isEqualTo(SyncException.Reason.UNREACHABLE));
            assertThat(TeamFixture.captureIds(b, wb)).hasSize(10);
            assertThat(b.sync().stream(wb.id()).lastError()).contains("nothing is lost");
            relay.heal();
            viaRelay.sync(b, wb);
            assertThat(TeamFixture.captureIds(b, wb)).hasSize(30).isEqualTo(TeamFixture.captureIds(a, wa));
            assertThat(team.duplicateChanges()).isZero();
        }
    }

    @Test
    void aBatchCommittedButNotAcknowledgedAndBatchesReplayedAndShuffledAreAppliedOnce(PostgresFixture pg)
            throws Exception {
        TeamFixture team = new TeamFixture(pg);
        String role = team.role("replay");
        UUID remote = team.admin.grant("acme", role);
        try (WorkbenchStore a = WorkbenchStore.open(homeA)) {
            Workspace wa = a.workspaces().create("acme");
            a.sync().bindRemote(wa.id(), remote);
            List<SyncBatch> sealed = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TeamFixture.capture(a, wa, 3, "batch " + i);
                SyncBatch batch = a.sync().nextBatch(wa.id(), 100).orElseThrow();
                sealed.add(batch);
                // after commit, before the acknowledgement: the server applied it, the store never heard back
                a.sync().acknowledge(wa.id(), batch.sequence());
            }
            try (TeamServer server = new TeamServer(team.as(role).open())) {
                List<SyncBatch> shuffled = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    shuffled.addAll(sealed);
                }
                Collections.shuffle(shuffled, new Random(12));
                // keep sending in shuffled order; a gap is answered with "expected N", a replay acknowledged again
                int gaps = 0;
                for (SyncBatch batch : shuffled) {
                    TeamServer.UploadAnswer answer = server.upload(remote, batch);
                    if (answer.gap()) {
                        gaps++;
                        assertThat(answer.expected()).isLessThan(batch.sequence());
                    }
                }
                for (SyncBatch batch : sealed) { // then in order, as the client does
                    server.upload(remote, batch);
                }
                assertThat(gaps).isPositive();
                TeamServer.UploadAnswer again = server.upload(remote, sealed.get(1));
                assertThat(again.inserted()).isZero();
                assertThat(again.renumberAs()).isEqualTo(5); // batch 2 under another number is unknown: send as 5
            }
            assertThat(team.count("SELECT COUNT(*) FROM team.change")).isEqualTo(12);
            assertThat(team.duplicateChanges()).isZero();
        }
    }

    @Test
    void aHealedPartitionDrainsTheQueueWithoutANewLocalWrite(PostgresFixture pg) throws Exception {
        TeamFixture team = new TeamFixture(pg);
        String role = team.role("partition");
        team.admin.grant("acme", role);
        try (TcpRelay relay = new TcpRelay(pg.sandbox().port()); WorkbenchStore a = WorkbenchStore.open(homeA)) {
            Workspace wa = a.workspaces().create("acme");
            SyncClient client = new SyncClient(team.as(role, relay.port()), role);
            relay.cut();
            TeamFixture.capture(a, wa, 7, "offline");
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> client.sync(a, wa)).satisfies(e ->
                        assertThat(reason(e)).isEqualTo(SyncException.Reason.UNREACHABLE));
            }
            assertThat(a.sync().pendingChanges(wa.id())).isEqualTo(7);
            relay.heal();
            SyncSummary drained = client.sync(a, wa); // no write since the partition healed
            assertThat(drained.uploaded()).isEqualTo(7);
            assertThat(drained.pending()).isZero();
            assertThat(a.sync().stream(wa.id()).lastError()).isNull();
        }
    }

    @Test
    void concurrentOfflineEditsDeleteVersusUpdateAndTheSameCounterConverge(PostgresFixture pg) throws Exception {
        TeamFixture team = new TeamFixture(pg);
        String role = team.role("offline");
        team.admin.grant("acme", role);
        ManualClock clockA = new ManualClock(Instant.parse("2026-12-03T12:00:00Z"));
        ManualClock clockB = new ManualClock(Instant.parse("2026-12-03T12:00:00Z"));
        try (WorkbenchStore a = WorkbenchStore.open(homeA, clockA); WorkbenchStore b = WorkbenchStore.open(homeB, clockB)) {
            Workspace wa = a.workspaces().create("acme");
            Workspace wb = b.workspaces().create("acme");
            SyncClient client = new SyncClient(team.as(role), role);
            SavedQuery q1 = a.savedQueries().save(SavedQuery.create(wa.id(), "q1", "SELECT 1"));
            SavedQuery q2 = a.savedQueries().save(SavedQuery.create(wa.id(), "q2", "SELECT 2"));
            client.sync(a, wa);
            client.sync(b, wb);

            // offline on both
            clockA.advance(Duration.ofSeconds(10));
            a.savedQueries().delete(wa.id(), q1.id());                                    // A deletes q1 ...
            a.savedQueries().save(new SavedQuery(q2.id(), wa.id(), "q2", "SELECT 'A'", null, null));
            a.learning().patternCounters().merge(List.of(new PatternCounter(wa.id(), "Seq Scan|filter", "index",
                    a.sync().deviceId(), 4, 3)));
            clockB.advance(Duration.ofSeconds(20));
            b.savedQueries().save(new SavedQuery(q1.id(), wb.id(), "q1", "SELECT 'B'", null, null)); // ... B edits it later
            b.savedQueries().save(new SavedQuery(q2.id(), wb.id(), "q2", "SELECT 'B2'", null, null));
            b.learning().patternCounters().merge(List.of(new PatternCounter(wb.id(), "Seq Scan|filter", "index",
                    b.sync().deviceId(), 2, 1)));
            clockA.advance(Duration.ofSeconds(30));
            a.savedQueries().save(new SavedQuery(q2.id(), wa.id(), "q2", "SELECT 'A2'", null, null)); // A last on q2

            SyncSummary s1 = client.sync(a, wa);
            SyncSummary s2 = client.sync(b, wb);
            client.sync(a, wa);

            assertThat(s1.conflicts() + s2.conflicts()).isPositive();
            for (var s : List.of(new Object[] {a, wa}, new Object[] {b, wb})) {
                WorkbenchStore store = (WorkbenchStore) s[0];
                Workspace w = (Workspace) s[1];
                assertThat(store.savedQueries().find(w.id(), q1.id())).as("B's later edit beats A's delete")
                        .hasValueSatisfying(q -> assertThat(q.sql()).isEqualTo("SELECT 'B'"));
                assertThat(store.savedQueries().find(w.id(), q2.id()))
                        .hasValueSatisfying(q -> assertThat(q.sql()).isEqualTo("SELECT 'A2'"));
                assertThat(store.learning().patternCounters().totals(w.id())).singleElement()
                        .satisfies(t -> {
                            assertThat(t.attempts()).isEqualTo(6);
                            assertThat(t.successes()).isEqualTo(4);
                        });
                assertThat(store.sync().conflictHistoryCount(w.id())).as("the losers are kept").isPositive();
            }
        }
    }

    @Test
    void clocksTwoHoursApartAndAClockJumpingBackStillConverge(PostgresFixture pg) throws Exception {
        TeamFixture team = new TeamFixture(pg);
        String role = team.role("clocks");
        team.admin.grant("acme", role);
        ManualClock ahead = new ManualClock(Instant.parse("2026-12-03T14:00:00Z"));  // +2 h
        ManualClock behind = new ManualClock(Instant.parse("2026-12-03T10:00:00Z")); // -2 h
        try (WorkbenchStore a = WorkbenchStore.open(homeA, ahead); WorkbenchStore b = WorkbenchStore.open(homeB, behind)) {
            Workspace wa = a.workspaces().create("acme");
            Workspace wb = b.workspaces().create("acme");
            SyncClient client = new SyncClient(team.as(role), role);
            SavedQuery q = a.savedQueries().save(SavedQuery.create(wa.id(), "q", "SELECT 'ahead'"));
            client.sync(a, wa);
            client.sync(b, wb);
            // B, four hours behind, edits after seeing A's version: its clock follows A's (HLC), so it wins
            b.savedQueries().save(new SavedQuery(q.id(), wb.id(), "q", "SELECT 'behind, later'", null, null));
            // and its wall clock jumps back another hour before the next edit
            behind.advance(Duration.ofHours(-1));
            b.savedQueries().save(new SavedQuery(q.id(), wb.id(), "q", "SELECT 'behind, latest'", null, null));
            client.sync(b, wb);
            client.sync(a, wa);

            assertThat(a.savedQueries().find(wa.id(), q.id())).hasValueSatisfying(got ->
                    assertThat(got.sql()).isEqualTo("SELECT 'behind, latest'"));
            assertThat(b.savedQueries().find(wb.id(), q.id())).hasValueSatisfying(got ->
                    assertThat(got.sql()).isEqualTo("SELECT 'behind, latest'"));
            assertThat(a.sync().conflictHistoryCount(wa.id())).as("sequential edits are no conflict").isZero();
        }
    }

    @Test
    void oneBadRowOnTheServerBlocksNothingElse(PostgresFixture pg) throws Exception {
        TeamFixture team = new TeamFixture(pg);
        String role = team.role("bad");
        UUID remote = team.admin.grant("acme", role);
        try (WorkbenchStore a = WorkbenchStore.open(homeA); WorkbenchStore b = WorkbenchStore.open(homeB)) {
            Workspace wa = a.workspaces().create("acme");
            SyncClient client = new SyncClient(team.as(role), role);
            TeamFixture.capture(a, wa, 3, "before");
            client.sync(a, wa);
            // a row no store can take (not JSON), then a row of a table from a newer Planwright
            team.exec("INSERT INTO team.change (workspace_id, change_no, table_name, row_key, hlc, device_id, base_hlc,"
                    + " payload, batch_seq) VALUES ('" + remote + "', 4, 'plan_capture', 'x', 1, gen_random_uuid(), 0,"
                    + " 'not json', 0), ('" + remote + "', 5, 'query_bookmark', 'y', 1, gen_random_uuid(), 0, '{}', 0)");
            team.exec("UPDATE team.workspace SET last_change_no = 5 WHERE id = '" + remote + "'");
            TeamFixture.capture(a, wa, 2, "after");
            client.sync(a, wa);

            Workspace wb = b.workspaces().create("acme");
            SyncSummary s = client.sync(b, wb);
            assertThat(s.rejected()).isEqualTo(2);
            assertThat(s.downloaded()).isEqualTo(5);
            assertThat(TeamFixture.captureIds(b, wb)).isEqualTo(TeamFixture.captureIds(a, wa)).hasSize(5);
            assertThat(b.sync().rejectedCount(wb.id())).isEqualTo(2);
        }
    }

    @Test
    void anOlderClientWorksWithANewerServerSchemaAndIsRefusedWhenTheProtocolMoves(PostgresFixture pg)
            throws Exception {
        TeamFixture team = new TeamFixture(pg);
        TeamSchema.migrate(team.as(pg.user()), TeamSchema.MIGRATIONS, "classpath:db/team-next");
        assertThat(team.count("SELECT COUNT(*) FROM team.flyway_schema_history WHERE version = '2'")).isEqualTo(1);
        String role = team.role("older");
        team.admin.grant("acme", role);
        try (WorkbenchStore a = WorkbenchStore.open(homeA)) {
            Workspace wa = a.workspaces().create("acme");
            SyncClient client = new SyncClient(team.as(role), role);
            TeamFixture.capture(a, wa, 2, "v1 client");
            assertThat(client.sync(a, wa).uploaded()).isEqualTo(2);

            team.exec("UPDATE team.meta SET value = '2' WHERE name = 'min_client_protocol'");
            TeamFixture.capture(a, wa, 1, "waits");
            assertThatThrownBy(() -> client.sync(a, wa))
                    .satisfies(e -> assertThat(reason(e)).isEqualTo(SyncException.Reason.INCOMPATIBLE))
                    .hasMessageContaining("Update Planwright");
            assertThat(a.sync().pendingChanges(wa.id())).isEqualTo(1);
            assertThat(team.count("SELECT COUNT(*) FROM team.change")).isEqualTo(2);
        }
    }

    @Test
    void aPrunedCursorCausesAFullPullNeverASilentSkip(PostgresFixture pg) throws Exception {
        TeamFixture team = new TeamFixture(pg);
        String role = team.role("prune");
        team.admin.grant("acme", role);
        try (WorkbenchStore a = WorkbenchStore.open(homeA); WorkbenchStore b = WorkbenchStore.open(homeB)) {
            Workspace wa = a.workspaces().create("acme");
            Workspace wb = b.workspaces().create("acme");
            SyncClient client = new SyncClient(team.as(role), role);
            SavedQuery q = a.savedQueries().save(SavedQuery.create(wa.id(), "q", "SELECT 0"));
            client.sync(a, wa);
            client.sync(b, wb); // B's cursor: 1
            for (int i = 1; i <= 5; i++) {
                a.savedQueries().save(new SavedQuery(q.id(), wa.id(), "q", "SELECT " + i, null, null));
            }
            TeamFixture.capture(a, wa, 2, "new");
            client.sync(a, wa);
            int removed = team.admin.prune("acme", 6);
            assertThat(removed).isEqualTo(5);

            SyncSummary s = client.sync(b, wb);
            assertThat(s.fullPull()).isTrue();
            assertThat(b.savedQueries().find(wb.id(), q.id())).hasValueSatisfying(got ->
                    assertThat(got.sql()).isEqualTo("SELECT 5"));
            assertThat(TeamFixture.captureIds(b, wb)).isEqualTo(TeamFixture.captureIds(a, wa));
        }
    }
}
