package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The configuration history on a real H2 file: an append-only timeline per workspace, and settings snapshots. */
class ConfigHistoryTest extends StoreTestBase {

    private Workspace w;

    @BeforeEach
    void workspace() {
        w = store.workspaces().create("Acme");
    }

    private ConfigChangeRecord event(String action, Instant at, String from, String to, String result) {
        return new ConfigChangeRecord(UUID.randomUUID(), w.id(), null, "db1:5432/shop", "work_mem", from, to,
                "reload", action, "dba", at, result);
    }

    @Test
    void theTimelineKeepsEveryEventOldestFirstAcrossReopens() {
        Instant t = Instant.parse("2026-12-03T10:00:00.123456789Z");
        store.configHistory().append(event("APPLIED", t, "4MB", "64kB", null));
        store.configHistory().append(event("REVERTED", t.plus(Duration.ofSeconds(9)), "64kB", "4MB",
                "p95 19.1 -> 841.2 ms (+4314%), tps 227.5 -> 3.0 (-99%): degraded"));
        store.configHistory().append(event("APPLIED", t.plus(Duration.ofMinutes(1)), "4MB", "64MB", null));
        store.close();
        store = WorkbenchStore.open(dir, clock);
        assertThat(store.configHistory().changes(w.id(), 100)).extracting(ConfigChangeRecord::action)
                .containsExactly("APPLIED", "REVERTED", "APPLIED");
        ConfigChangeRecord reverted = store.configHistory().changes(w.id(), 100).get(1);
        assertThat(reverted.measuredResult()).contains("degraded");
        assertThat(reverted.changedAt()).isEqualTo(Instant.parse("2026-12-03T10:00:09.123456Z"));
        assertThat(store.configHistory().changes(w.id(), 2)).as("the newest two, still oldest first")
                .extracting(ConfigChangeRecord::action).containsExactly("REVERTED", "APPLIED");
    }

    @Test
    void badEventsAreRefusedAndNothingIsHalfWritten() throws Exception {
        assertThatThrownBy(() -> store.configHistory().append(event("UNDONE", clock.instant(), "a", "b", null)))
                .isInstanceOf(StoreException.class).hasMessageContaining("unknown change action");
        ConfigChangeRecord e = event("KEPT", clock.instant(), "4MB", "64MB", "improved");
        store.configHistory().append(e);
        assertThatThrownBy(() -> store.configHistory().append(e)).isInstanceOf(StoreException.class);
        ConfigChangeRecord elsewhere = new ConfigChangeRecord(UUID.randomUUID(), UUID.randomUUID(), null, "x",
                "work_mem", null, null, null, "KEPT", null, clock.instant(), null);
        assertThatThrownBy(() -> store.configHistory().append(elsewhere)).isInstanceOf(StoreException.class);
        assertThat(rows("config_change")).isEqualTo(1);
    }

    @Test
    void snapshotsAreKeptWithTheirSettings() {
        ConfigSnapshotRecord s = new ConfigSnapshotRecord(UUID.randomUUID(), w.id(), null, "db1:5432/shop",
                "before work_mem", Instant.parse("2026-12-03T10:00:00Z"), "18.1", "work_mem\t4096\tkB\tuser\n");
        store.configHistory().saveSnapshot(s);
        assertThat(store.configHistory().snapshots(w.id(), 10)).containsExactly(s);
        assertThat(store.configHistory().snapshot(w.id(), s.id())).contains(s);
        assertThat(store.configHistory().snapshot(UUID.randomUUID(), s.id())).isEmpty();
    }
}
