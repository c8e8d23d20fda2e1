package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwright.targetdb.ConnectionProfile;

/** Two client engagements in one store: nothing of workspace B may be read, found, changed or deleted through A. */
class WorkspaceIsolationTest extends StoreTestBase {

    private Workspace a;
    private Workspace b;
    private Records recordsOfA;
    private Records recordsOfB;

    private record Records(ConnectionProfile profile, SavedQuery query, QueryHistoryEntry history, PlanCapture plan) {
    }

    @BeforeEach
    void twoClients() {
        a = store.workspaces().create("Client A");
        b = store.workspaces().create("Client B");
        recordsOfA = fill(a, "a");
        recordsOfB = fill(b, "b");
    }

    private Records fill(Workspace w, String tag) {
        ConnectionProfile profile = store.connectionProfiles().save(w.id(), new ConnectionProfile(UUID.randomUUID(),
                tag + "-prod", ConnectionProfile.Kind.POSTGRESQL, tag + ".db.example", 5432, tag + "_orders",
                tag + "_dba", "require", null));
        SavedQuery query = store.savedQueries().save(SavedQuery.create(w.id(), tag + " report",
                "SELECT * FROM " + tag + "_orders"));
        QueryHistoryEntry history = store.queryHistory().record(QueryHistoryEntry.succeeded(w.id(), profile.id(),
                "SELECT count(*) FROM " + tag + "_orders", clock.instant(), 12.5, 1L));
        PlanCapture plan = store.planCaptures().save(PlanCapture.create(w.id(), profile.id(),
                "SELECT * FROM " + tag + "_orders", "Seq Scan on " + tag + "_orders  (cost=0.00..35.50 rows=2550 width=4)",
                PlanFormat.TEXT, "COSTS", null, "15.4", clock.instant(), new PlanMetrics(1, 35.5, null, null)));
        return new Records(profile, query, history, plan);
    }

    @Test
    void listsOfAShowOnlyAsRecords() {
        assertThat(store.connectionProfiles().list(a.id())).containsExactly(recordsOfA.profile());
        assertThat(store.savedQueries().list(a.id())).containsExactly(recordsOfA.query());
        assertThat(store.queryHistory().recent(a.id(), 100)).containsExactly(recordsOfA.history());
        assertThat(store.planCaptures().list(a.id())).extracting(PlanCaptureSummary::id)
                .containsExactly(recordsOfA.plan().id());
        assertThat(store.connectionProfiles().list(b.id())).containsExactly(recordsOfB.profile());
    }

    @Test
    void findingBsRecordsThroughAFindsNothing() {
        assertThat(store.connectionProfiles().find(a.id(), recordsOfB.profile().id())).isEmpty();
        assertThat(store.savedQueries().find(a.id(), recordsOfB.query().id())).isEmpty();
        assertThat(store.planCaptures().load(a.id(), recordsOfB.plan().id())).isEmpty();
        assertThat(store.planCaptures().load(b.id(), recordsOfB.plan().id())).contains(recordsOfB.plan());
    }

    @Test
    void deletingBsRecordsThroughADeletesNothing() {
        assertThat(store.connectionProfiles().delete(a.id(), recordsOfB.profile().id())).isFalse();
        assertThat(store.savedQueries().delete(a.id(), recordsOfB.query().id())).isFalse();
        assertThat(store.queryHistory().delete(a.id(), recordsOfB.history().id())).isFalse();
        assertThat(store.planCaptures().delete(a.id(), recordsOfB.plan().id())).isFalse();
        assertThat(store.queryHistory().clear(a.id())).isEqualTo(1);

        assertThat(store.connectionProfiles().list(b.id())).containsExactly(recordsOfB.profile());
        assertThat(store.savedQueries().list(b.id())).containsExactly(recordsOfB.query());
        assertThat(store.queryHistory().recent(b.id(), 100)).containsExactly(recordsOfB.history());
        assertThat(store.planCaptures().list(b.id())).hasSize(1);
    }

