package org.planwright.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.app.status.StatusViewModel;
import org.planwright.store.ConnectionProfiles;
import org.planwright.store.StoreException;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.TargetConnector;

/** The connection dialog's saved profiles without a scene, on a real workbench store (H2 file). */
class ConnectionProfilesViewModelTest {

    @TempDir
    Path home;

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final ConnectionViewModel connection = new ConnectionViewModel(new TargetConnector(),
            new PasswordSource(Map.of()), executor, new StatusViewModel());

    private static ConnectionProfile profile(String name) {
        return new ConnectionProfile(UUID.randomUUID(), name, ConnectionProfile.Kind.POSTGRESQL, "db.example.org", 5433,
                "shop", "dba", null, null);
    }

    @Test
    void beforeTheStoreIsOpenNothingIsListedNorSaved() {
        ConnectionProfilesViewModel vm = new ConnectionProfilesViewModel(Optional::empty, () -> null, connection,
                executor);
        List<List<ConnectionProfile>> listed = new ArrayList<>();
        List<Throwable> failed = new ArrayList<>();

        vm.save(profile("shop"), failed::add);
        vm.list(listed::add, failed::add);

        assertThat(listed).containsExactly(List.of());
        assertThat(failed).isEmpty();
        assertThat(vm.form()).isNotNull();
    }

    @Test
    void savedProfilesAreListedByNameInTheActiveWorkspaceOnly() {
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            Workspace mine = store.workspaces().create("Client A");
            Workspace other = store.workspaces().create("Client B");
            store.connectionProfiles().save(other.id(), profile("theirs"));
            ConnectionProfilesViewModel vm = new ConnectionProfilesViewModel(
                    () -> Optional.of(store.connectionProfiles()), () -> mine, connection, executor);
            List<Throwable> failed = new ArrayList<>();

            vm.save(profile("warehouse"), failed::add);
            vm.save(profile("Billing"), failed::add);
            List<List<ConnectionProfile>> listed = new ArrayList<>();
            vm.list(listed::add, failed::add);

            assertThat(failed).isEmpty();
            assertThat(listed).hasSize(1);
            assertThat(listed.getFirst()).extracting(ConnectionProfile::name).containsExactly("Billing", "warehouse");
            assertThat(listed.getFirst().getFirst().port()).isEqualTo(5433);
        }
    }

    @Test
    void aProfileTheStoreRefusesIsReportedNotThrown() {
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            Workspace ws = store.workspaces().create("Client A");
            ConnectionProfiles profiles = store.connectionProfiles();
            ConnectionProfilesViewModel vm = new ConnectionProfilesViewModel(() -> Optional.of(profiles), () -> ws,
                    connection, executor);
            List<Throwable> failed = new ArrayList<>();

            vm.save(profile("x".repeat(500)), failed::add);

            assertThat(failed).singleElement().isInstanceOf(StoreException.class);
            assertThat(((StoreException) failed.getFirst()).reason()).isEqualTo(StoreException.Reason.INVALID);
            List<List<ConnectionProfile>> listed = new ArrayList<>();
            vm.list(listed::add, failed::add);
            assertThat(listed.getFirst()).isEmpty();
        }
    }
}
