package org.planwright.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A temporary sandbox: the server is real PostgreSQL 18 with the configuration Planwright relies on. */
class SandboxTest {

    private static final List<Sandbox.Status> STATUSES = new ArrayList<>();
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(Sandbox.Options.temporary(), (status, message) -> STATUSES.add(status));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void runsTheBundledMajorVersionOnLoopback() throws SQLException {
        try (Connection c = sandbox.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int / 10000, "
                     + "current_setting('listen_addresses'), current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(Sandbox.POSTGRES_MAJOR_VERSION);
            assertThat(rs.getString(2)).isEqualTo("127.0.0.1");
            assertThat(rs.getString(3)).isEqualTo(Sandbox.SUPERUSER);
        }
        assertThat(sandbox.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://127.0.0.1:" + sandbox.port() + "/postgres");
    }

    @Test
    void preloadsPgStatStatementsAndTimesIo() throws SQLException {
        try (Connection c = sandbox.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE planwright_probe (x int)");
            st.execute("SELECT x FROM planwright_probe");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_statements "
                    + "WHERE query = 'SELECT x FROM planwright_probe'")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
            }
            try (ResultSet rs = st.executeQuery("SHOW track_io_timing")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
        }
    }

    @Test
    void reportsStartingStepsAndThePostmaster() {
        assertThat(STATUSES).containsExactly(Sandbox.Status.PREPARING, Sandbox.Status.INITIALIZING,
                Sandbox.Status.RUNNING);
        assertThat(sandbox.status()).isEqualTo(Sandbox.Status.RUNNING);
        assertThat(sandbox.dataDirectory()).isEmpty();
        assertThat(sandbox.postmasterPid()).isPositive();
        assertThat(Processes.isRunning(sandbox.postmasterPid())).isTrue();
        assertThat(sandbox.startTime()).isPositive();
    }

    @Test
    void createsAndDropsDatabasesWithPgStatStatements() throws SQLException {
        assertThat(sandbox.createDatabase("sandbox_test_db")).isTrue();
        assertThat(sandbox.createDatabase("sandbox_test_db")).isFalse();
        try (Connection c = sandbox.connect("sandbox_test_db"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT extname FROM pg_extension WHERE extname = 'pg_stat_statements'")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(sandbox.dropDatabase("sandbox_test_db")).isTrue();
        assertThat(sandbox.databaseExists("sandbox_test_db")).isFalse();
        assertThat(sandbox.dropDatabase("sandbox_test_db")).isFalse();
    }

    @Test
    void rejectsDatabaseNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> sandbox.createDatabase("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain lower-case identifier");
        assertThatThrownBy(() -> sandbox.dropDatabase("postgres")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void temporaryClusterIsDeletedAndServerGoneAfterClose() throws Exception {
        Sandbox second = Sandbox.start(Sandbox.Options.temporary());
        Path dir;
        try (Connection c = second.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            dir = Path.of(rs.getString(1));
        }
        long pid = second.postmasterPid();
        second.close();
        assertThat(second.status()).isEqualTo(Sandbox.Status.STOPPED);
        assertThat(Processes.isRunning(pid)).as("postmaster running (a zombie counts as stopped)").isFalse();
        assertThat(Files.exists(dir)).isFalse();
        assertThatThrownBy(() -> second.connect("postgres")).isInstanceOf(SQLException.class);
        second.close(); // idempotent
    }
}
