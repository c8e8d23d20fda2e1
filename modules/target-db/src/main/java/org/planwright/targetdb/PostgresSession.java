package org.planwright.targetdb;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planwright.sqltext.ExplainStatements;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.SqlToken;
import org.planwright.sqltext.SqlLexer;
import org.planwright.targetdb.TargetException.Reason;
import org.planwright.plans.TableStatistics;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.BaseStatement;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLException;

/** A session on PostgreSQL through PgJDBC. See {@link TargetSession} for the contract and thread rules. */
final class PostgresSession extends JdbcSession implements TargetSession {

    /** Settings that change plans (PostgreSQL "Query Planning" and "Resource Consumption"), plus all enable_*. */
    static final List<String> PLAN_SETTINGS = List.of("work_mem", "hash_mem_multiplier", "random_page_cost",
            "seq_page_cost", "cpu_tuple_cost", "cpu_index_tuple_cost", "cpu_operator_cost", "effective_cache_size",
            "shared_buffers", "effective_io_concurrency", "max_parallel_workers_per_gather", "parallel_setup_cost",
            "parallel_tuple_cost", "jit", "default_statistics_target", "from_collapse_limit", "join_collapse_limit",
            "geqo_threshold", "plan_cache_mode", "track_io_timing");

    private final ServerInfo serverInfo;

    PostgresSession(Connection connection, ConnectionProfile profile, SessionOptions options) throws SQLException {
        super(connection, profile, options);
        try (Statement st = connection.createStatement()) {
            st.execute("SET statement_timeout = " + options.statementTimeout().toMillis());
            if (options.readOnly()) {
                st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            }
        }
        this.serverInfo = readServerInfo();
    }

