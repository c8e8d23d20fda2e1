package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.ConnectionProfile.Kind;

class ConnectionProfilesTest extends StoreTestBase {

    private Workspace w;

    @BeforeEach
    void workspace() {
        w = store.workspaces().create("Acme");
    }

    @Test
    void everyFieldOfEveryKindRoundTrips() {
        ConnectionProfile pg = new ConnectionProfile(UUID.randomUUID(), "orders prod replica", Kind.POSTGRESQL,
                "replica-2.db.acme.example", 6432, "orders", "dba_ro", "verify-full", null);
        ConnectionProfile sandbox = new ConnectionProfile(UUID.randomUUID(), "sandbox", Kind.SANDBOX, null, 0,
                "pagila", "postgres", null, "jdbc:postgresql://localhost:54321/pagila?ApplicationName=planwright");
        ConnectionProfile h2 = new ConnectionProfile(UUID.randomUUID(), "local h2", Kind.H2_FILE, null, 0,
                "/home/ann/data/demo", null, null, null);
        for (ConnectionProfile p : new ConnectionProfile[] {pg, sandbox, h2}) {
            assertThat(store.connectionProfiles().save(w.id(), p)).isEqualTo(p);
            assertThat(store.connectionProfiles().find(w.id(), p.id())).contains(p);
        }
        assertThat(store.connectionProfiles().list(w.id())).containsExactly(h2, pg, sandbox);
    }

    @Test
    void savingAgainUpdatesInPlaceKeepingCreatedAtAndMovingUpdatedAt() throws Exception {
        UUID id = UUID.randomUUID();
        store.connectionProfiles().save(w.id(), new ConnectionProfile(id, "prod", Kind.POSTGRESQL, "old.example",
                5432, "orders", "dba", null, null));
        Instant created = timestamp("connection_profile", "created_at", id);
        assertThat(created).isEqualTo(Instant.parse("2026-11-23T09:00:00.123456Z"));
        assertThat(timestamp("connection_profile", "updated_at", id)).isEqualTo(created);

        clock.advance(Duration.ofHours(2));
        ConnectionProfile moved = new ConnectionProfile(id, "prod", Kind.POSTGRESQL, "new.example", 5433, "orders",
                "dba", "require", null);
        store.connectionProfiles().save(w.id(), moved);

        assertThat(store.connectionProfiles().list(w.id())).containsExactly(moved);
        assertThat(timestamp("connection_profile", "created_at", id)).isEqualTo(created);
        assertThat(timestamp("connection_profile", "updated_at", id)).isEqualTo(created.plus(Duration.ofHours(2)));
        assertThat(rows("connection_profile")).isEqualTo(1);
    }

    @Test
    void deleteLeavesATombstoneThatReadsSkipAndSavingBringsItBack() throws Exception {
        ConnectionProfile p = new ConnectionProfile(UUID.randomUUID(), "prod", Kind.POSTGRESQL, "db.example", 5432,
                "orders", "dba", null, null);
        store.connectionProfiles().save(w.id(), p);
        clock.advance(Duration.ofMinutes(1));

        assertThat(store.connectionProfiles().delete(w.id(), p.id())).isTrue();
        assertThat(store.connectionProfiles().delete(w.id(), p.id())).isFalse();
        assertThat(store.connectionProfiles().list(w.id())).isEmpty();
        assertThat(store.connectionProfiles().find(w.id(), p.id())).isEmpty();
        Instant deletedAt = timestamp("connection_profile", "deleted_at", p.id());
        assertThat(deletedAt).isEqualTo(Instant.parse("2026-11-23T09:01:00.123456Z"));
        assertThat(timestamp("connection_profile", "updated_at", p.id())).isEqualTo(deletedAt);

        store.connectionProfiles().save(w.id(), p);
        assertThat(store.connectionProfiles().find(w.id(), p.id())).contains(p);
        assertThat(timestamp("connection_profile", "deleted_at", p.id())).isNull();
    }

    @Test
    void savingIntoAMissingWorkspaceIsNotFoundAndWritesNothing() throws Exception {
        UUID missing = UUID.randomUUID();
        ConnectionProfile p = new ConnectionProfile(UUID.randomUUID(), "prod", Kind.POSTGRESQL, "db.example", 5432,
                "orders", "dba", null, null);
        assertThatThrownBy(() -> store.connectionProfiles().save(missing, p))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND))
                .hasMessageContaining(missing.toString());
        assertThat(rows("connection_profile")).isZero();
    }

    @Test
    void anOverlongFieldIsRefusedNamingTheField() throws Exception {
        ConnectionProfile p = new ConnectionProfile(UUID.randomUUID(), "prod", Kind.POSTGRESQL, "h".repeat(300), 5432,
                "orders", "dba", null, null);
        assertThatThrownBy(() -> store.connectionProfiles().save(w.id(), p))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID))
                .hasMessage("The host name is 300 characters long; at most 255 are allowed.");
        assertThat(rows("connection_profile")).isZero();
    }
}
