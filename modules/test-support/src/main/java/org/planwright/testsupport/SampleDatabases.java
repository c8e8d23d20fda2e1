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
     * Loads Pagila ({@code databases/pagila/pagila-schema.sql} then {@code pagila-data.sql}) and analyzes it.
     * An existing database of that name is dropped first.
     */
    static void loadPagila(Sandbox sandbox, String database) throws SQLException, IOException {
        long t0 = System.nanoTime();
        recreate(sandbox, database);
        Path dir = Corpus.resolve("databases/pagila");
        try (Connection c = sandbox.connect(database)) {
            SqlScripts.run(c, dir.resolve("pagila-schema.sql"), Map.of());
            SqlScripts.run(c, dir.resolve("pagila-data.sql"), Map.of());
            analyze(c);
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
        // on a connection of its own: run on the loading connection (which holds the filler's temporary tables),
        // VACUUM left lineitem's visibility map empty (relallvisible 0), so index-only scans were costed as if every
        // row needed a heap visit until autovacuum happened to pass — plans and index advice on this data then
        // differed from run to run
        try (Connection c = sandbox.connect(database); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
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
        try (Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
        }
        LOG.info("Loaded TPC-H SF {} with primary keys only in {} ms", scaleFactor, (System.nanoTime() - t0) / 1_000_000);
    }

    private static void recreate(Sandbox sandbox, String database) throws SQLException {
        sandbox.dropDatabase(database);
        sandbox.createDatabase(database);
    }

    private static void analyze(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE");
        }
    }
}