    /**
     * Reads server facts any role may read: shared_preload_libraries is superuser-only, so "loaded" is told by
     * the pg_stat_statements.* settings, which exist once the library is loaded (by preloading, in practice).
     */
    private ServerInfo readServerInfo() throws SQLException {
        String sql = """
                SELECT current_setting('server_version'), current_setting('server_version_num')::int,
                       current_database(), session_user,
                       EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'),
                       EXISTS (SELECT 1 FROM pg_settings WHERE name = 'pg_stat_statements.max'),
                       pg_is_in_recovery()""";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return new ServerInfo("PostgreSQL", rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                    rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7));
        }
    }

    @Override
    public ServerInfo serverInfo() {
        return serverInfo;
    }

    @Override
    boolean canUseCursor() throws SQLException {
        return transactionIdle();
    }

    private boolean transactionIdle() throws SQLException {
        return connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
    }

    @Override
    TargetException translate(SQLException e, String sent, int shift, boolean cancelled) {
        return PostgresErrors.statementFailure(e, sent, shift, sent, cancelled, options.statementTimeout());
    }

    @Override
    public ExplainResult explain(String statementSql, ExplainOptions options) throws TargetException {
        SqlStatement stmt = explainable(statementSql);
        boolean writes = options.useAnalyze() && stmt.kind().isDml();
        int version = serverInfo.versionNum();
        String sent = ExplainStatements.explain(stmt, options.useAnalyze(), options.buffersOn(version),
                options.useVerbose(), options.settingsOn(version));
        // the statement text follows the option list unchanged: map server positions back onto it
        int prefixLength = sent.length() - stmt.text().length();
        try {
            if (!connection.getAutoCommit() || !transactionIdle()) {
                throw new TargetException(Reason.OTHER, "A transaction is open in this session — COMMIT or ROLLBACK"
                        + " it first; EXPLAIN runs in a transaction of its own that is always rolled back",
                        null, null, null);
            }
        } catch (SQLException e) {
            throw translate(e, sent, 0, false);
        }
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute(writes ? "SET TRANSACTION READ WRITE" : "SET TRANSACTION READ ONLY");
                Map<String, String> settings = planSettings();
                long t0 = System.nanoTime();
                begin(st);
                String json;
                try (ResultSet rs = st.executeQuery(sent)) {
                    StringBuilder sb = new StringBuilder();
                    while (rs.next()) {
                        sb.append(rs.getString(1));
                    }
                    json = sb.toString();
                } finally {
                    end();
                }
                double elapsed = (System.nanoTime() - t0) / 1e6;
                return new ExplainResult(json, ExplainResult.PlanFormat.POSTGRES_JSON, options, true, elapsed,
                        serverInfo.version(), serverInfo.versionNum(), Instant.now(), settings);
            }
        } catch (SQLException e) {
            int shift = stmt.startOffset() - prefixLength;
            throw PostgresErrors.statementFailure(e, sent, shift, statementSql, cancelRequested(),
                    this.options.statementTimeout());
        } finally {
            rollbackQuietly();
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // the connection is broken; the next call reports it
            }
        }
    }

    /**
     * A statement with {@code $n} parameters outside strings and comments (e.g. {@code EXPLAIN (GENERIC_PLAN)} of a
     * pg_stat_statements text) goes over the simple query protocol: over the extended protocol PgJDBC would bind no
     * values for them and the server refuses ("bind message supplies 0 parameters, but prepared statement requires
     * n"); psql sends such text the simple way too. Everything else keeps the extended protocol.
     */
    @Override
    boolean execute(Statement st, String sql) throws SQLException {
        for (SqlToken t : SqlLexer.tokenize(sql)) {
            if (t.type() == SqlToken.Type.PARAMETER) {
                return st.unwrap(BaseStatement.class).executeWithFlags(sql, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE);
            }
        }
        return st.execute(sql);
    }

    @Override
    public RolledBackTransaction beginRolledBack() throws TargetException {
        try {
            if (!connection.getAutoCommit() || !transactionIdle()) {
                throw new TargetException(Reason.OTHER, "A transaction is open in this session — COMMIT or ROLLBACK"
                        + " it first", null, null, null);
            }
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("SET TRANSACTION READ WRITE");
            }
        } catch (SQLException e) {
            endRolledBack();
            throw translate(e, "SET TRANSACTION READ WRITE", 0, false);
        }
        return new RolledBackTransaction() {
            private boolean closed;

            @Override
            public QueryResult execute(String sql, int maxRows) throws TargetException {
                if (closed) {
                    throw new IllegalStateException("the rolled-back transaction is closed");
                }
                return runInTransaction(sql, maxRows);
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    endRolledBack();
                }
            }
        };
    }

    private void endRolledBack() {
        rollbackQuietly();
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is broken; the next call reports it
        }
    }

    /** @return planner settings as SHOW prints them, by name */
    Map<String, String> planSettings() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name, current_setting(name) FROM pg_settings"
                + " WHERE name = ANY (?) OR name LIKE 'enable\\_%' ORDER BY name")) {
            Array names = connection.createArrayOf("text", PLAN_SETTINGS.toArray());
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /**
     * Qualified names match pg_stat_user_tables by schema and table name; bare names resolve through the
     * search_path ({@code to_regclass} of the quoted name, so a missing table gives NULL, not an error).
     */
    static final String TABLE_STATISTICS_SQL = """
            SELECT s.schemaname, s.relname, s.last_analyze, s.last_autoanalyze, s.n_live_tup, s.n_mod_since_analyze
            FROM pg_stat_user_tables s
            JOIN unnest(?::text[], ?::text[]) AS w(nsp, rel)
              ON s.relname = w.rel
             AND (w.nsp = s.schemaname OR w.nsp = '' AND s.relid = to_regclass(quote_ident(w.rel)))""";

    @Override
    public List<TableStatistics> tableStatistics(Collection<String> qualifiedNames) throws TargetException {
        if (qualifiedNames.isEmpty()) {
            return List.of();
        }
        List<String> schemas = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (String name : new java.util.LinkedHashSet<>(qualifiedNames)) {
            int dot = name.indexOf('.');
            schemas.add(dot < 0 ? "" : name.substring(0, dot));
            relations.add(dot < 0 ? name : name.substring(dot + 1));
        }
        try (PreparedStatement ps = connection.prepareStatement(TABLE_STATISTICS_SQL)) {
            ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            ps.setArray(2, connection.createArrayOf("text", relations.toArray()));
            begin(ps);
            List<TableStatistics> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TableStatistics(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                            rs.getLong(5), rs.getLong(6)));
                }
            } finally {
                end();
            }
            return out;
        } catch (SQLException e) {
            throw translate(e, TABLE_STATISTICS_SQL, 0, cancelRequested());
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    public Optional<SyntaxError> checkSyntax(String sql) throws TargetException {
        String escaped = escapeQuestionMarks(sql);
        try (PreparedStatement ps = connection.prepareStatement(escaped)) {
            begin(ps);
            try {
                ps.getParameterMetaData(); // PgJDBC: Parse + Describe, no Execute
            } finally {
                end();
            }
            return Optional.empty();
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state != null && state.startsWith("42") && e instanceof PSQLException p
                    && p.getServerErrorMessage() != null) {
                int raw = p.getServerErrorMessage().getPosition();
                return Optional.of(new SyntaxError(PostgresErrors.serverMessage(e), state,
                        ErrorPosition.fromServerPosition(sql, raw)));
            }
            throw translate(e, sql, 0, cancelRequested());
        }
    }

    /**
     * PgJDBC takes {@code ?} outside literals as a JDBC parameter and {@code ??} as a literal {@code ?}: double
     * the question marks of operators (jsonb {@code ?}, {@code ?|}, {@code ?&}) so they reach the server as typed.
     */
    static String escapeQuestionMarks(String sql) {
        if (sql.indexOf('?') < 0) {
            return sql;
        }
        StringBuilder sb = new StringBuilder(sql.length() + 8);
        for (SqlToken t : SqlLexer.tokenize(sql)) {
            sb.append(t.type() == SqlToken.Type.OPERATOR ? t.text().replace("?", "??") : t.text());
        }
        return sb.toString();
    }
}
