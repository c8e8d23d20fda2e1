package org.planwright.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.planwright.sandbox.Sandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the corpus' sample databases into a sandbox. Callers serialise the loads ({@link PostgresFixture}). */
final class SampleDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(SampleDatabases.class);

    private SampleDatabases() {
    }

    /**
     * Loads Pagila ({@code databases/pagila/pagila-schema.sql} then {@code pagila-data.sql}), then
     * {@link #settle settles} it ({@code VACUUM ANALYZE} after a WAL flush). An existing database of that name is
     * dropped first.
     */
    static void loadPagila(Sandbox sandbox, String database) throws SQLException, IOException {
        long t0 = System.nanoTime();
        recreate(sandbox, database);
        Path dir = Corpus.resolve("databases/pagila");
        try (Connection c = sandbox.connect(database)) {
            SqlScripts.run(c, dir.resolve("pagila-schema.sql"), Map.of());
            SqlScripts.run(c, dir.resolve("pagila-data.sql"), Map.of());
        }
        // analyzed only, Pagila's visibility map stayed empty until autovacuum's insert threshold fired (about a
        // minute later, in the middle of whichever test was running): its plans changed under that test
        try (Connection c = sandbox.connect(database)) {
            settle(c);
        }
        LOG.info("Loaded Pagila into {} in {} ms", database, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Builds TPC-H: DDL from {@code sql/tpch/schema/tpch-create.sql}, data from
     * {@code databases/tpch/tpch-fill-generate_series.sql} with psql variable {@code sf} = {@code scaleFactor},
     * then primary keys ({@code tpch-pkeys.sql}), foreign keys ({@code tpch-alter.sql}), indexes
     * ({@code tpch-index.sql}) and {@code VACUUM ANALYZE}, the order the corpus README gives.
     */
    static void loadTpch(Sandbox sandbox, String database, double scaleFactor) throws SQLException, IOException {
        long t0 = System.nanoTime();
        recreate(sandbox, database);
        Path schema = Corpus.resolve("sql/tpch/schema");
        Map<String, String> sf = Map.of("sf", Double.toString(scaleFactor));
        try (Connection c = sandbox.connect(database)) {
            SqlScripts.run(c, schema.resolve("tpch-create.sql"), Map.of());
            SqlScripts.run(c, Corpus.resolve("databases/tpch/tpch-fill-generate_series.sql"), sf);
            SqlScripts.run(c, schema.resolve("tpch-pkeys.sql"), Map.of());
            SqlScripts.run(c, schema.resolve("tpch-alter.sql"), Map.of());
            SqlScripts.run(c, schema.resolve("tpch-index.sql"), Map.of());
        }
        try (Connection c = sandbox.connect(database)) {
            settle(c);
        }
        LOG.info("Loaded TPC-H SF {} into {} in {} ms", scaleFactor, database, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Fills an empty database with TPC-H at {@code scaleFactor}: DDL, the corpus filler, primary keys only (no
     * foreign keys, no secondary index), {@code VACUUM ANALYZE}. The starting point of index advice.
     */
    static void loadTpchPrimaryKeysOnly(Connection c, double scaleFactor) throws SQLException, IOException {
        long t0 = System.nanoTime();
        Path schema = Corpus.resolve("sql/tpch/schema");
        SqlScripts.run(c, schema.resolve("tpch-create.sql"), Map.of());
        SqlScripts.run(c, Corpus.resolve("databases/tpch/tpch-fill-generate_series.sql"),
                Map.of("sf", Double.toString(scaleFactor)));
        SqlScripts.run(c, schema.resolve("tpch-pkeys.sql"), Map.of());
        settle(c);
        LOG.info("Loaded TPC-H SF {} with primary keys only in {} ms", scaleFactor, (System.nanoTime() - t0) / 1_000_000);
    }

    private static void recreate(Sandbox sandbox, String database) throws SQLException {
        sandbox.dropDatabase(database);
        sandbox.createDatabase(database);
    }

    /**
     * Flushes the WAL, then {@code VACUUM ANALYZE}: every table's visibility map set (relallvisible = relpages) and
     * statistics gathered, so that plans on the loaded data do not change when autovacuum passes later.
     *
     * <p>Why the flush: the TPC-H filler commits asynchronously ({@code SET synchronous_commit = off}), and VACUUM
     * marks a page all-visible only when its tuples' inserting transactions are hinted committed, which PostgreSQL
     * does not do while the commit record may still be unflushed (heapam_visibility.c, SetHintBits;
     * pruneheap.c, "we can't set the PD_ALL_VISIBLE flag if the inserter committed asynchronously"). VACUUM ran
     * right after the load, within the WAL writer's delay (200 ms), so the first tables it visited (supplier, part,
     * partsupp, customer: relallvisible 0) kept an empty visibility map while the later, larger ones (lineitem,
     * orders) were set — which tables depended on timing. One synchronously committed transaction flushes the WAL up
     * to its commit record, every asynchronous commit before it included (xact.c, RecordTransactionCommit).
     *
     * @param c a connection to the loaded database, in auto-commit mode
     */
    static void settle(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET synchronous_commit = on");
            st.execute("SELECT pg_current_xact_id()"); // assigns an xid: its commit flushes the WAL
            st.execute("VACUUM ANALYZE");
        }
    }
}
