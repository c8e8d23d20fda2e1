package org.planwright.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.ConfigChangeRecord;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.tuning.apply.ChangeEvent;

/** A validation run's events land in the workspace's history on a real H2 file, in order, and survive a reopen. */
class StoreChangeJournalTest {

    @Test
    void eventsBecomeHistoryRecords(@TempDir Path dir) {
        Workspace ws;
        try (WorkbenchStore store = WorkbenchStore.open(dir)) {
            ws = store.workspaces().create("Client");
            StoreChangeJournal journal = new StoreChangeJournal(store.configHistory(), ws.id(), null);
            Instant t = Instant.parse("2026-12-03T15:00:00Z");
            journal.append(new ChangeEvent(t, "dba", "db1:5432/shop", "work_mem", "4MB", "64kB", "reload",
                    ChangeEvent.Action.APPLIED, ""));
            journal.append(new ChangeEvent(t.plusSeconds(5), "dba", "db1:5432/shop", "work_mem", "64kB", "4MB",
                    "reload", ChangeEvent.Action.REVERTED, "p95 19.1 -> 841.2 ms (+4314%): degraded"));
        }
        try (WorkbenchStore store = WorkbenchStore.open(dir)) {
            assertThat(store.configHistory().changes(ws.id(), 10)).extracting(ConfigChangeRecord::action,
                    ConfigChangeRecord::newValue).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("APPLIED", "64kB"),
                    org.assertj.core.groups.Tuple.tuple("REVERTED", "4MB"));
            assertThat(store.configHistory().changes(ws.id(), 10).getFirst().measuredResult()).isNull();
        }
    }
}
