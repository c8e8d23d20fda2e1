package org.planwright.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's PostgreSQL 15 ({@code postgresql-15}) with the HypoPG and pg_qualstats extensions
 * ({@code postgresql-15-hypopg}, {@code postgresql-15-pg-qualstats}), as a throw-away cluster: {@code initdb}
 * into a temporary folder (as the {@code postgres} operating-system user when the tests run as root, since
 * PostgreSQL refuses to run as root), started on a free port of 127.0.0.1 with {@code pg_qualstats} preloaded,
 * trust authentication for user {@code postgres}; {@link #close()} stops it ({@code pg_ctl stop -m fast}) and
 * deletes the folder. Debian's own "main" cluster is never touched. Thread-safe; loads are serialised.
 *
 * <p>Use it through {@link Postgres15Extension}, which skips tests with {@link #unavailableReason()} when the
 * packages are missing.
 */
public final class DebianPostgres15 implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DebianPostgres15.class);

    /** Where Debian installs the server programs. */
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    /** Where Debian installs the extensions' control files. */
    public static final Path EXTENSIONS = Path.of("/usr/share/postgresql/15/extension");

    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;
    private final Map<Double, String> tpch = new HashMap<>();

    private DebianPostgres15(Path directory, int port, boolean asPostgresUser) {
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * @return why the server cannot be started here (a missing program or extension, named with its Debian
     *     package), or empty when it can
     */
    public static Optional<String> unavailableReason() {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
            return Optional.of(BIN + "/initdb not found: install Debian's postgresql-15 (see .ci/run)");
        }
        if (!Files.exists(EXTENSIONS.resolve("hypopg.control"))) {
            return Optional.of("HypoPG not found in " + EXTENSIONS + ": install postgresql-15-hypopg");
        }
        if (!Files.exists(EXTENSIONS.resolve("pg_qualstats.control"))) {
            return Optional.of("pg_qualstats not found in " + EXTENSIONS + ": install postgresql-15-pg-qualstats");
        }
        if (isRoot() && !postgresUserExists()) {
            return Optional.of("running as root and there is no 'postgres' user to run the server as");
        }
        return Optional.empty();
    }

    /**
     * Creates and starts a new cluster (about 2-4 s).
     *
     * @return the running server; close it
     * @throws IllegalStateException when the packages are missing ({@link #unavailableReason()}) or a program fails
     *                               (its output is in the message)
     */
    public static DebianPostgres15 start() {
        unavailableReason().ifPresent(r -> {
            throw new IllegalStateException(r);
        });
        try {
            boolean root = isRoot();
            Path dir = Files.createTempDirectory("planwright-pg15-");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            DebianPostgres15 pg = new DebianPostgres15(dir, port, root);
            if (root) {
                pg.run(List.of("chown", "postgres", dir.toString()), false);
            }
            Path data = dir.resolve("data");
            pg.run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--locale=C", "--no-sync"), root);
            String conf = String.format(Locale.ROOT, """

                    # Planwright test cluster
                    port = %d
                    listen_addresses = '127.0.0.1'
                    unix_socket_directories = '%s'
                    shared_preload_libraries = 'pg_qualstats'
                    fsync = off
                    synchronous_commit = off
                    full_page_writes = off
                    """, port, dir);
            Path confFile = data.resolve("postgresql.conf");
            pg.run(List.of("sh", "-c", "cat >> '" + confFile + "'"), root, conf);
            pg.run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "60", "start"), root);
            LOG.info("Started Debian PostgreSQL 15 on port {} in {}", port, dir);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL 15: " + e.getMessage(), e);
        }
    }

    /** @return the superuser's name (trust authentication, no password) */
    public String user() {
        return "postgres";
    }

    /** @return the TCP port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @param database a database name @return its JDBC URL */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** @param database a database name @return a new connection as the superuser @throws SQLException on failure */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user(), "");
    }

    /**
     * TPC-H from the corpus filler at {@code scaleFactor} with primary keys only (no foreign keys, no secondary
     * index: what an index advisor starts from), {@code VACUUM ANALYZE}d, with {@code CREATE EXTENSION hypopg} and
     * {@code pg_qualstats}. Loaded once per server and scale factor (SF 0.05: about 5 s; SF 0.2: about 25 s).
     *
     * @param scaleFactor TPC-H scale factor in (0, 10]
     * @return the JDBC URL of database {@code tpch_pk_<digits>}
     * @throws IllegalStateException when the load fails
     */
    public synchronized String tpchPrimaryKeysOnly(double scaleFactor) {
        String db = tpch.get(scaleFactor);
        if (db == null) {
            db = "tpch_pk_" + Double.toString(scaleFactor).replace('.', '_');
            try {
                try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + db);
                    st.execute("CREATE DATABASE " + db);
                }
                try (Connection c = connect(db)) {
                    SampleDatabases.loadTpchPrimaryKeysOnly(c, scaleFactor);
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE EXTENSION hypopg");
                        st.execute("CREATE EXTENSION pg_qualstats");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Loading TPC-H into PostgreSQL 15 failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tpch.put(scaleFactor, db);
        }
        return url(db);
    }

    /** Stops the server (fast shutdown) and deletes its folder; never throws. */
    @Override
    public void close() {
        try {
            run(List.of(BIN.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "fast",
                    "-w", "stop"), asPostgresUser);
        } catch (RuntimeException | IOException e) {
            LOG.warn("Stopping PostgreSQL 15 in {} failed: {}", directory, e.getMessage());
        }
        try (Stream<Path> all = Files.walk(directory)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", directory, e.getMessage());
        }
    }

    private void run(List<String> command, boolean asPostgres) throws IOException {
        run(command, asPostgres, null);
    }

    private void run(List<String> command, boolean asPostgres, String input) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).directory(directory.toFile());
        Process p = pb.start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                    + out.strip());
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean postgresUserExists() {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            return lines.anyMatch(l -> l.startsWith("postgres:"));
        } catch (IOException e) {
            return false;
        }
    }
}
