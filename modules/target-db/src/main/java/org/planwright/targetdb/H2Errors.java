package org.planwright.targetdb;

import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.planwright.targetdb.TargetException.Reason;

/**
 * Turns H2 exceptions into {@link TargetException}s by H2's error codes ({@code org.h2.api.ErrorCode}; for most
 * of them the number is also the SQLSTATE). H2 marks the error position inside its message with {@code [*]}:
 * that marker is the only position H2 gives.
 */
final class H2Errors {

    private static final Pattern HEX4 = Pattern.compile("[0-9a-fA-F]{4}");

    static final int WRONG_USER_OR_PASSWORD = 28000;
    static final int SYNTAX_ERROR_1 = 42000;
    static final int SYNTAX_ERROR_2 = 42001;
    static final int STATEMENT_WAS_CANCELED = 57014;
    static final int DATABASE_NOT_FOUND_1 = 90013;
    static final int DATABASE_NOT_FOUND_WITH_IF_EXISTS_1 = 90146;
    static final int DATABASE_ALREADY_OPEN_1 = 90020;
    static final int DATABASE_IS_READ_ONLY = 90097;

    private H2Errors() {
    }

    static TargetException connectFailure(SQLException e, ConnectionProfile profile) {
        String file = String.valueOf(profile.database());
        return switch (e.getErrorCode()) {
            case DATABASE_NOT_FOUND_1, DATABASE_NOT_FOUND_WITH_IF_EXISTS_1 -> new TargetException(
                    Reason.DATABASE_NOT_FOUND, "There is no H2 database file " + file + ".mv.db — check the file path",
                    e.getSQLState(), null, e);
            case WRONG_USER_OR_PASSWORD -> new TargetException(Reason.AUTHENTICATION_FAILED,
                    "Wrong user name or password for the H2 file " + file + " — check the user and password",
                    e.getSQLState(), null, e);
            case DATABASE_ALREADY_OPEN_1 -> new TargetException(Reason.OTHER, "The H2 file " + file
                    + " is open in another program — close it there, or use an H2 server URL", e.getSQLState(),
                    null, e);
            default -> new TargetException(Reason.OTHER, "Could not open the H2 file " + file + ": "
                    + firstLine(e.getMessage()), e.getSQLState(), null, e);
        };
    }

    static TargetException statementFailure(SQLException e, String sql, int shift, boolean cancelled,
                                            Duration timeout) {
        ErrorPosition pos = position(e, sql, shift);
        String text = firstLine(e.getMessage());
        return switch (e.getErrorCode()) {
            case STATEMENT_WAS_CANCELED -> cancelled
                    ? new TargetException(Reason.CANCELLED, "The statement was cancelled", e.getSQLState(), null, e)
                    : new TargetException(Reason.TIMEOUT, "The statement ran longer than the statement timeout ("
                            + timeout.toMillis() + " ms) — raise the statement timeout in the session options",
                            e.getSQLState(), null, e);
            case DATABASE_IS_READ_ONLY -> new TargetException(Reason.READ_ONLY, "The H2 file is open read-only"
                    + " (analysis session) — open a read-write session to change data", e.getSQLState(), null, e);
            case SYNTAX_ERROR_1, SYNTAX_ERROR_2 -> new TargetException(Reason.SYNTAX_ERROR, text,
                    e.getSQLState(), pos, e);
            default -> new TargetException(Reason.SQL_ERROR, text, e.getSQLState(), pos, e);
        };
    }

    /**
     * Finds H2's {@code [*]} marker in the message's quoted copy of the statement.
     *
     * @param sql   the statement as the user wrote it
     * @param shift characters Planwright put before the statement (e.g. "EXPLAIN "), negated
     */
    static ErrorPosition position(SQLException e, String sql, int shift) {
        String msg = e.getMessage();
        if (msg == null) {
            return null;
        }
        int marker = msg.indexOf("[*]");
        int quote = msg.indexOf('"');
        if (marker < 0 || quote < 0 || quote > marker) {
            return null;
        }
        String before = unquote(msg.substring(quote + 1, marker));
        int offset = before.length() + shift;
        if (offset < 0 || offset > sql.length()) {
            return null;
        }
        return ErrorPosition.fromServerPosition(sql, sql.codePointCount(0, offset) + 1);
    }

    /** H2 quotes the statement in its message with {@code ""} for {@code "} and {@code \hhhh} for control chars. */
    private static String unquote(String quoted) {
        StringBuilder sb = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '"' && i + 1 < quoted.length() && quoted.charAt(i + 1) == '"') {
                i++;
            } else if (c == '\\' && i + 4 < quoted.length() && HEX4.matcher(quoted.substring(i + 1, i + 5)).matches()) {
                c = (char) Integer.parseInt(quoted.substring(i + 1, i + 5), 16);
                i += 4;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        int code = line.lastIndexOf(" [");
        return code > 0 && line.endsWith("]") ? line.substring(0, code) : line;
    }
}
