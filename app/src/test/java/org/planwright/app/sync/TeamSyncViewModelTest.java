package org.planwright.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.concurrent.BackgroundJob;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.store.SavedQuery;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.sync.TargetTeamConnections;
import org.planwright.sync.TeamAdmin;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.PgEnvironment;
import org.planwright.targetdb.TargetConnector;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * The status-bar sync item against a real team PostgreSQL (the embedded server of test-support, team schema by the
 * sync module's {@link TeamAdmin#init()}) and a real H2 store: pending changes become synced; an unreachable server
 * shows "Offline" with the pending count and the remedy, the outbox keeps the changes, and the next round catches up.
 * Rounds run through a same-thread executor that keeps the scheduled next round instead of running it.
 */
@ExtendWith(PostgresExtension.class)
class TeamSyncViewModelTest {

    @TempDir
    Path home;

    /** Runs work at once; keeps delayed actions (the next round) for the test to inspect and run. */
    static final class Timer implements BackgroundExecutor {
        final SameThreadExecutor now = new SameThreadExecutor();
        final List<Duration> delays = new ArrayList<>();
        final List<Runnable> actions = new ArrayList<>();

        @Override
        public <T> BackgroundJob submit(Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> fail) {
            return now.submit(work, ok, fail);
        }

        @Override
        public BackgroundJob runLater(Duration delay, Runnable action) {
            delays.add(delay);
            actions.add(action);
            return BackgroundJob.DONE;
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }

        @Override
        public void close() {
        }

        void runNext() {
            actions.removeFirst().run();
        }
    }

    private record Team(String database, String role) {
    }

    private static Team team(PostgresFixture pg, String workspace) throws Exception {
        String db = pg.createScratchDatabase("team");
        var admin = new TeamAdmin(new TargetTeamConnections(new TargetConnector(),
                ConnectionProfile.postgres("team", "127.0.0.1", pg.sandbox().port(), db, pg.user(), "disable"), null));
        admin.init();
        String role = "analyst_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN");
        }
        admin.grant(workspace, role);
        return new Team(db, role);
    }

    private static TeamSyncViewModel viewModel(BackgroundExecutor executor, WorkbenchStore store, Workspace w) {
        return new TeamSyncViewModel(executor, () -> Optional.of(store), () -> w,
                new TargetRemote(new TargetConnector(), new PasswordSource(Map.of()), PgEnvironment.of(Map.of())),
                Clock.systemUTC());
    }

    private static long serverChanges(PostgresFixture pg, String db) throws Exception {
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM team.change")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void pendingChangesBecomeSyncedAndTheNextRoundIsScheduled(PostgresFixture pg) throws Exception {
        Team team = team(pg, "acme");
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            Workspace w = store.workspaces().create("acme");
            store.sync().enable();
            for (int i = 0; i < 3; i++) {
                store.savedQueries().save(SavedQuery.create(w.id(), "q" + i, "SELECT " + i + " FROM lineitem"));
            }
            assertThat(store.sync().pendingChanges(w.id())).isEqualTo(3);
            Timer timer = new Timer();
            TeamSyncViewModel vm = viewModel(timer, store, w);
            assertThat(vm.textProperty().get()).isEqualTo("Sync off");

            vm.configure(new TeamSyncSettings("postgresql://127.0.0.1:" + pg.sandbox().port() + "/" + team.database()
                    + "?sslmode=disable", team.role(), Duration.ofMinutes(5)));

            assertThat(vm.textProperty().get()).isEqualTo("Synced just now · 0 pending");
            assertThat(vm.detailProperty().get()).contains(team.role()).contains("next round in 5 min");
            assertThat(store.sync().pendingChanges(w.id())).isZero();
            assertThat(serverChanges(pg, team.database())).isEqualTo(3);
            assertThat(timer.delays).containsExactly(Duration.ofMinutes(5));

            store.savedQueries().save(SavedQuery.create(w.id(), "q3", "SELECT 3"));
            vm.refresh(); // between rounds: the pending count from the store, no server contact
            assertThat(vm.textProperty().get()).isEqualTo("Synced just now · 1 pending");
            assertThat(serverChanges(pg, team.database())).isEqualTo(3);
            timer.runNext(); // the scheduled round
            assertThat(vm.textProperty().get()).isEqualTo("Synced just now · 0 pending");
            assertThat(serverChanges(pg, team.database())).isEqualTo(4);
            assertThat(timer.delays).hasSize(2);
        }
    }

    @Test
    void anUnreachableServerShowsOfflineWithThePendingCountAndTheNextRoundCatchesUp(PostgresFixture pg)
            throws Exception {
        Team team = team(pg, "globex");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            Workspace w = store.workspaces().create("globex");
            for (int i = 0; i < 12; i++) {
                store.savedQueries().save(SavedQuery.create(w.id(), "q" + i, "SELECT " + i));
            }
            Timer timer = new Timer();
            TeamSyncViewModel vm = viewModel(timer, store, w);

            vm.configure(new TeamSyncSettings("postgresql://127.0.0.1:" + closedPort + "/" + team.database()
                    + "?sslmode=disable", team.role(), Duration.ofMinutes(1)));

            assertThat(vm.textProperty().get()).isEqualTo("Offline · 12 pending · retrying");
            assertThat(vm.detailProperty().get()).contains("Cannot reach the team server")
                    .contains("work goes on offline; the next sync catches up");
            assertThat(store.sync().stream(w.id()).lastError()).contains("Cannot reach the team server");
            assertThat(timer.delays).containsExactly(Duration.ofMinutes(1)); // retried
            timer.runNext();
            assertThat(vm.textProperty().get()).isEqualTo("Offline · 12 pending · retrying");

            vm.configure(new TeamSyncSettings("postgresql://127.0.0.1:" + pg.sandbox().port() + "/"
                    + team.database() + "?sslmode=disable", team.role(), Duration.ofMinutes(1)));

            assertThat(vm.textProperty().get()).isEqualTo("Synced just now · 0 pending");
            assertThat(serverChanges(pg, team.database())).isEqualTo(12);
            assertThat(store.sync().stream(w.id()).lastError()).isNull();
        }
    }

    @Test
    void theAgeOfTheLastSyncReadsInMinutesHoursAndDays() {
        Instant t = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(TeamSyncViewModel.ago(null, t)).isEqualTo("never");
        assertThat(TeamSyncViewModel.ago(t, t.plusSeconds(20))).isEqualTo("just now");
        assertThat(TeamSyncViewModel.ago(t, t.plusSeconds(150))).isEqualTo("2 min ago");
        assertThat(TeamSyncViewModel.ago(t, t.plusSeconds(3 * 3600 + 5))).isEqualTo("3 h ago");
        assertThat(TeamSyncViewModel.ago(t, t.plusSeconds(2 * 86_400))).isEqualTo("2 d ago");
    }

    @Test
    void settingsRefuseAPasswordInTheConnectionStringAndARemoteWithoutRole() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TeamSyncSettings(
                "postgresql://h/db?password=x", "alice", Duration.ZERO)).hasMessageContaining("PGPASSWORD");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TeamSyncSettings(
                "postgresql://h/db", " ", Duration.ZERO)).hasMessageContaining("role");
        assertThat(TeamSyncSettings.OFF.enabled()).isFalse();
    }
}
