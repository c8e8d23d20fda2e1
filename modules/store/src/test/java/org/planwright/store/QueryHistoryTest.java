package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryHistoryTest extends StoreTestBase {

    private Workspace w;
    private final UUID connection = UUID.randomUUID();

    @BeforeEach
    void workspace() {
        w = store.workspaces().create("Acme");
    }

    @Test
    void recentReturnsTheNewestEntriesFirstUpToTheLimit() {
        Instant t = Instant.parse("2026-11-20T08:00:00Z");
        // recorded out of order: the history orders by when the statement started, not when it was recorded
        for (int minute : new int[] {3, 1, 4, 2, 5}) {
            store.queryHistory().record(QueryHistoryEntry.succeeded(w.id(), connection, "SELECT " + minute,
                    t.plus(Duration.ofMinutes(minute)), minute * 10.0, (long) minute));
        }
        assertThat(store.queryHistory().recent(w.id(), 3)).extracting(QueryHistoryEntry::sql)
                .containsExactly("SELECT 5", "SELECT 4", "SELECT 3");
        assertThat(store.queryHistory().recent(w.id(), 100)).hasSize(5);
    }

    @Test
    void aFailedStatementKeepsTheServerMessageAndNoRowCount() {
        QueryHistoryEntry failed = QueryHistoryEntry.failed(w.id(), connection, "SELEC 1",
                Instant.parse("2026-11-20T08:00:00.5Z"), 0.8, "ERROR: syntax error at or near \"SELEC\"\n  Position: 1");
        store.queryHistory().record(failed);
        List<QueryHistoryEntry> back = store.queryHistory().recent(w.id(), 1);
        assertThat(back).containsExactly(failed);
        assertThat(back.getFirst().isFailure()).isTrue();
        assertThat(back.getFirst().rowCount()).isNull();
    }

    @Test
    void anEntryWithUnknownTimingsAndNoConnectionIsKeptWithItsStartCutToMicroseconds() {
        QueryHistoryEntry e = new QueryHistoryEntry(UUID.randomUUID(), w.id(), null, "VACUUM (ANALYZE) orders",
                Instant.parse("2026-11-20T08:00:00.123456789Z"), null, null, null);
        QueryHistoryEntry stored = store.queryHistory().record(e);
        assertThat(stored.startedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00.123456Z"));
        assertThat(store.queryHistory().recent(w.id(), 1)).containsExactly(stored);
    }

    @Test
    void clearHidesTheWholeHistoryOfTheWorkspace() throws Exception {
        for (int i = 0; i < 3; i++) {
            store.queryHistory().record(QueryHistoryEntry.succeeded(w.id(), null, "SELECT " + i, clock.instant(), 1, 1L));
        }
        assertThat(store.queryHistory().clear(w.id())).isEqualTo(3);
        assertThat(store.queryHistory().recent(w.id(), 10)).isEmpty();
        assertThat(store.queryHistory().clear(w.id())).isZero();
        assertThat(rows("query_history")).isEqualTo(3);
    }

    @Test
    void recordingTheSameEntryTwiceIsAConflictAndKeepsOne() throws Exception {
        QueryHistoryEntry e = QueryHistoryEntry.succeeded(w.id(), null, "SELECT 1", clock.instant(), 1, 1L);
        store.queryHistory().record(e);
        assertThatThrownBy(() -> store.queryHistory().record(e))
                .isInstanceOfSatisfying(StoreException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(StoreException.Reason.CONFLICT))
                .hasMessageStartingWith("Could not record the statement in the history: ");
        assertThat(rows("query_history")).isEqualTo(1);
    }

    @Test
    void aLimitOutOfRangeIsAProgrammingError() {
        assertThatThrownBy(() -> store.queryHistory().recent(w.id(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
        assertThatThrownBy(() -> store.queryHistory().recent(w.id(), QueryHistory.MAX_RECENT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
