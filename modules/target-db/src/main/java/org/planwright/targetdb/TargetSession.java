package org.planwright.targetdb;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.planwright.plans.TableStatistics;

/**
 * An open connection to a target database (PostgreSQL or an H2 file), opened by {@link TargetConnector}.
 *
 * <p>Thread rules: a session is used by one thread at a time, except {@link #cancel()}, which any thread may call
 * while another blocks in {@link #execute}, {@link #explain} or {@link #checkSyntax}. The blocking calls are meant
 * for virtual threads, never the FX thread. Close the session when done; closing while a statement runs cancels
 * it.
 */
public sealed interface TargetSession extends AutoCloseable permits PostgresSession, H2Session {

    /** @return the profile this session was opened with */
    ConnectionProfile profile();

    /** @return the options this session was opened with */
    SessionOptions options();

    /** @return server version and extensions, read once when the session opened */
    ServerInfo serverInfo();

    /**
     * Runs one statement as typed. Query results are read {@link SessionOptions#fetchSize()} rows at a time
     * (PgJDBC cursor mode, inside a short transaction when the session is in autocommit), so a huge result never
     * loads into memory; at most {@code maxRows} rows are kept.
     *
     * @param sql     one statement; a trailing semicolon is allowed
     * @param maxRows rows to keep, at least 1 ({@link Integer#MAX_VALUE} for all)
     * @return columns, rows, update count, elapsed ms and server notices
     * @throws TargetException with {@code SYNTAX_ERROR} / {@code SQL_ERROR} (with position when the server gives
     *                         one), {@code TIMEOUT}, {@code CANCELLED}, {@code OTHER}, or {@code READ_ONLY}: the
     *                         server refused a write, or, in a read-only session, the statement would switch the
     *                         session to read-write (SET default_transaction_read_only, ... READ WRITE, RESET ALL,
     *                         DISCARD ALL) and was not sent
     */
    QueryResult execute(String sql, int maxRows) throws TargetException;

    /**
     * Captures the plan of one statement, following the safety rules: the EXPLAIN runs in a transaction that is
     * always rolled back (even on error or cancel); it is read-only except for EXPLAIN ANALYZE of
     * INSERT/UPDATE/DELETE/MERGE and data-modifying WITH, whose changes the rollback undoes. Statements that
     * EXPLAIN cannot take (DDL, utility commands, EXPLAIN itself, several statements) are refused.
     *
     * @param statementSql the statement without EXPLAIN
     * @param options      ANALYZE, BUFFERS, ...; PostgreSQL output is always FORMAT JSON
     * @return the raw plan text with the context needed to read it later
     * @throws TargetException {@code UNSUPPORTED_STATEMENT} for a refused statement, else as {@link #execute}
     */
    ExplainResult explain(String statementSql, ExplainOptions options) throws TargetException;

    /**
     * Asks the server to parse and analyze a statement without running it: on PostgreSQL a protocol Parse and
     * Describe without Execute (PgJDBC's describe-only round trip, the statement is never bound or run, so no
     * transaction is needed and DDL and utility commands such as VACUUM can be checked too); on H2 a prepare.
     * Grammar errors come back for every statement kind; unknown tables and columns only for queries and DML,
     * which PostgreSQL analyzes at parse time.
     *
     * @param sql one statement
     * @return the first error with its line/column within {@code sql}, or empty when the server accepts it
     * @throws TargetException when the check itself fails (connection lost, timeout, cancel)
     */
    Optional<SyntaxError> checkSyntax(String sql) throws TargetException;

    /**
     * Reads the planner-statistics facts of tables from {@code pg_stat_user_tables} (last manual and automatic
     * ANALYZE, live rows, rows modified since the last analyze), for the stale-statistics insight. Read-only, one
     * query, under the session's statement timeout; cancellable like {@link #execute}. Tables the server does not
     * know, system tables and other sessions' temporary tables are left out. H2 has no such view: an empty list.
     *
     * @param qualifiedNames tables as a plan names them: "schema.table" (EXPLAIN VERBOSE), or "table", which is
     *                       looked up through the session's search_path; names are not quoted ("Order Items")
     * @return one entry per table found, in no particular order
     * @throws TargetException {@code TIMEOUT}, {@code CANCELLED} or {@code OTHER} (connection lost), as
     *                         {@link #execute}
     */
    default List<TableStatistics> tableStatistics(Collection<String> qualifiedNames) throws TargetException {
        return List.of();
    }

    /**
     * Opens a read-write transaction that is always rolled back on {@link RolledBackTransaction#close()}, even in a
     * read-only analysis session ({@code SET TRANSACTION READ WRITE} for this transaction only). PostgreSQL only.
     *
     * @return the open transaction; close it
     * @throws TargetException {@code UNSUPPORTED_STATEMENT} on H2, {@code OTHER} when a transaction is already open
     *                         or the connection broke
     */
    default RolledBackTransaction beginRolledBack() throws TargetException {
        throw new TargetException(TargetException.Reason.UNSUPPORTED_STATEMENT,
                "Rolled-back what-if transactions need PostgreSQL", null, null, null);
    }

    /**
     * Cancels the statement running on another thread (PgJDBC sends a cancel request on a new connection; H2
     * cancels in-process). The blocked call then throws {@link TargetException} with {@code CANCELLED}.
     * Callable from any thread; does nothing when no statement runs.
     *
     * @return true when a running statement was asked to stop
     */
    boolean cancel();

    /** @return true while a statement runs on this session */
    boolean isBusy();

    /** Closes the connection; idempotent, never throws (failures are logged). */
    @Override
    void close();
}
