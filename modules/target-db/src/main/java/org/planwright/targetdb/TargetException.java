package org.planwright.targetdb;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure talking to a target database, classified so the caller can react (ask for a password again,
 * offer to change the SSL mode, mark a position in the editor) and described in one line a DBA can act on.
 * Classification uses SQLSTATE codes and exception causes (PostgreSQL "Appendix A. PostgreSQL Error Codes"),
 * not message text, except where the driver gives nothing else (noted in {@link Reason}).
 */
public final class TargetException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, from the user's point of view. */
    public enum Reason {
        /** Wrong or missing password, unknown role (SQLSTATE 28P01, 28000 other than pg_hba rejections). */
        AUTHENTICATION_FAILED,
        /** The host name does not resolve or no route leads to it. */
        HOST_UNREACHABLE,
        /** Nothing listens on the host and port (TCP connection refused). */
        CONNECTION_REFUSED,
        /**
         * SSL settings do not fit the server: it has no pg_hba.conf line for an unencrypted connection, or the
         * SSL mode insists on SSL the server does not offer. PgJDBC reports the latter only in message text.
         */
        SSL_REQUIRED,
        /** The database does not exist (3D000) or the H2 file is missing. */
        DATABASE_NOT_FOUND,
        /** The connect timeout or the statement timeout ran out (57014 without a cancel request). */
        TIMEOUT,
        /** {@link TargetSession#cancel()} stopped the statement (57014 after a cancel request). */
        CANCELLED,
        /** The server could not parse the statement (42601, H2 42000/42001). */
        SYNTAX_ERROR,
        /** Any other error the server reports for a statement. */
        SQL_ERROR,
        /** The statement would write in a read-only session or transaction (25006, H2 90097). */
        READ_ONLY,
        /** The statement kind cannot be explained or checked without running it (DDL, utility commands). */
        UNSUPPORTED_STATEMENT,
        /** Anything else, e.g. the connection broke. */
        OTHER
    }

    private final Reason reason;
    private final String userMessage;
    private final String sqlState;
    private final transient ErrorPosition position;

    /**
     * @param reason      the classification
     * @param userMessage one line naming what to change; no stack trace, no newlines
     * @param sqlState    the five-character SQLSTATE, or null when there is none
     * @param position    where in the statement, or null
     * @param cause       the underlying exception, or null
     */
    public TargetException(Reason reason, String userMessage, String sqlState, ErrorPosition position,
                           Throwable cause) {
        super(reason + ": " + userMessage + (sqlState == null ? "" : " [SQLSTATE " + sqlState + "]"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.userMessage = Objects.requireNonNull(userMessage, "userMessage").replace('\n', ' ').strip();
        this.sqlState = sqlState;
        this.position = position;
    }

    /** @return the classification */
    public Reason reason() {
        return reason;
    }

    /**
     * @return one line in words a DBA acts on, e.g. "password authentication failed for user x — check ...";
     *     never carries the position: callers place {@link #position()} in their own terms (editor line, file line)
     */
    public String userMessage() {
        return userMessage;
    }

    /** @return the SQLSTATE (e.g. "28P01"), or null when the failure has none (e.g. a refused TCP connection) */
    public String sqlState() {
        return sqlState;
    }

    /** @return where in the statement the server located the error (statement errors only) */
    public Optional<ErrorPosition> position() {
        return Optional.ofNullable(position);
    }
}
