package org.planwright.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.planwright.sandbox.Sandbox;

/**
 * The test run's embedded PostgreSQL and its lazily loaded sample databases. Each sample database is loaded at
 * most once per JVM, on first request; loads are serialised (a second caller waits). Thread-safe. Closed by
 * JUnit at the end of the run (it is stored in the root extension context).
 *
 * <p>Connect to the URLs as {@link #user()} without password.
 */
public final class PostgresFixture implements AutoCloseable {

    /**
     * TPC-H scale factor for tests: loads in 10-13 s on 2 cores (lineitem ~300,000 rows, orders 75,000) and
     * the 22 queries run in about 2 s in total (measured 2026-11-23: q1 0.4 s, q9 0.3 s, the rest below 0.2 s).
     */
    public static final double TPCH_TEST_SCALE = 0.05;

    private final Sandbox sandbox;
    private final Map<Double, String> tpch = new HashMap<>();
    private final Map<Integer, String> partitioned = new HashMap<>();
    private final java.util.Set<String> tpchPrimaryKeysOnly = new java.util.HashSet<>();
    private final AtomicInteger scratchCounter = new AtomicInteger();
    private String pagila;

    PostgresFixture(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** @return the running server */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** @return the superuser's name (no password) */
    public String user() {
        return Sandbox.SUPERUSER;
    }

    /** @return JDBC URL of the {@code postgres} database */
    public String url() {
        return sandbox.jdbcUrl("postgres");
    }

    /**
     * @param database name
     * @return its JDBC URL on this server
     */
    public String url(String database) {
        return sandbox.jdbcUrl(database);
    }

    /**
     * @param database name
     * @return a new connection as the superuser
     * @throws SQLException when it cannot connect
     */
    public Connection connect(String database) throws SQLException {
        return sandbox.connect(database);
    }

    /**
     * The Pagila sample database (corpus {@code databases/pagila}, pg_dump of PostgreSQL 12: 22 tables,
     * {@code payment} partitioned by month, film 1,000 rows, rental 16,044), {@code VACUUM ANALYZE}d. Loaded on first call
     * (about 3 s); treat it as read-only, other tests share it.
     *
     * @return JDBC URL of database {@code pagila}
     * @throws IllegalStateException when the corpus is missing or the load fails (the message names the file
     *                               and line)
     * @throws UncheckedIOException  when a corpus file cannot be read
     */
    public synchronized String pagila() {
        if (pagila == null) {
            load(() -> SampleDatabases.loadPagila(sandbox, "pagila"));
            pagila = "pagila";
        }
        return sandbox.jdbcUrl(pagila);
    }

    /**
     * TPC-H at {@link #TPCH_TEST_SCALE}.
     *
     * @return JDBC URL of database {@code tpch}
     * @see #tpch(double)
     */
    public String tpch() {
        return tpch(TPCH_TEST_SCALE);
    }

    /**
     * A TPC-H database filled by the corpus' generate_series filler (not dbgen: answer sets differ; see
     * {@code databases/tpch/README.md}) at {@code scaleFactor}, with primary keys, foreign keys, the corpus'
     * indexes, and {@code VACUUM ANALYZE}. No views: q15 creates and drops its own view {@code revenue0} (see
     * {@link TpchQueries}). Row counts: lineitem about 6,000,000 x SF, orders 1,500,000 x SF. Loaded once per
     * JVM and scale factor; treat it as read-only.
     *
     * @param scaleFactor TPC-H scale factor, e.g. {@link #TPCH_TEST_SCALE}; above 0.2 the load takes minutes
     * @return JDBC URL of database {@code tpch} for the first scale factor asked for in this JVM, of
     *         {@code tpch_sf<digits>} (e.g. {@code tpch_sf0_1}) for any other
     * @throws IllegalArgumentException when {@code scaleFactor} is not in (0, 10]
     * @throws IllegalStateException    when the corpus is missing or the load fails
     * @throws UncheckedIOException     when a corpus file cannot be read
     */
    public synchronized String tpch(double scaleFactor) {
        if (!(scaleFactor > 0 && scaleFactor <= 10)) {
            throw new IllegalArgumentException("TPC-H scale factor must be in (0, 10]: " + scaleFactor);
        }
        String database = tpch.get(scaleFactor);
        if (database == null) {
            String name = tpch.isEmpty() ? "tpch"
                    : "tpch_sf" + Double.toString(scaleFactor).replace('.', '_').toLowerCase(Locale.ROOT);
            load(() -> SampleDatabases.loadTpch(sandbox, name, scaleFactor));
            tpch.put(scaleFactor, name);
            database = name;
        }
        return sandbox.jdbcUrl(database);
    }

    /**
     * TPC-H at {@code scaleFactor} with primary keys only: no foreign keys, no secondary index (what an index
     * advisor starts from), {@code VACUUM ANALYZE}d. Loaded once per JVM and scale factor; treat it as read-only.
     *
     * @param scaleFactor TPC-H scale factor in (0, 10]; {@link #TPCH_TEST_SCALE} loads in about 10 s
     * @return JDBC URL of database {@code tpch_pk_<digits>}
     * @throws IllegalStateException when the corpus is missing or the load fails
     */
    public synchronized String tpchPrimaryKeysOnly(double scaleFactor) {
        if (!(scaleFactor > 0 && scaleFactor <= 10)) {
            throw new IllegalArgumentException("TPC-H scale factor must be in (0, 10]: " + scaleFactor);
        }
        String name = "tpch_pk_" + Double.toString(scaleFactor).replace('.', '_');
        if (!tpchPrimaryKeysOnly.contains(name)) {
            load(() -> {
                sandbox.dropDatabase(name);
                sandbox.createDatabase(name);
                try (Connection c = sandbox.connect(name)) {
                    SampleDatabases.loadTpchPrimaryKeysOnly(c, scaleFactor);
                }
            });
            tpchPrimaryKeysOnly.add(name);
        }
        return sandbox.jdbcUrl(name);
    }

    /**
     * A database holding the two range-partitioned tables of {@link PartitionedTables} with {@code partitions}
     * partitions each ({@value PartitionedTables#ROWS_PER_PARTITION} rows per partition, analyzed); run
     * {@link PartitionedTables#FULL_SCAN}, {@link PartitionedTables#JOIN} or {@link PartitionedTables#AGGREGATE}
     * there for plans of thousands of nodes. Created once per JVM and partition count (2,000 partitions: a few
     * seconds); treat it as read-only.
     *
     * @param partitions partitions per table, 1 to 10,000
     * @return JDBC URL of database {@code partitions_<N>}
     * @throws IllegalArgumentException when {@code partitions} is out of range
     * @throws IllegalStateException    when the server refuses
     */
    public synchronized String partitioned(int partitions) {
        if (partitions < 1 || partitions > 10_000) {
            throw new IllegalArgumentException("partitions must be 1 to 10,000: " + partitions);
        }
        String database = partitioned.get(partitions);
        if (database == null) {
            String name = "partitions_" + partitions;
            load(() -> {
                sandbox.dropDatabase(name);
                sandbox.createDatabase(name);
                try (Connection c = sandbox.connect(name)) {
                    PartitionedTables.create(c, partitions);
                }
            });
            partitioned.put(partitions, name);
            database = name;
        }
        return sandbox.jdbcUrl(database);
    }

    /**
     * Creates an empty database for one test to change at will; drop it with {@link Sandbox#dropDatabase}.
     *
     * @param prefix a plain lower-case identifier, e.g. the test's topic
     * @return the new database's name ({@code prefix_N})
     * @throws IllegalStateException when the server refuses
     */
    public String createScratchDatabase(String prefix) {
        String name = prefix + "_" + scratchCounter.incrementAndGet();
        try {
            sandbox.dropDatabase(name);
            sandbox.createDatabase(name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create scratch database " + name + ": " + e.getMessage(), e);
        }
    }

    private interface Load {
        void run() throws SQLException, IOException;
    }

    private static void load(Load load) {
        try {
            load.run();
        } catch (SQLException e) {
            throw new IllegalStateException("Loading a sample database failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("A corpus file could not be read: " + e.getMessage(), e);
        }
    }

    /** Stops the server (and with a temporary cluster, deletes it). */
    @Override
    public void close() {
        sandbox.close();
    }
}
