package org.planwright.workload;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.ServerInfo;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * Takes a {@link WorkloadSnapshot} of a live PostgreSQL server: {@code pg_stat_statements} (every column this
 * server's version has, with the database's name), {@code pg_stat_database}, and the connected database's
 * {@code pg_stat_user_tables} and {@code pg_stat_user_indexes}, with the server's clock. Four read-only queries under the session's statement timeout; they carry the marker {@value
 * WorkloadAnalyzer#OWN_MARKER} so that they never count as workload.
 *
 * <p>Blocking; use from one thread at a time (the session's rule), never the JavaFX thread.
 */
public final class StatisticsReader {

    private static final String STATEMENTS = "SELECT /* " + WorkloadAnalyzer.OWN_MARKER + " */ s.*, d.datname"
            + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid";
    private static final String DATABASES = "SELECT /* " + WorkloadAnalyzer.OWN_MARKER + " */ *,"
            + " now() AS planwright_taken_at FROM pg_stat_database WHERE datname IS NOT NULL";
    private static final String TABLES = "SELECT /* " + WorkloadAnalyzer.OWN_MARKER + " */ * FROM pg_stat_user_tables";
    private static final String INDEXES = "SELECT /* " + WorkloadAnalyzer.OWN_MARKER + " */ * FROM pg_stat_user_indexes";

    private final TargetSession session;

    /** @param session an open PostgreSQL session (read-only analysis sessions are fine) */
    public StatisticsReader(TargetSession session) {
        this.session = session;
    }

    /**
     * Whether a snapshot can be taken, and if not, what the DBA must do.
     *
     * @return empty when {@code pg_stat_statements} is loaded and installed in the connected database, else the
     *         reason in a sentence that names the fix
     */
    public java.util.Optional<String> unavailableReason() {
        ServerInfo info = session.serverInfo();
        if (!"PostgreSQL".equals(info.product())) {
            return java.util.Optional.of("workload statistics need PostgreSQL; this is " + info.product());
        }
        if (!info.pgStatStatementsLoaded()) {
            return java.util.Optional.of("pg_stat_statements is not loaded: add it to shared_preload_libraries "
                    + "in postgresql.conf and restart the server");
        }
        if (!info.pgStatStatementsInstalled()) {
            return java.util.Optional.of("pg_stat_statements is not installed in database " + info.database()
                    + ": run CREATE EXTENSION pg_stat_statements there");
        }
        return java.util.Optional.empty();
    }

    /**
     * @param databases the databases whose statements to keep; empty for all
     * @return the snapshot, timed by the server's clock
     * @throws TargetException when the statistics cannot be read ({@code SQL_ERROR} with the server's message
     *                         when pg_stat_statements is missing), or on timeout/cancel
     */
    public WorkloadSnapshot take(Set<String> databases) throws TargetException {
        QueryResult dbs = session.execute(DATABASES, Integer.MAX_VALUE);
        QueryResult stmts = session.execute(STATEMENTS, Integer.MAX_VALUE);
        Instant takenAt = Instant.now();
        List<DatabaseCounters> dbCounters = new ArrayList<>();
        int i = 0;
        for (Map<String, Object> row : rows(dbs)) {
            Object t = row.get("planwright_taken_at");
            if (t instanceof java.sql.Timestamp ts) {
                takenAt = ts.toInstant();
            } else if (t instanceof OffsetDateTime odt) {
                takenAt = odt.toInstant();
            }
            DatabaseCounters d = StatRows.database(StatRow.of(row, "pg_stat_database row " + (++i)));
            if (databases.isEmpty() || databases.contains(d.database())) {
                dbCounters.add(d);
            }
        }
        List<StatementCounters> statements = new ArrayList<>();
        i = 0;
        for (Map<String, Object> row : rows(stmts)) {
            StatementCounters s = StatRows.statement(StatRow.of(row, "pg_stat_statements row " + (++i)));
            if (databases.isEmpty() || databases.contains(s.database())) {
                statements.add(s);
            }
        }
        List<TableCounters> tables = new ArrayList<>();
        i = 0;
        for (Map<String, Object> row : rows(session.execute(TABLES, Integer.MAX_VALUE))) {
            tables.add(StatRows.table(StatRow.of(row, "pg_stat_user_tables row " + (++i))));
        }
        List<IndexCounters> indexes = new ArrayList<>();
        i = 0;
        for (Map<String, Object> row : rows(session.execute(INDEXES, Integer.MAX_VALUE))) {
            indexes.add(StatRows.index(StatRow.of(row, "pg_stat_user_indexes row " + (++i))));
        }
        return new WorkloadSnapshot(takenAt, session.serverInfo().versionNum(), statements, dbCounters, tables,
                indexes);
    }

    private static List<Map<String, Object>> rows(QueryResult result) {
        List<Map<String, Object>> out = new ArrayList<>(result.rows().size());
        for (Object[] values : result.rows()) {
            Map<String, Object> row = new HashMap<>();
            for (int c = 0; c < values.length; c++) {
                row.put(result.columns().get(c).name(), values[c]);
            }
            out.add(row);
        }
        return out;
    }
}
