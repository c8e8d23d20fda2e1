package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwright.workload.DatabaseCounters;
import org.planwright.workload.IndexCounters;
import org.planwright.workload.StatementCounters;
import org.planwright.workload.StatementKey;
import org.planwright.workload.TableCounters;
import org.planwright.workload.WorkloadWindow;

class WorkloadWindowsTest extends StoreTestBase {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final String SERVER = "db.example:5432/shop";
    private Workspace acme;
    private Workspace other;

    @BeforeEach
    void workspaces() {
        acme = store.workspaces().create("Acme");
        other = store.workspaces().create("Other");
    }

    private static WorkloadWindow window(Instant start, int minutes, long calls) {
        StatementCounters update = new StatementCounters(new StatementKey(10, 5, -7940587470351114954L, true),
                "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2", "shop", calls, calls * 0.05,
                calls * 0.003, calls * 0.01, calls, 7 * calls, 3, 2, 1, 0, 0, 0.5, 0, 512 * calls);
        StatementCounters report = new StatementCounters(new StatementKey(10, 5, 42, false),
                "select\n\tl_returnflag, sum(l_quantity)\nfrom lineitem group by 1", "shop", 2, 2400.5, 2_900_000,
                3.2, 8, 1000, 90_000, 0, 0, 1200, 1200, 150.25, 0, 0);
        DatabaseCounters db = new DatabaseCounters("shop", calls, 1, 90_003, 7 * calls + 1000, 5_000_000, 3 * calls,
                calls, calls * 3, 0, 1, 9_830_400);
        TableCounters accounts = new TableCounters("public", "pgbench_accounts", 1, 1_000_000, calls, calls, 0, calls,
                0, calls - 3, 1_000_000, 4_000);
        IndexCounters unused = new IndexCounters("public", "pgbench_accounts", "accounts_abalance_idx", 0, 0, 0);
        return new WorkloadWindow(start, start.plusSeconds(60L * minutes), List.of(update, report), List.of(db),
                List.of(accounts), List.of(unused));
    }

    @Test
    void aWindowComesBackWithEveryCounter() {
        WorkloadWindow w = window(T0, 5, 1000);
        StoredWorkloadWindow saved = store.workloadWindows().save(
                new StoredWorkloadWindow(UUID.randomUUID(), acme.id(), null, SERVER, 180001, w));

        List<StoredWorkloadWindow> back = store.workloadWindows().list(acme.id(), SERVER, T0, T0.plusSeconds(3600));
        assertThat(back).hasSize(1);
        assertThat(back.getFirst().id()).isEqualTo(saved.id());
        assertThat(back.getFirst().serverVersion()).isEqualTo(180001);
        assertThat(back.getFirst().window().start()).isEqualTo(w.start());
        assertThat(back.getFirst().window().statements()).containsExactlyInAnyOrderElementsOf(w.statements());
        assertThat(back.getFirst().window().databases()).containsExactlyElementsOf(w.databases());
        assertThat(back.getFirst().window().tables()).containsExactlyElementsOf(w.tables());
        assertThat(back.getFirst().window().indexes()).containsExactlyElementsOf(w.indexes());
        assertThat(store.workloadWindows().serverLabels(acme.id())).containsExactly(SERVER);
    }

    @Test
    void anotherWorkspaceSeesNoneOfIt() {
        store.workloadWindows().save(new StoredWorkloadWindow(UUID.randomUUID(), acme.id(), null, SERVER, 0,
                window(T0, 5, 10)));
        assertThat(store.workloadWindows().serverLabels(other.id())).isEmpty();
        assertThat(store.workloadWindows().list(other.id(), SERVER, Instant.EPOCH, T0.plusSeconds(86_400))).isEmpty();
    }

    @Test
    void windowsComeOldestFirstAndRetentionPrunesTheOldOnesWithTheirRows() throws Exception {
        for (int i = 0; i < 4; i++) {
            store.workloadWindows().save(new StoredWorkloadWindow(UUID.randomUUID(), acme.id(), null, SERVER, 0,
                    window(T0.plusSeconds(3600L * (3 - i)), 60, 100 + i)));
        }
        List<StoredWorkloadWindow> all = store.workloadWindows().list(acme.id(), SERVER, Instant.EPOCH,
                T0.plusSeconds(86_400));
        assertThat(all).extracting(s -> s.window().start()).isSorted().hasSize(4);

        int pruned = store.workloadWindows().prune(acme.id(), T0.plusSeconds(2 * 3600 + 1));
        assertThat(pruned).isEqualTo(2);
        assertThat(store.workloadWindows().list(acme.id(), SERVER, Instant.EPOCH, T0.plusSeconds(86_400))).hasSize(2);
        // the statements and databases of the pruned windows went with them
        assertThat(rows("workload_statement")).isEqualTo(2 * 2);
        assertThat(rows("workload_database")).isEqualTo(2);
        assertThat(rows("workload_table")).isEqualTo(2);
        assertThat(rows("workload_index")).isEqualTo(2);
    }

    @Test
    void aWindowWithoutAKnownStartIsRefusedAndNothingIsWritten() {
        WorkloadWindow sinceReset = new WorkloadWindow(Instant.EPOCH, T0, window(T0, 5, 1).statements(), List.of());
        assertThatThrownBy(() -> store.workloadWindows().save(
                new StoredWorkloadWindow(UUID.randomUUID(), acme.id(), null, SERVER, 0, sinceReset)))
                .isInstanceOf(StoreException.class).hasMessageContaining("known start");
        assertThat(store.workloadWindows().serverLabels(acme.id())).isEmpty();
    }

    @Test
    void aWindowForAMissingWorkspaceIsRefused() {
        assertThatThrownBy(() -> store.workloadWindows().save(
                new StoredWorkloadWindow(UUID.randomUUID(), UUID.randomUUID(), null, SERVER, 0, window(T0, 5, 1))))
                .isInstanceOf(StoreException.class).hasMessageContaining("no workspace");
    }
}
