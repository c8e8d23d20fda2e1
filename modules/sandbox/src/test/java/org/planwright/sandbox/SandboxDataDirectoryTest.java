package org.planwright.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A persistent data directory: reused on the next start, repaired after crashes, guarded against misuse. The
 * tests share one cluster (created once) and run one after the other.
 */
class SandboxDataDirectoryTest {

    @TempDir
    static Path root;

    private static Path pgdata;

    @BeforeAll
    static void createCluster() throws SQLException {
        pgdata = root.resolve("sandbox/pgdata");
        try (Sandbox first = Sandbox.start(Sandbox.Options.persistent(pgdata))) {
            assertThat(first.reusedCluster()).isFalse();
            try (Connection c = first.connect("postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
            }
        }
        assertThat(pgdata.resolve(PostmasterPid.FILE_NAME)).doesNotExist();
    }

    @Test
    void reusesTheClusterWithoutInitdb() throws SQLException {
        List<Sandbox.Status> statuses = new ArrayList<>();
        try (Sandbox again = Sandbox.start(Sandbox.Options.persistent(pgdata), (s, m) -> statuses.add(s))) {
            assertThat(again.reusedCluster()).isTrue();
            assertThat(again.dataDirectory()).contains(pgdata.toAbsolutePath().normalize());
            assertThat(statuses).containsExactly(Sandbox.Status.PREPARING, Sandbox.Status.STARTING,
                    Sandbox.Status.RUNNING);
            assertThat(single(again, "SELECT id FROM kept")).isEqualTo("7");
            assertThat(single(again, "SHOW fsync")).isEqualTo("on");
        }
    }

    @Test
    void picksAnotherPortWhenTheRequestedOneIsTaken() throws IOException, SQLException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Sandbox sandbox = Sandbox.start(Sandbox.Options.persistent(pgdata).withPort(taken.getLocalPort()))) {
            assertThat(sandbox.port()).isNotEqualTo(taken.getLocalPort());
            assertThat(single(sandbox, "SHOW port")).isEqualTo(Integer.toString(sandbox.port()));
        }
    }

    @Test
    void removesAStalePostmasterPidOfADeadProcess() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        writePostmasterPid(finished.pid());
        try (Sandbox sandbox = Sandbox.start(Sandbox.Options.persistent(pgdata))) {
            assertThat(single(sandbox, "SELECT id FROM kept")).isEqualTo("7");
            assertThat(sandbox.postmasterPid()).isNotEqualTo(finished.pid());
        }
    }

    @Test
    void removesAStalePostmasterPidWhosePidWasReusedByAnotherProgram() throws Exception {
        // this JVM is alive but is no postgres: PostgreSQL itself would refuse to start ("lock file exists")
        writePostmasterPid(ProcessHandle.current().pid());
        try (Sandbox sandbox = Sandbox.start(Sandbox.Options.persistent(pgdata))) {
            assertThat(single(sandbox, "SELECT id FROM kept")).isEqualTo("7");
        }
    }

    @Test
    void refusesADirectoryInUseByAnotherSandbox() {
        try (Sandbox running = Sandbox.start(Sandbox.Options.persistent(pgdata))) {
            assertThatThrownBy(() -> Sandbox.start(Sandbox.Options.persistent(pgdata)))
                    .isInstanceOf(SandboxException.class)
                    .hasMessageContaining("in use by another Planwright sandbox")
                    .hasMessageContaining(pgdata.toAbsolutePath().normalize().toString());
            assertThat(running.status()).isEqualTo(Sandbox.Status.RUNNING);
        }
    }

    @Test
    void refusesAClusterOfAnotherMajorVersionAndKeepsIt() throws IOException {
        Path old = root.resolve("pg16");
        Files.createDirectories(old.resolve("global"));
        Files.writeString(old.resolve("PG_VERSION"), "16\n");
        Files.writeString(old.resolve("postgresql.conf"), "# from PostgreSQL 16\n");
        Files.writeString(old.resolve("global/pg_control"), "x");
        List<String> failures = new ArrayList<>();
        assertThatThrownBy(() -> Sandbox.start(Sandbox.Options.persistent(old), (s, m) -> {
            if (s == Sandbox.Status.FAILED) {
                failures.add(m);
            }
        })).isInstanceOf(SandboxException.class)
                .hasMessageContaining("PostgreSQL 16 cluster").hasMessageContaining("runs PostgreSQL 18");
        assertThat(failures).hasSize(1);
        assertThat(old.resolve("PG_VERSION")).hasContent("16");
    }

    @Test
    void movesAnInterruptedInitdbAsideAndStartsFresh() throws IOException, SQLException {
        Path broken = root.resolve("half/pgdata");
        Files.createDirectories(broken.resolve("base"));
        Files.writeString(broken.resolve("PG_VERSION"), "18\n");
        try (Sandbox sandbox = Sandbox.start(Sandbox.Options.persistent(broken))) {
            assertThat(sandbox.reusedCluster()).isFalse();
            assertThat(single(sandbox, "SELECT 1")).isEqualTo("1");
        }
        try (Stream<Path> siblings = Files.list(broken.getParent())) {
            List<Path> aside = siblings.filter(p -> p.getFileName().toString().startsWith("pgdata.incomplete-"))
                    .toList();
            assertThat(aside).hasSize(1);
            assertThat(aside.getFirst().resolve("PG_VERSION")).exists();
        }
    }

    private static void writePostmasterPid(long pid) throws IOException {
        Files.writeString(pgdata.resolve(PostmasterPid.FILE_NAME),
                pid + "\n" + pgdata.toAbsolutePath().normalize() + "\n1700000000\n5999\n/tmp\n127.0.0.1\n  1 2\nready\n");
    }

    static String single(Sandbox sandbox, String sql) throws SQLException {
        try (Connection c = sandbox.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
