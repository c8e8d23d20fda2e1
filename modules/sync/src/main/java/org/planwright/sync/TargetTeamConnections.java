package org.planwright.sync;

import java.sql.Connection;
import java.util.Arrays;
import java.util.Objects;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetException;

/**
 * {@link TeamConnections} through target-db's {@link TargetConnector}: the profile's connection string, the
 * password given or else {@code PGPASSFILE} / {@code ~/.pgpass} (read by the driver), a connect timeout.
 */
public final class TargetTeamConnections implements TeamConnections {

    private final TargetConnector connector;
    private final ConnectionProfile profile;
    private final char[] password;
    private final SessionOptions options;

    /**
     * @param profile  the team server as a PostgreSQL profile (its user is the role that syncs)
     * @param password the password, or null for the password file; copied
     */
    public TargetTeamConnections(TargetConnector connector, ConnectionProfile profile, char[] password) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.password = password == null ? null : password.clone();
        this.options = new SessionOptions(SessionOptions.DEFAULT_CONNECT_TIMEOUT, java.time.Duration.ZERO, false,
                SessionOptions.DEFAULT_FETCH_SIZE, "Planwright sync");
    }

    @Override
    public Connection open() throws SyncException {
        try {
            return connector.openConnection(profile, password == null ? null : Arrays.copyOf(password, password.length),
                    options);
        } catch (TargetException e) {
            SyncException.Reason reason = switch (e.reason()) {
                case AUTHENTICATION_FAILED -> SyncException.Reason.AUTHENTICATION;
                case HOST_UNREACHABLE, CONNECTION_REFUSED, TIMEOUT -> SyncException.Reason.UNREACHABLE;
                default -> connectionLost(e) ? SyncException.Reason.UNREACHABLE : SyncException.Reason.FAILED;
            };
            throw new SyncException(reason, "Cannot reach the team server: " + e.userMessage()
                    + (reason == SyncException.Reason.UNREACHABLE ? " (work goes on offline; the next sync catches up)"
                    : ""), e);
        }
    }

    /** A connection that broke during the handshake (SQLSTATE class 08, or an I/O error underneath). */
    private static boolean connectionLost(TargetException e) {
        if (e.sqlState() != null && e.sqlState().startsWith("08")) {
            return true;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