    @Test
    void savingBsIdsIntoAIsAConflictAndLeavesBsRecordsAsTheyWere() {
        ConnectionProfile hijack = new ConnectionProfile(recordsOfB.profile().id(), "mine now",
                ConnectionProfile.Kind.POSTGRESQL, "evil.example", 5432, "x", "x", null, null);
        assertThatThrownBy(() -> store.connectionProfiles().save(a.id(), hijack))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT))
                .hasMessageContaining("belongs to another workspace");
        SavedQuery q = recordsOfB.query();
        assertThatThrownBy(() -> store.savedQueries().save(new SavedQuery(q.id(), a.id(), "mine", "SELECT 2",
                null, null))).isInstanceOf(StoreException.class);
        PlanCapture p = recordsOfB.plan();
        assertThatThrownBy(() -> store.planCaptures().save(new PlanCapture(p.id(), a.id(), null, "SELECT 2",
                "Result", PlanFormat.TEXT, null, null, null, clock.instant(), null, null, null)))
                .isInstanceOf(StoreException.class);

        assertThat(store.connectionProfiles().find(b.id(), hijack.id())).contains(recordsOfB.profile());
        assertThat(store.savedQueries().find(b.id(), q.id())).contains(q);
        assertThat(store.planCaptures().load(b.id(), p.id())).contains(p);
        assertThat(store.connectionProfiles().list(a.id())).containsExactly(recordsOfA.profile());
    }

    /**
     * Every repository's reads, given A's id, on two workspaces that hold one record of every kind: nothing of B's
     * comes back, whatever id of B's is asked for; and A's export file and record counts hold nothing of B's.
     */
    @Test
    void everyReadOfEveryRepositoryThroughAFindsNothingOfB(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out)
            throws Exception {
        Workspace c1 = store.workspaces().create("Client 1");
        Workspace c2 = store.workspaces().create("Client 2");
        EveryKind.Filled one = EveryKind.fill(store, c1, "clientone", clock.instant());
        EveryKind.Filled two = EveryKind.fill(store, c2, "clienttwo", clock.instant());
        UUID a1 = c1.id();
        java.time.Instant far = clock.instant().plusSeconds(86_400);

        assertThat(store.connectionProfiles().find(a1, two.profile().id())).isEmpty();
        assertThat(store.savedQueries().find(a1, two.savedQuery().id())).isEmpty();
        assertThat(store.planCaptures().load(a1, two.plan().id())).isEmpty();
        assertThat(store.queryHistory().recent(a1, 100)).extracting(QueryHistoryEntry::id)
                .containsExactly(one.history().id());
        assertThat(store.adviceRecords().recommendations(a1)).extracting(StoredRecommendation::id)
                .containsExactly(one.recommendation().id());
        assertThat(store.adviceRecords().trials(a1, two.recommendation().id())).isEmpty();
        assertThat(store.learning().trialOutcomes().list(a1)).extracting(TrialOutcome::trialId)
                .containsExactly(one.trialId());
        assertThat(store.learning().trialOutcomes().find(a1, two.trialId())).isEmpty();
        assertThat(store.learning().trialOutcomes().count(a1)).isEqualTo(1);
        assertThat(store.learning().patternCounters().perDevice(a1)).allMatch(p -> p.workspaceId().equals(a1))
                .hasSize(1);
        assertThat(store.learning().patternCounters().totals(a1)).hasSize(1);
        assertThat(store.learning().feedback().list(a1)).extracting(Feedback::id).containsExactly(one.feedback().id());
        assertThat(store.learning().feedback().draftFor(a1, two.trialId())).isEmpty();
        assertThat(store.learning().feedback().delete(a1, two.feedback().id())).isFalse();
        assertThat(store.learning().estimatorModels().list(a1)).extracting(EstimatorModel::id)
                .containsExactly(one.model().id());
        assertThat(store.learning().estimatorModels().deployed(a1)).map(EstimatorModel::id).contains(one.model().id());
        assertThat(store.configHistory().changes(a1, 100)).extracting(ConfigChangeRecord::id)
                .containsExactly(one.change().id());
        assertThat(store.configHistory().snapshots(a1, 100)).extracting(ConfigSnapshotRecord::id)
                .containsExactly(one.snapshot().id());
        assertThat(store.configHistory().snapshot(a1, two.snapshot().id())).isEmpty();
        assertThat(store.workloadWindows().serverLabels(a1)).containsExactly(one.window().serverLabel());
        assertThat(store.workloadWindows().list(a1, two.window().serverLabel(), java.time.Instant.EPOCH, far)).isEmpty();
        assertThat(store.workspaces().recordCounts(a1)).isEqualTo(store.workspaces().recordCounts(c2.id()))
                .doesNotContainValue(0L).doesNotContainValue(2L);
        assertThat(store.workloadWindows().prune(a1, far)).isEqualTo(1);
        assertThat(store.workloadWindows().serverLabels(c2.id())).containsExactly(two.window().serverLabel());

        // the export file of A, imported into a fresh store: not a trace of B
        java.nio.file.Path file = out.resolve("one.pwws");
        store.transfer().export(a1, file, "passphrase for client one".toCharArray());
        try (WorkbenchStore fresh = WorkbenchStore.open(out.resolve("fresh"), clock)) {
            fresh.transfer().importFile(file, "passphrase for client one".toCharArray(), null);
            try (java.sql.Connection c = fresh.dataSource().getConnection();
                 java.sql.Statement st = c.createStatement()) {
                for (String table : WorkspaceTables.read(c).tables()) {
                    try (java.sql.ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                        while (rs.next()) {
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                assertThat(String.valueOf(rs.getObject(i))).as(table).doesNotContain("clienttwo")
                                        .doesNotContain(c2.id().toString());
                            }
                        }
                    }
                }
            }
        }
    }
}
