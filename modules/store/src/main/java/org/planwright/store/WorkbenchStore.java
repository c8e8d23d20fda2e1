package org.planwright.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The workbench store: Planwright's own data (workspaces, connection profiles, saved queries, query history,
 * captured plans) in one embedded H2 file, {@value #FILE_NAME}, inside a per-user folder (see
 * {@link StoreLocation}). Flyway owns the schema; the repositories hanging off this object are the only way in.
 *
 * <p>Thread rules: thread-safe (a HikariCP pool of a few connections); every call blocks on the database, so the
 * UI calls it off the JavaFX application thread. A second process opening the same folder gets
 * {@link StoreException.Reason#LOCKED} (H2's file lock); a second {@code open} of the same folder in one process
 * gives another handle on the same database (H2 shares it within a JVM), which is harmless but wasteful.
 */
public final class WorkbenchStore implements AutoCloseable {

    /** The H2 database file in the store folder. */
    public static final String FILE_NAME = "planwright.mv.db";

    private final Path directory;
    private final HikariDataSource pool;
    private final Workspaces workspaces;
    private final ConnectionProfiles connectionProfiles;
    private final SavedQueries savedQueries;
    private final QueryHistory queryHistory;
    private final PlanCaptures planCaptures;
    private final Preferences preferences;
    private final WorkloadWindows workloadWindows;
    private final ConfigHistory configHistory;
    private final LearningRecords learning;
    private final AdviceRecords adviceRecords;
    private final SyncStore sync;
    private final String databasePath;
    private final WorkspaceTransfer transfer;

    private WorkbenchStore(Path directory, HikariDataSource pool, Clock clock) {
        this.directory = directory;
        this.pool = pool;
        Jdbc jdbc = new Jdbc(pool, clock);
        String[] path = new String[1];
        SyncContext context = jdbc.write("prepare sync", c -> {
            SyncTables.install(c);
            path[0] = SyncContext.databasePath(c);
            return SyncContext.register(c, clock);
        });
        this.databasePath = path[0];
        this.sync = new SyncStore(jdbc, context);
        this.workspaces = new Workspaces(jdbc, new StoreCompaction(pool, directory.resolve(FILE_NAME)));
        this.connectionProfiles = new ConnectionProfiles(jdbc);
        this.savedQueries = new SavedQueries(jdbc);
        this.queryHistory = new QueryHistory(jdbc);
        this.planCaptures = new PlanCaptures(jdbc);
        this.adviceRecords = new AdviceRecords(jdbc);
        this.preferences = new Preferences(jdbc);
        this.workloadWindows = new WorkloadWindows(jdbc);
        this.configHistory = new ConfigHistory(jdbc);
        this.learning = new LearningRecords(jdbc);
        this.transfer = new WorkspaceTransfer(jdbc);
    }

    /**
     * Opens the store in a folder, creating the folder and the database when missing and migrating the schema to
     * this Planwright's version. Takes around a second on first use: call it off the JavaFX application thread.
     *
     * @param directory the store folder, usually {@code StoreLocation.forThisMachine().path()}
     * @return the open store; close it when done
     * @throws StoreException LOCKED when another running Planwright has it open; NEWER_SCHEMA when a newer
     *                        Planwright wrote it; DAMAGED when the file is not a readable H2 database;
     *                        NOT_ACCESSIBLE when the folder or file cannot be created, read or written. In every case
     *                        the file is left as it was.
     */
    public static WorkbenchStore open(Path directory) {
        return open(directory, Clock.systemUTC());
    }

    /**
     * As {@link #open(Path)}, with the clock that stamps {@code created_at} / {@code updated_at}.
     *
     * @param clock the time source (UTC); stored times are cut to microseconds
     */
    public static WorkbenchStore open(Path directory, Clock clock) {
        return open(directory, clock, StoreUnlock.fromEnvironment());
    }

    /**
     * As {@link #open(Path, Clock)}, with where an encrypted store's key comes from ({@link StoreEncryption}).
     * {@link #open(Path)} and {@link #open(Path, Clock)} take the master password from
     * {@value StoreUnlock#MASTER_PASSWORD_ENV}, if set.
     *
     * @throws StoreException ENCRYPTED, besides the reasons of {@link #open(Path)}, when the store is encrypted and
     *                        its key cannot be had (no or a wrong master password)
     */
    public static WorkbenchStore open(Path directory, Clock clock, StoreUnlock unlock) {
        return open(directory, clock, unlock, StoreOpener.MIGRATIONS);
    }

    /** Opens with other Flyway locations (tests that play a newer Planwright). */
    static WorkbenchStore open(Path directory, Clock clock, String... migrationLocations) {
        return open(directory, clock, StoreUnlock.fromEnvironment(), migrationLocations);
    }

    private static WorkbenchStore open(Path directory, Clock clock, StoreUnlock unlock, String... migrationLocations) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(unlock, "unlock");
        Path dir = directory.toAbsolutePath().normalize();
        HikariDataSource pool = StoreOpener.open(dir, unlock, migrationLocations);
        try {
            return new WorkbenchStore(dir, pool, clock);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** @return the store folder (absolute) */
    public Path directory() {
        return directory;
    }

    /** @return the H2 database file, {@code directory()/}{@value #FILE_NAME} */
    public Path databaseFile() {
        return directory.resolve(FILE_NAME);
    }

    /** @return the workspaces (client engagements) */
    public Workspaces workspaces() {
        return workspaces;
    }

    /** @return the connection profiles of each workspace */
    public ConnectionProfiles connectionProfiles() {
        return connectionProfiles;
    }

    /** @return the saved queries of each workspace */
    public SavedQueries savedQueries() {
        return savedQueries;
    }

    /** @return the query history of each workspace */
    public QueryHistory queryHistory() {
        return queryHistory;
    }

    /** @return the captured plans of each workspace */
    public PlanCaptures planCaptures() {
        return planCaptures;
    }

    /** @return the user's preferences (global, not per workspace) */
    public Preferences preferences() {
        return preferences;
    }

    /** @return the workload analyzer's windows of every workspace */
    public WorkloadWindows workloadWindows() {
        return workloadWindows;
    }

    /** @return the server configuration history (change events, settings snapshots) of each workspace */
    public ConfigHistory configHistory() {
        return configHistory;
    }

    /** @return the learning loop's records: trial outcomes, pattern counters, feedback, estimator models */
    public LearningRecords learning() {
        return learning;
    }

    /** @return the recommendations and trials of each workspace (optimization advice) */
    public AdviceRecords adviceRecords() {
        return adviceRecords;
    }

    /** @return the outbox, sealed batches and merges of downloaded changes (the sync module's door) */
    public SyncStore sync() {
        return sync;
    }

    /** @return export and import of a workspace as one encrypted file */
    public WorkspaceTransfer transfer() {
        return transfer;
    }

    /** The pool, for tests in this package that inspect the schema. */
    DataSource dataSource() {
        return pool;
    }

    /** Closes the pool; H2 closes the file (and releases its lock) with the last connection. Idempotent. */
    @Override
    public void close() {
        SyncContext.unregister(databasePath);
        pool.close();
    }
}
