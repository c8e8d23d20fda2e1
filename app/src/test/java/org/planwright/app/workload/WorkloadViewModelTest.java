package org.planwright.app.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.store.StoredWorkloadWindow;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.workload.ServerLabel;
import org.planwright.workload.WorkloadClass;

/**
 * The Workload page's view model and the recorder, without a scene: same-thread executor, a real PostgreSQL
 * session and a real store file.
 */
@ExtendWith(PostgresExtension.class)
class WorkloadViewModelTest {

    @TempDir
    Path home;

    private WorkbenchStore store;
    private ActiveConnection active;

    @AfterEach
    void close() {
        if (active != null) {
            active.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private Workspace setUp(PostgresFixture pg, String db) throws Exception {
        ConnectionProfile profile = new ConnectionProfile(UUID.randomUUID(), "test", ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", pg.sandbox().port(), db, pg.user(), null, null);
        active = new ActiveConnection(new TargetConnector().open(profile, null, SessionOptions.analysis()));
        store = WorkbenchStore.open(home);
        return store.workspaces().create("Acme");
    }

    private static void work(PostgresFixture pg, String db, int times) throws Exception {
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS orders AS SELECT g AS id, g % 100 AS customer FROM generate_series(1, 5000) g");
            for (int i = 0; i < times; i++) {
                st.execute("SELECT * FROM orders WHERE id = " + (i + 1));
            }
        }
    }

    @Test
    void theRecorderStoresTheWindowBetweenTwoRoundsAndThePageShowsIt(PostgresFixture pg) throws Exception {
        String db = pg.createScratchDatabase("wl_app");
        Workspace ws = setUp(pg, db);
        WorkloadRecorder recorder = new WorkloadRecorder(new SameThreadExecutor(), () -> Optional.of(active),
                () -> ws, () -> Optional.of(store.workloadWindows()), Duration.ofMinutes(5), Duration.ofDays(30), Clock.systemUTC());

        work(pg, db, 0); // the table exists before the baseline: the window holds only the lookups
        assertThat(recorder.recordOnce()).as("the first round only sets the baseline").isEmpty();
        work(pg, db, 200);
        Optional<StoredWorkloadWindow> saved = recorder.recordOnce();

        assertThat(saved).isPresent();
        String label = ServerLabel.of(active.session().profile());
        assertThat(saved.get().serverLabel()).isEqualTo(label);
        assertThat(saved.get().window().statements()).anyMatch(s -> s.query().contains("FROM orders WHERE id = $1")
                && s.calls() == 200);

        WorkloadViewModel vm = new WorkloadViewModel(new SameThreadExecutor(), () -> Optional.of(store.workloadWindows()), () -> ws,
                () -> Optional.of(active), Clock.systemUTC(), ZoneOffset.UTC);
        vm.open();

        assertThat(vm.servers()).containsExactly(label);
        assertThat(vm.periodProperty().get()).isEqualTo(WorkloadPeriod.LAST_DAY);
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.reportProperty().get().classification().workloadClass()).isEqualTo(WorkloadClass.OLTP);
        assertThat(vm.topByTotalTime()).anyMatch(f -> f.query().contains("FROM orders WHERE id = $1"));
        assertThat(vm.summaryProperty().get()).contains("OLTP workload");
        assertThat(vm.historyProperty().get()).isNotNull();
        assertThat(vm.historyTextProperty().get()).contains("1 recorded windows").contains("Forecast: needs a day");
    }

    @Test
    void theLivePeriodReadsTheCountersSinceTheirReset(PostgresFixture pg) throws Exception {
        String db = pg.createScratchDatabase("wl_live");
        Workspace ws = setUp(pg, db);
        work(pg, db, 50);
        WorkloadViewModel vm = new WorkloadViewModel(new SameThreadExecutor(), () -> Optional.of(store.workloadWindows()), () -> ws,
                () -> Optional.of(active), Clock.systemUTC(), ZoneOffset.UTC);

        vm.open();

        assertThat(vm.periodProperty().get()).as("nothing recorded yet: live").isEqualTo(WorkloadPeriod.SINCE_RESET);
        assertThat(vm.topByTotalTime()).anyMatch(f -> f.query().contains("FROM orders WHERE id = $1"));
        assertThat(vm.historyProperty().get()).isNull();
    }

    @Test
    void withoutConnectionOrWindowsThePageSaysWhatToDo() throws Exception {
        store = WorkbenchStore.open(home);
        Workspace ws = store.workspaces().create("Empty");
        WorkloadViewModel vm = new WorkloadViewModel(new SameThreadExecutor(), () -> Optional.of(store.workloadWindows()), () -> ws,
                Optional::empty, Clock.systemUTC(), ZoneOffset.UTC);

        vm.open();

        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).contains("pg_stat_statements").contains("every 5 minutes");
    }
}
