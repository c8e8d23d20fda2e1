package org.planwright.targetdb;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.planwright.sqltext.SqlStatement;

/**
 * A session on an H2 database file. H2 has no JSON plans: {@link #explain} returns H2's {@code EXPLAIN} text
 * ({@link ExplainResult.PlanFormat#H2_TEXT}); EXPLAIN ANALYZE runs in a transaction that is always rolled back.
 * Read-only sessions open the file with {@code ACCESS_MODE_DATA=r}, so EXPLAIN ANALYZE of DML needs a read-write
 * session here. See {@link TargetSession} for the contract and thread rules.
 */
final class H2Session extends JdbcSession implements TargetSession {

    private final ServerInfo serverInfo;

    H2Session(Connection connection, ConnectionProfile profile, SessionOptions options) throws SQLException {
        super(connection, profile, options);
        DatabaseMetaData md = connection.getMetaData();
        int num = md.getDatabaseMajorVersion() * 10000 + md.getDatabaseMinorVersion() * 100;
        this.serverInfo = new ServerInfo("H2", md.getDatabaseProductVersion(), num, connection.getCatalog(),
                md.getUserName(), false, false, false);
    }

    @Override
    public ServerInfo serverInfo() {
        return serverInfo;
    }

    @Override
    void prepare(Statement st) throws SQLException {
        super.prepare(st);
        long ms = options.statementTimeout().toMillis();
        if (ms > 0) {
            st.setQueryTimeout((int) Math.max(1, (ms + 999) / 1000));
        }
    }

    @Override
    boolean canUseCursor() {
        return false; // H2 spools large results to disk itself; setMaxRows bounds what is read
    }

    @Override
    TargetException translate(SQLException e, String sent, int shift, boolean cancelled) {
        return H2Errors.statementFailure(e, sent, shift, cancelled, options.statementTimeout());
    }

    @Override
    public ExplainResult explain(String statementSql, ExplainOptions options) throws TargetException {
        SqlStatement stmt = explainable(statementSql);
        String prefix = options.useAnalyze() ? "EXPLAIN ANALYZE " : "EXPLAIN ";
        String sent = prefix + stmt.text();
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                prepare(st);
                long t0 = System.nanoTime();
                begin(st);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = st.executeQuery(sent)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1));
                    }
                } finally {
                    end();
                }
                double elapsed = (System.nanoTime() - t0) / 1e6;
                return new ExplainResult(plan.toString(), ExplainResult.PlanFormat.H2_TEXT, options, true, elapsed,
                        serverInfo.version(), serverInfo.versionNum(), Instant.now(), Map.of());
            }
        } catch (SQLException e) {
            throw H2Errors.statementFailure(e, statementSql, stmt.startOffset() - prefix.length(),
                    cancelRequested(), this.options.statementTimeout());
        } finally {
            rollbackQuietly();
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // the connection is broken; the next call reports it
            }
        }
    }

    @Override
    public Optional<SyntaxError> checkSyntax(String sql) throws TargetException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.getParameterMetaData(); // H2 parsed and resolved names when preparing; nothing runs
            return Optional.empty();
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state != null && state.startsWith("42")) {
                return Optional.of(new SyntaxError(H2Errors.firstLine(e.getMessage()), state,
                        H2Errors.position(e, sql, 0)));
            }
            throw translate(e, sql, 0, false);
        }
    }
}
