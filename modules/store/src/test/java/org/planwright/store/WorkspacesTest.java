package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.planwright.targetdb.ConnectionProfile;

class WorkspacesTest extends StoreTestBase {

    @Test
    void createdWorkspacesAreListedByNameIgnoringCase() {
        store.workspaces().create("zeta Bank");
        store.workspaces().create("Acme Logistics");
        store.workspaces().create("  beta Insurance  ");
        assertThat(store.workspaces().list()).extracting(Workspace::name)
                .containsExactly("Acme Logistics", "beta Insurance", "zeta Bank");
    }

    @Test
    void createStampsBothTimesInUtcMicrosecondsAndRenameMovesOnlyUpdatedAt() {
        Workspace w = store.workspaces().create("Acme");
        Instant created = Instant.parse("2026-11-23T09:00:00.123456Z");
        assertThat(w.createdAt()).isEqualTo(created);
        assertThat(w.updatedAt()).isEqualTo(created);

        clock.advance(Duration.ofMinutes(5));
        Workspace renamed = store.workspaces().rename(w.id(), "Acme Corp");
        assertThat(renamed.name()).isEqualTo("Acme Corp");
        assertThat(renamed.createdAt()).isEqualTo(created);
        assertThat(renamed.updatedAt()).isEqualTo(created.plus(Duration.ofMinutes(5)));
        assertThat(store.workspaces().find(w.id())).contains(renamed);
    }

    @Test
    void aNameInUseIsAConflictForCreateAndRename() {
        store.workspaces().create("Acme");
        Workspace other = store.workspaces().create("Globex");
        assertThatThrownBy(() -> store.workspaces().create(" Acme "))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT))
                .hasMessage("A workspace named \"Acme\" already exists; choose another name.");
        assertThatThrownBy(() -> store.workspaces().rename(other.id(), "Acme"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT));
        assertThat(store.workspaces().find(other.id())).map(Workspace::name).contains("Globex");
    }

    @Test
    void blankAndOverlongNamesAreRefusedWithTheRuleInTheMessage() {
        assertThatThrownBy(() -> store.workspaces().create("   "))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID))
                .hasMessage("The workspace name is empty; give it a name.");
        assertThatThrownBy(() -> store.workspaces().create("x".repeat(201)))
                .hasMessage("The workspace name is 201 characters long; at most 200 are allowed.");
        assertThat(store.workspaces().list()).isEmpty();
    }

    @Test
    void renamingAMissingWorkspaceSaysSo() {
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> store.workspaces().rename(missing, "x"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND))
                .hasMessageContaining(missing.toString());
    }

    @Test
    void ensureReturnsTheExistingWorkspaceOrCreatesOne() {
        Workspace first = store.workspaces().ensure("Sandbox");
        clock.advance(Duration.ofSeconds(1));
        Workspace again = store.workspaces().ensure("Sandbox");
        assertThat(again).isEqualTo(first);
        assertThat(store.workspaces().list()).hasSize(1);
    }

    @Test
    void ensureFromManyThreadsAtOnceCreatesOneWorkspace() throws Exception {
        List<Callable<Workspace>> calls = IntStream.range(0, 8)
                .<Callable<Workspace>>mapToObj(i -> () -> store.workspaces().ensure("Demo")).toList();
        Set<UUID> ids;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Workspace>> results = pool.invokeAll(calls);
            ids = results.stream().map(f -> {
                try {
                    return f.get().id();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).collect(Collectors.toSet());
        }
        assertThat(ids).hasSize(1);
        assertThat(store.workspaces().list()).extracting(Workspace::id).containsExactlyElementsOf(ids);
    }

    @Test
    void deletingAWorkspaceRemovesEverythingThatBelongsToIt() throws Exception {
        Workspace gone = store.workspaces().create("Ended engagement");
        Workspace kept = store.workspaces().create("Ongoing engagement");
        for (Workspace w : List.of(gone, kept)) {
            store.connectionProfiles().save(w.id(), new ConnectionProfile(UUID.randomUUID(), "prod",
                    ConnectionProfile.Kind.POSTGRESQL, "db.example", 5432, "orders", "dba", null, null));
            store.savedQueries().save(SavedQuery.create(w.id(), "q", "SELECT 1"));
            store.queryHistory().record(QueryHistoryEntry.succeeded(w.id(), null, "SELECT 1", clock.instant(), 1.5, 1L));
            store.planCaptures().save(PlanCapture.create(w.id(), null, "SELECT 1", "Result  (cost=0.00..0.01 rows=1 width=4)",
                    PlanFormat.TEXT, null, null, "15.4", clock.instant(), PlanMetrics.UNKNOWN));
        }

        assertThat(store.workspaces().delete(gone.id())).isTrue();
        assertThat(store.workspaces().delete(gone.id())).isFalse();

        assertThat(store.workspaces().list()).containsExactly(kept);
        for (String table : List.of("connection_profile", "saved_query", "query_history", "plan_capture")) {
            assertThat(rows(table)).as(table).isEqualTo(1);
        }
        assertThat(store.savedQueries().list(kept.id())).hasSize(1);
    }
}
