package org.planwright.store;

import org.planwright.testsupport.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's half of sync on two real H2 files: the outbox triggers capture in the writer's transaction, batches
 * are sealed once and resent unchanged, applied changes are not queued back, and the merge rules (last writer wins
 * with the loser kept, counters by max, a bad row set aside) hold. Changes travel here by hand, store to store.
 */
class SyncStoreTest {

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    ManualClock clockA;
    ManualClock clockB;
    WorkbenchStore a;
    WorkbenchStore b;
    Workspace wa;
    Workspace wb;

    @BeforeEach
    void open() {
        clockA = new ManualClock(Instant.parse("2026-12-03T10:00:00Z"));
        clockB = new ManualClock(Instant.parse("2026-12-03T10:00:00Z"));
        a = WorkbenchStore.open(dirA, clockA);
        b = WorkbenchStore.open(dirB, clockB);
        a.sync().enable();
        b.sync().enable();
        wa = a.workspaces().create("client");
        wb = b.workspaces().create("client");
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void everySavedRowEntersTheOutboxOnceAndARolledBackSaveLeavesNone() {
        a.savedQueries().save(SavedQuery.create(wa.id(), "late orders", "SELECT 1"));
        a.preferences().putString("insight.threshold", "0.5");
        assertThat(a.sync().pendingChanges(wa.id())).isEqualTo(2);

        // an import that fails half-way is rolled back, its outbox entries with it
        List<SavedQuery> bad = List.of(SavedQuery.create(wa.id(), "ok", "SELECT 2"),
                SavedQuery.create(UUID.randomUUID(), "no workspace", "SELECT 3"));
        try {
            a.savedQueries().saveAll(bad);
        } catch (StoreException expected) {
            // NOT_FOUND
        }
        assertThat(a.sync().pendingChanges(wa.id())).isEqualTo(2);
    }

    @Test
    void aSealedBatchIsResentUnchangedUntilAcknowledgedAndNumbersAreContiguous() {
        a.savedQueries().save(SavedQuery.create(wa.id(), "q1", "SELECT 1"));
        SyncBatch first = a.sync().nextBatch(wa.id(), 100).orElseThrow();
        a.savedQueries().save(SavedQuery.create(wa.id(), "q2", "SELECT 2")); // after sealing: not in batch 1
        SyncBatch again = a.sync().nextBatch(wa.id(), 100).orElseThrow();
        assertThat(again).isEqualTo(first);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.changes()).hasSize(1);

        a.sync().acknowledge(wa.id(), 1);
        SyncBatch second = a.sync().nextBatch(wa.id(), 100).orElseThrow();
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.changes()).singleElement().satisfies(ch -> assertThat(ch.payload()).contains("q2"));
        a.sync().acknowledge(wa.id(), 2);
        assertThat(a.sync().nextBatch(wa.id(), 100)).isEmpty();
        assertThat(a.sync().pendingChanges(wa.id())).isZero();
    }

    @Test
    void aBatchTakesTheFirstPendingEntriesOfItsWorkspaceAndTheGlobalOnesInCaptureOrderAndNoOtherWorkspaces() {
        Workspace other = a.workspaces().create("other client");
        // capture order: q1, pref p1, other's o1, q2, pref p2, q3, other's o2, q4
        a.savedQueries().save(SavedQuery.create(wa.id(), "q1", "SELECT 1"));
        a.preferences().putString("p1", "1");
        a.savedQueries().save(SavedQuery.create(other.id(), "o1", "SELECT 11"));
        a.savedQueries().save(SavedQuery.create(wa.id(), "q2", "SELECT 2"));
        a.preferences().putString("p2", "2");
        a.savedQueries().save(SavedQuery.create(wa.id(), "q3", "SELECT 3"));
        a.savedQueries().save(SavedQuery.create(other.id(), "o2", "SELECT 12"));
        a.savedQueries().save(SavedQuery.create(wa.id(), "q4", "SELECT 4"));

        SyncBatch first = a.sync().nextBatch(wa.id(), 3).orElseThrow();
        assertThat(first.changes()).extracting(SyncChange::payload).satisfiesExactly(
                p -> assertThat(p).contains("\"q1\""), p -> assertThat(p).contains("\"p1\""),
                p -> assertThat(p).contains("\"q2\""));
        assertThat(first.changes()).extracting(SyncChange::number).isSorted();
        a.sync().acknowledge(wa.id(), first.sequence());
        SyncBatch second = a.sync().nextBatch(wa.id(), 3).orElseThrow();
        assertThat(second.changes()).extracting(SyncChange::payload).satisfiesExactly(
                p -> assertThat(p).contains("\"p2\""), p -> assertThat(p).contains("\"q3\""),
                p -> assertThat(p).contains("\"q4\""));
        a.sync().acknowledge(wa.id(), second.sequence());
        assertThat(a.sync().nextBatch(wa.id(), 3)).isEmpty();

        // the other workspace's stream still holds exactly its own two
        SyncBatch others = a.sync().nextBatch(other.id(), 10).orElseThrow();
        assertThat(others.changes()).extracting(SyncChange::payload).satisfiesExactly(
                p -> assertThat(p).contains("\"o1\""), p -> assertThat(p).contains("\"o2\""));
    }

    @Test
    void appliedChangesAreNotQueuedBackAndAReplayChangesNothing() {
        SavedQuery q = a.savedQueries().save(SavedQuery.create(wa.id(), "late orders", "SELECT * FROM orders"));
        List<SyncChange> page = drain(a, wa);

        SyncApplyResult first = b.sync().applyPage(wb.id(), page, 1);
        SyncApplyResult replay = b.sync().applyPage(wb.id(), page, 1);

        assertThat(first.applied()).isEqualTo(1);
        assertThat(replay.applied()).isZero();
        assertThat(replay.unchanged()).isEqualTo(1);
        assertThat(b.savedQueries().find(wb.id(), q.id())).hasValueSatisfying(got -> {
            assertThat(got.sql()).isEqualTo("SELECT * FROM orders");
            assertThat(got.workspaceId()).isEqualTo(wb.id());
        });
        assertThat(b.sync().pendingChanges(wb.id())).isZero();
        assertThat(b.sync().stream(wb.id()).downloadCursor()).isEqualTo(1);
    }

    @Test
    void concurrentEditsConvergeOnTheLaterClockAndTheLoserIsKept() {
        SavedQuery q = a.savedQueries().save(SavedQuery.create(wa.id(), "q", "SELECT 0"));
        b.sync().applyPage(wb.id(), drain(a, wa), 1);
        // offline on both: B edits later than A (clock), A deletes
        clockA.advance(Duration.ofSeconds(1));
        a.savedQueries().delete(wa.id(), q.id());
        clockB.advance(Duration.ofSeconds(5));
        b.savedQueries().save(new SavedQuery(q.id(), wb.id(), "q", "SELECT 1", null, null));

        List<SyncChange> fromA = drain(a, wa);
        List<SyncChange> fromB = drain(b, wb);
        SyncApplyResult atB = b.sync().applyPage(wb.id(), fromA, 2);
        SyncApplyResult atA = a.sync().applyPage(wa.id(), fromB, 2);

        assertThat(atA.conflicts()).isEqualTo(1);
        assertThat(atB.conflicts()).isEqualTo(1);
        assertThat(a.savedQueries().find(wa.id(), q.id())).hasValueSatisfying(got -> assertThat(got.sql()).isEqualTo("SELECT 1"));
        assertThat(b.savedQueries().find(wb.id(), q.id())).hasValueSatisfying(got -> assertThat(got.sql()).isEqualTo("SELECT 1"));
        assertThat(a.sync().conflictHistoryCount(wa.id())).isEqualTo(1);
        assertThat(b.sync().conflictHistoryCount(wb.id())).isEqualTo(1);
    }

    @Test
    void aClockSetBackStillOrdersALaterEditAfterTheOneItSaw() {
        SavedQuery q = a.savedQueries().save(SavedQuery.create(wa.id(), "q", "SELECT 0"));
        b.sync().applyPage(wb.id(), drain(a, wa), 1);
        clockB.advance(Duration.ofHours(-2)); // B's wall clock two hours behind
        b.savedQueries().save(new SavedQuery(q.id(), wb.id(), "q", "SELECT 1", null, null));
        a.sync().applyPage(wa.id(), drain(b, wb), 1);

        assertThat(a.savedQueries().find(wa.id(), q.id())).hasValueSatisfying(got -> assertThat(got.sql()).isEqualTo("SELECT 1"));
        assertThat(a.sync().conflictHistoryCount(wa.id())).isZero();
    }

    @Test
    void countersMergeByMaxPerDeviceAndTotalsAreSums() {
        UUID devA = a.sync().deviceId();
        UUID devB = b.sync().deviceId();
        a.learning().patternCounters().merge(List.of(new PatternCounter(wa.id(), "sig", "index", devA, 3, 2)));
        b.learning().patternCounters().merge(List.of(new PatternCounter(wb.id(), "sig", "index", devB, 5, 1)));
        List<SyncChange> fromA = drain(a, wa);
        List<SyncChange> fromB = drain(b, wb);
        a.sync().applyPage(wa.id(), fromB, 1);
        b.sync().applyPage(wb.id(), fromA, 1);
        b.sync().applyPage(wb.id(), fromA, 2); // a replay does not double

        assertThat(a.learning().patternCounters().totals(wa.id())).singleElement()
                .satisfies(t -> assertThat(t.attempts()).isEqualTo(8));
        assertThat(b.learning().patternCounters().totals(wb.id())).singleElement()
                .satisfies(t -> assertThat(t.attempts()).isEqualTo(8));
    }

    @Test
    void aRowThisStoreCannotTakeIsSetAsideAndTheRestOfThePageApplies() {
        a.savedQueries().save(SavedQuery.create(wa.id(), "q1", "SELECT 1"));
        a.savedQueries().save(SavedQuery.create(wa.id(), "q2", "SELECT 2"));
        List<SyncChange> page = new java.util.ArrayList<>(drain(a, wa));
        SyncChange first = page.getFirst();
        page.set(0, new SyncChange(0, first.table(), first.rowKey(), first.hlc(), first.deviceId(), 0, null,
                first.payload().replace("\"name\":\"q1\"", "\"name\":null"))); // NOT NULL refuses it
        page.add(new SyncChange(0, "table_from_the_future", "k", first.hlc(), first.deviceId(), 0, null, "{}"));

        SyncApplyResult result = b.sync().applyPage(wb.id(), page, 3);

        assertThat(result.applied()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(b.savedQueries().list(wb.id())).extracting(SavedQuery::name).containsExactly("q2");
        assertThat(b.sync().rejectedCount(wb.id())).isEqualTo(2);
        assertThat(b.sync().stream(wb.id()).downloadCursor()).isEqualTo(3);
    }

    @Test
    void aStoreThatNeverSyncedKeepsNoOutboxAndEnablingQueuesItsRowsOnce(@TempDir Path dirC) throws SQLException {
        try (WorkbenchStore c = WorkbenchStore.open(dirC, clockA)) {
            Workspace w = c.workspaces().create("offline only");
            c.savedQueries().save(SavedQuery.create(w.id(), "q", "SELECT 1"));
            c.preferences().putString("x", "1");
            assertThat(count(c, "SELECT COUNT(*) FROM sync_outbox")).isZero();

            c.sync().enable();
            c.sync().enable();
            assertThat(c.sync().pendingChanges(w.id())).isEqualTo(2);
        }
        try (WorkbenchStore c = WorkbenchStore.open(dirC, clockA)) {
            assertThat(c.sync().enabled()).isTrue();
            assertThat(count(c, "SELECT COUNT(*) FROM sync_outbox")).as("not queued twice").isEqualTo(2);
        }
    }

    /** Everything pending in a store, sealed and acknowledged batch by batch, as one page. */
    static List<SyncChange> drain(WorkbenchStore store, Workspace w) {
        List<SyncChange> all = new java.util.ArrayList<>();
        for (Optional<SyncBatch> batch = store.sync().nextBatch(w.id(), 2); batch.isPresent();
             batch = store.sync().nextBatch(w.id(), 2)) {
            all.addAll(batch.get().changes());
            store.sync().acknowledge(w.id(), batch.get().sequence());
        }
        return all;
    }

    private static long count(WorkbenchStore s, String sql) throws SQLException {
        try (Connection c = s.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
