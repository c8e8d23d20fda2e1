package org.planwright.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Captures the real plan of a query before and after a schema change (typically {@code CREATE INDEX}) on a shared
 * sample database without changing it: everything runs in one transaction that is rolled back (PostgreSQL's DDL
 * is transactional). Plans are {@code EXPLAIN (ANALYZE, BUFFERS, VERBOSE, FORMAT JSON)} text as the server
 * returns it. The transaction holds its DDL locks until the rollback, so run it from one test thread.
 */
public final class IndexExperiment {

    /** The EXPLAIN options used for both plans. */
    public static final String EXPLAIN = "EXPLAIN (ANALYZE, BUFFERS, VERBOSE, FORMAT JSON) ";

    /**
     * @param before the "before" plan (JSON text)
     * @param after  the "after" plan (JSON text)
     */
    public record Plans(String before, String after) {
    }

    private IndexExperiment() {
    }

    /**
     * {@link #capture(Connection, String, List, List)} on a new connection to {@code database}.
     *
     * @param fixture  the test server
     * @param database the database name, e.g. the last path segment of {@link PostgresFixture#tpch()}
     * @return both plans
     * @throws IllegalStateException when a statement fails (the transaction is rolled back)
     */
    public static Plans capture(PostgresFixture fixture, String database, String query, List<String> setupBefore,
                                List<String> change) {
        try (Connection c = fixture.connect(database)) {
            return capture(c, query, setupBefore, change);
        } catch (SQLException e) {
            throw new IllegalStateException("plan capture failed: " + e.getMessage(), e);
        }
    }

    /**
     * Two parameter sets of one statement: both queries explained in one rolled-back transaction after
     * {@code setup} (e.g. {@code SET LOCAL enable_nestloop = off}).
     *
     * @param fixture     the test server
     * @param database    the database name
     * @param setup       statements run first
     * @param queryBefore the query of the "before" plan
     * @param queryAfter  the query of the "after" plan
     * @return both plans
     * @throws IllegalStateException when a statement fails
     */
    public static Plans captureTwo(PostgresFixture fixture, String database, List<String> setup, String queryBefore,
                                   String queryAfter) {
        try (Connection c = fixture.connect(database)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String s : setup) {
                    st.execute(s);
                }
                return new Plans(explain(st, queryBefore), explain(st, queryAfter));
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("plan capture failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param fixture  the test server
     * @param database the database name
     * @param query    the query to explain
     * @return its plan as the server's JSON text
     * @throws IllegalStateException when EXPLAIN fails
     */
    public static String explain(PostgresFixture fixture, String database, String query) {
        try (Connection c = fixture.connect(database)) {
            return explain(c, query);
        } catch (SQLException e) {
            throw new IllegalStateException("EXPLAIN failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param connection  a connection to the database; its auto-commit is restored afterwards
     * @param query       the query to explain
     * @param setupBefore statements that make the "before" state, e.g. dropping an existing index
     * @param change      the change under test, e.g. {@code CREATE INDEX ...}; run after the first EXPLAIN
     * @return both plans
     * @throws SQLException when a statement fails (the transaction is rolled back)
     */
    public static Plans capture(Connection connection, String query, List<String> setupBefore, List<String> change)
            throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            for (String s : setupBefore) {
                st.execute(s);
            }
            String before = explain(st, query);
            for (String s : change) {
                st.execute(s);
            }
            String after = explain(st, query);
            return new Plans(before, after);
        } finally {
            connection.rollback();
            connection.setAutoCommit(auto);
        }
    }

    /**
     * @param connection a connection to the database
     * @param query      the query to explain
     * @return its plan as the server's JSON text
     * @throws SQLException when EXPLAIN fails
     */
    public static String explain(Connection connection, String query) throws SQLException {
        try (Statement st = connection.createStatement()) {
            return explain(st, query);
        }
    }

    private static String explain(Statement st, String query) throws SQLException {
        try (ResultSet rs = st.executeQuery(EXPLAIN + query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
