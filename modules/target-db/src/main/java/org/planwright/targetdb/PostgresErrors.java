package org.planwright.targetdb;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import org.planwright.targetdb.TargetException.Reason;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns PgJDBC exceptions into {@link TargetException}s by SQLSTATE (PostgreSQL "Appendix A. PostgreSQL Error
 * Codes") and exception cause; message text is consulted only where the driver offers nothing else (the
 * pg_hba.conf file name in 28000 rejections, "SSL" in PgJDBC's own 08004 messages).
 */
final class PostgresErrors {

    private PostgresErrors() {
    }

    /**
     * @param e              what PgJDBC threw while connecting
     * @param profile        where it tried to connect
     * @param info           the connection it used (profile fields, its connection string and service)
     * @param passwordGiven  whether a password was supplied
     * @param connectTimeout the connect timeout used
     * @param elapsed        how long the attempt took: PgJDBC's login timeout throws a bare 08001 without a cause,
     *                       told apart from other 08001 failures by having used up the timeout
     */
    static TargetException connectFailure(SQLException e, ConnectionProfile profile, ConnInfo info,
                                          boolean passwordGiven,
                                          Duration connectTimeout, Duration elapsed) {
        String host = info.primary().connectHost();
        String where = host + ":" + info.primary().port();
        String user = String.valueOf(info.user());
        String db = String.valueOf(info.dbname());
        String state = e.getSQLState();
        for (Throwable t = e; t != null; t = t.getCause()) {
            switch (t) {
                case UnknownHostException u -> {
                    return new TargetException(Reason.HOST_UNREACHABLE, "The host name " + host
                            + " does not resolve — check the host in the connection profile", state, null, e);
                }
                case NoRouteToHostException n -> {
                    return new TargetException(Reason.HOST_UNREACHABLE, "No network route to " + where
                            + " — check the host, VPN or firewall", state, null, e);
                }
                case ConnectException c -> {
                    return new TargetException(Reason.CONNECTION_REFUSED, "Nothing accepts connections on " + where
                            + " — check the port, that PostgreSQL runs, and its listen_addresses", state, null, e);
                }
                case SocketTimeoutException s -> {
                    return new TargetException(Reason.TIMEOUT, "No answer from " + where + " within "
                            + connectTimeout.toSeconds() + " s — check the host and firewall, or raise the connect"
                            + " timeout", state, null, e);
                }
                default -> { }
            }
        }
        String serverText = serverMessage(e);
        if ("08001".equals(state) && e.getCause() == null
                && elapsed.toMillis() >= connectTimeout.toMillis() * 9 / 10) {
            return new TargetException(Reason.TIMEOUT, "No answer from " + where + " within "
                    + connectTimeout.toSeconds() + " s — check the host and port (is it PostgreSQL?), or raise the"
                    + " connect timeout", state, null, e);
        }
        if (state == null) {
            return new TargetException(Reason.OTHER, "Could not connect to " + where + ": " + serverText, null, null, e);
        }
        return switch (state) {
            case "28P01" -> new TargetException(Reason.AUTHENTICATION_FAILED, "Password authentication failed for user "
                    + user + " — check ~/.pgpass or the password", state, null, e);
            case "28000" -> serverText.contains("pg_hba.conf") && !profile.requiresSsl() && !encrypted(serverText)
                    ? new TargetException(Reason.SSL_REQUIRED, "The server refused user " + user + " on database " + db
                            + " without SSL (" + serverText + ") — set SSL mode to require, or ask the DBA for a"
                            + " pg_hba.conf entry", state, null, e)
                    : new TargetException(Reason.AUTHENTICATION_FAILED, serverText
                            + " — check the user name, or ask the DBA for a pg_hba.conf entry", state, null, e);
            case "3D000" -> new TargetException(Reason.DATABASE_NOT_FOUND, "Database " + db + " does not exist on "
                    + where + " — check the database name (psql -l lists them)", state, null, e);
            case "08004" -> connectionRejected(e, profile, passwordGiven, where, user, serverText);
            case "53300" -> new TargetException(Reason.OTHER, "The server has no free connection slots ("
                    + serverText + ") — try again later or raise max_connections", state, null, e);
            case "57P03" -> new TargetException(Reason.OTHER, "The server is starting up or shutting down ("
                    + serverText + ") — try again in a moment", state, null, e);
            default -> new TargetException(Reason.OTHER, "Could not connect to " + where + ": " + serverText, state,
                    null, e);
        };
    }

    /** The server names the connection's encryption at the end of a pg_hba.conf rejection (English servers). */
    private static boolean encrypted(String hbaMessage) {
        return hbaMessage.contains("SSL on") || hbaMessage.contains("SSL encryption")
                || hbaMessage.contains("GSS encryption");
    }

    private static TargetException connectionRejected(SQLException e, ConnectionProfile profile,
                                                      boolean passwordGiven, String where, String user,
                                                      String text) {
        if (text.contains("SSL") && profile.requiresSsl()) {
            return new TargetException(Reason.SSL_REQUIRED, "The server at " + where + " does not offer SSL but the"
                    + " SSL mode is " + profile.sslMode() + " — set SSL mode to prefer or disable, or turn ssl on in"
                    + " the server", e.getSQLState(), null, e);
        }
        if (!passwordGiven) {
            return new TargetException(Reason.AUTHENTICATION_FAILED, "The server asks for a password for user " + user
                    + " and none was given — enter it, or add it to ~/.pgpass", e.getSQLState(), null, e);
        }
        return new TargetException(Reason.OTHER, "The server at " + where + " rejected the connection: " + text,
                e.getSQLState(), null, e);
    }

    /**
     * @param e         what PgJDBC threw for a statement
     * @param sent      the text sent to the server
     * @param shift     added to server positions to make them relative to the user's statement (negative when
     *                  Planwright prefixed the statement, e.g. with EXPLAIN (...))
     * @param userText  the user's statement text, for positions
     * @param cancelled whether {@link TargetSession#cancel()} was called for this statement
     * @param timeout   the session's statement timeout
     */
    static TargetException statementFailure(SQLException e, String sent, int shift, String userText,
                                            boolean cancelled, Duration timeout) {
        String state = e.getSQLState();
        String text = serverMessage(e);
        ErrorPosition pos = null;
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            int raw = p.getServerErrorMessage().getPosition();
            pos = raw > 0 && raw + shift > 0 ? ErrorPosition.fromServerPosition(userText, raw + shift) : null;
        }
        if (state == null) {
            return new TargetException(Reason.OTHER, text, null, null, e);
        }
        return switch (state) {
            case "57014" -> cancelled
                    ? new TargetException(Reason.CANCELLED, "The statement was cancelled", state, null, e)
                    : new TargetException(Reason.TIMEOUT, "The statement ran longer than the statement timeout ("
                            + timeout.toMillis() + " ms) — raise the statement timeout in the session options",
                            state, null, e);
            case "25006" -> new TargetException(Reason.READ_ONLY, text + " — this is a read-only analysis session;"
                    + " open a read-write session to change data", state, pos, e);
            case "42601" -> new TargetException(Reason.SYNTAX_ERROR, text, state, pos, e);
            case "57P01", "57P02", "08000", "08003", "08006" -> new TargetException(Reason.OTHER,
                    "The connection was lost (" + text + ") — reconnect", state, null, e);
            default -> new TargetException(Reason.SQL_ERROR, text + hint(e), state, pos, e);
        };
    }

    /** The server's own message without PgJDBC's "ERROR: " prefix and detail lines. */
    static String serverMessage(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            return m.getMessage() == null ? String.valueOf(e.getMessage()) : m.getMessage();
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }

    private static String hint(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getHint() != null) {
            return " — " + p.getServerErrorMessage().getHint().replace('\n', ' ');
        }
        return "";
    }
}
