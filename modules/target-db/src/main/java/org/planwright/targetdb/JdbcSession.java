package org.planwright.targetdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import org.planwright.sqltext.SqlScript;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.StatementKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What PostgreSQL and H2 sessions share: the connection, the statement that is running (for {@link #cancel()}),
 * and running one statement into a {@link QueryResult}.
 */
abstract sealed class JdbcSession permits PostgresSession, H2Session {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSession.class);

    final Connection connection;
    final ConnectionProfile profile;
    final SessionOptions options;
    private volatile Statement running;
    private volatile boolean cancelRequested;

    JdbcSession(Connection connection, ConnectionProfile profile, SessionOptions options) {
        this.connection = connection;
        this.profile = profile;
        this.options = options;
    }

    /** @return the exception for a failed statement; {@code sent} is the text sent, {@code shift} maps positions */
    abstract TargetException translate(SQLException e, String sent, int shift, boolean cancelled);

    /** Statement-level settings before it runs (H2 query timeout); PostgreSQL uses the session setting. */
    void prepare(Statement st) throws SQLException {
        st.setFetchSize(options.fetchSize());
    }

    /** @return true when a query may be read through a cursor in a transaction of its own */
    abstract boolean canUseCursor() throws SQLException;

    public ConnectionProfile profile() {
        return profile;
    }

    public SessionOptions options() {
        return options;
    }

    public QueryResult execute(String sql, int maxRows) throws TargetException {
        Objects.requireNonNull(sql, "sql");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
        }
        if (options.readOnly()) {
            var attempt = ReadOnlyGuard.switchAttempt(sql);
            if (attempt.isPresent()) {
                throw new TargetException(TargetException.Reason.READ_ONLY, "This is a read-only analysis session: "
                        + attempt.get() + " would let statements change data — open a read-write session instead",
                        null, null, null);
            }
        }
        StatementKind kind = SqlStatement.of(sql).kind();
        long t0 = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            prepare(st);
            if (maxRows < Integer.MAX_VALUE) {
                st.setMaxRows(maxRows + 1);
            }
            boolean ownTransaction = kind == StatementKind.QUERY && connection.getAutoCommit() && canUseCursor();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            try {
                QueryResult result = run(st, sql, maxRows, t0);
                if (ownTransaction) {
                    connection.commit();
                }
                return result;
            } catch (SQLException e) {
                if (ownTransaction) {
                    rollbackQuietly();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw translate(e, sql, 0, cancelRequested);
        }
    }

    /** Runs one statement in the transaction the caller opened (no read-only guard: the caller owns it). */
    final QueryResult runInTransaction(String sql, int maxRows) throws TargetException {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
        }
        long t0 = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            prepare(st);
            if (maxRows < Integer.MAX_VALUE) {
                st.setMaxRows(maxRows + 1);
            }
            return run(st, sql, maxRows, t0);
        } catch (SQLException e) {
            throw translate(e, sql, 0, cancelRequested);
        }
    }

    private QueryResult run(Statement st, String sql, int maxRows, long t0) throws SQLException {
        begin(st);
        try {
            boolean hasResultSet = execute(st, sql);
            ResultReader.Rows rows = new ResultReader.Rows(List.of(), List.of(), false);
            long updateCount = -1;
            if (hasResultSet) {
                try (ResultSet rs = st.getResultSet()) {
                    rows = ResultReader.read(rs, maxRows);
                }
            } else {
                updateCount = st.getLargeUpdateCount();
            }
            double elapsed = (System.nanoTime() - t0) / 1e6;
            return new QueryResult(rows.columns(), rows.rows(), rows.truncated(), updateCount, elapsed,
                    ResultReader.notices(st));
        } finally {
            end();
        }
    }

    /** Runs {@code sql} on {@code st}: {@link Statement#execute(String)} unless the server needs another way. */
    boolean execute(Statement st, String sql) throws SQLException {
        return st.execute(sql);
    }

    /** Marks {@code st} as the statement {@link #cancel()} stops. */
    final void begin(Statement st) {
        cancelRequested = false;
        running = st;
    }

    final void end() {
        running = null;
    }

    final boolean cancelRequested() {
        return cancelRequested;
    }

    public boolean cancel() {
        Statement st = running;
        if (st == null) {
            return false;
        }
        cancelRequested = true;
        try {
            st.cancel();
            LOG.debug("Cancel sent for a statement on {}", profile.name());
            return true;
        } catch (SQLException e) {
            LOG.warn("Cancel failed on {}: {}", profile.name(), e.getMessage());
            return false;
        }
    }

    public boolean isBusy() {
        return running != null;
    }

    final void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed on {}: {}", profile.name(), e.getMessage());
        }
    }

    /**
     * The one statement EXPLAIN may take.
     *
     * @throws TargetException UNSUPPORTED_STATEMENT for several statements, DDL, utility commands, EXPLAIN
     */
    static SqlStatement explainable(String sql) throws TargetException {
        List<SqlStatement> all = SqlScript.split(Objects.requireNonNull(sql, "statementSql"));
        if (all.isEmpty()) {
            throw new TargetException(TargetException.Reason.UNSUPPORTED_STATEMENT,
                    "There is no statement to explain — select or type one", null, null, null);
        }
        if (all.size() > 1) {
            throw new TargetException(TargetException.Reason.UNSUPPORTED_STATEMENT,
                    "EXPLAIN takes one statement, this text has " + all.size()
                            + " — put the caret on one statement or select it", null, null, null);
        }
        SqlStatement s = all.getFirst();
        if (s.kind() == StatementKind.EXPLAIN) {
            throw new TargetException(TargetException.Reason.UNSUPPORTED_STATEMENT,
                    "The statement already starts with EXPLAIN — remove it; Planwright adds EXPLAIN with the"
                            + " chosen options", null, null, null);
        }
        if (!s.kind().isExplainable()) {
            throw new TargetException(TargetException.Reason.UNSUPPORTED_STATEMENT,
                    "EXPLAIN only takes SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES or WITH — "
                            + (s.command().isEmpty() ? "this statement" : s.command())
                            + " has no execution plan", null, null, null);
        }
        return s;
    }

    public void close() {
        Statement st = running;
        if (st != null) {
            cancel();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the connection to {} failed: {}", profile.name(), e.getMessage());
        }
    }
}
