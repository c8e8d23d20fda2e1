package org.planwright.targetdb;

/**
 * A read-write transaction on a target session that is always rolled back when closed, for what-if work that
 * needs real DDL (e.g. {@code CREATE INDEX} to cost a candidate index where HypoPG is missing) and must leave
 * the database as it was. Opened by {@link TargetSession#beginRolledBack()}.
 *
 * <p>Mind the locks: DDL inside holds its locks until {@link #close()} (CREATE INDEX: SHARE on the table, writers
 * wait; DROP INDEX: ACCESS EXCLUSIVE, readers wait too). Use it only with the DBA's consent on a shared server.
 * The session's statement timeout applies to every statement. Same thread rules as the session; the session
 * runs nothing else while the transaction is open.
 */
public interface RolledBackTransaction extends AutoCloseable {

    /**
     * Runs one statement inside the transaction.
     *
     * @param sql     one statement, e.g. {@code CREATE INDEX ...}, {@code SAVEPOINT s}, {@code EXPLAIN (FORMAT JSON) ...}
     * @param maxRows rows to keep, at least 1
     * @return its result
     * @throws TargetException as {@link TargetSession#execute}; after an error the transaction is aborted until
     *                         a {@code ROLLBACK TO SAVEPOINT}
     */
    QueryResult execute(String sql, int maxRows) throws TargetException;

    /** Rolls everything back and returns the session to autocommit; idempotent, never throws (logs failures). */
    @Override
    void close();
}
