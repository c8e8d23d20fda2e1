package org.planwright.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import org.planwright.sandbox.Sandbox;

/**
 * The test run's embedded PostgreSQL and its lazily loaded sample databases. Thread-safe. Closed by JUnit
 * at the end of the run (it is stored in the root extension context).
 */
public final class PostgresFixture implements AutoCloseable {

    private final Sandbox sandbox;

    PostgresFixture(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** @return the running server */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** @return JDBC URL of the {@code postgres} database */
    public String url() {
        return sandbox.jdbcUrl("postgres");
    }

    /**
     * @param database name
     * @return a new connection as the superuser
     * @throws SQLException when it cannot connect
     */
    public Connection connect(String database) throws SQLException {
        return sandbox.connect(database);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
