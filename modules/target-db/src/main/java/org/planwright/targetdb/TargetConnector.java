package org.planwright.targetdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.postgresql.PGProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link TargetSession}s. Stateless and thread-safe; {@link #open} blocks for the TCP connect and login
 * (up to {@link SessionOptions#connectTimeout()}), so call it on a virtual thread.
 */
public final class TargetConnector {

    private static final Logger LOG = LoggerFactory.getLogger(TargetConnector.class);

    private final PgEnvironment environment;

    /** A connector that reads service files ({@code service=name} in a connection string) where libpq does. */
    public TargetConnector() {
        this(PgEnvironment.system());
    }

    /**
     * @param environment where a {@code service=name} of a profile's connection string is looked up (home,
     *                    {@code PGSERVICEFILE}, {@code PGSYSCONFDIR}); nothing else of it is applied to profiles
     */
    public TargetConnector(PgEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * Opens a session.
     *
     * @param profile  where to connect
     * @param password the password, or null/empty for none (then PgJDBC may still read the password file named
     *                 by {@code PGPASSFILE} or {@code ~/.pgpass} itself); not kept, the caller may wipe it
     *                 once this returns
     * @param options  timeouts, read-only, fetch size
     * @return the open session; the caller closes it
     * @throws TargetException with AUTHENTICATION_FAILED, HOST_UNREACHABLE, CONNECTION_REFUSED, SSL_REQUIRED,
     *                         DATABASE_NOT_FOUND, TIMEOUT or OTHER, and a one-line message naming what to change
     */
    public TargetSession open(ConnectionProfile profile, char[] password, SessionOptions options)
            throws TargetException {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(options, "options");
        boolean passwordGiven = password != null && password.length > 0;
        return profile.isPostgres() ? openPostgres(profile, password, passwordGiven, options)
                : openH2(profile, password, options);
    }

    /**
     * Opens a plain read-write JDBC connection to a PostgreSQL profile, for tools that keep their own schema on a
     * server (the team sync server): the same connection string rules, timeouts and password lookup as
     * {@link #open}, but no session wrapper, no read-only mode and no statement timeout.
     *
     * @param profile  a PostgreSQL profile
     * @param password the password, or null/empty for none (then {@code PGPASSFILE} / {@code ~/.pgpass})
     * @param options  the connect timeout and application name are used
     * @return the open connection in auto-commit mode; the caller closes it
     * @throws TargetException as {@link #open}; OTHER for an H2 profile
     */
    public Connection openConnection(ConnectionProfile profile, char[] password, SessionOptions options)
            throws TargetException {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(options, "options");
        if (!profile.isPostgres()) {
            throw new TargetException(TargetException.Reason.OTHER, profile.name() + " is not a PostgreSQL server",
                    null, null, null);
        }
        return connectPostgres(profile, password, password != null && password.length > 0, options);
    }

    private TargetSession openPostgres(ConnectionProfile profile, char[] password, boolean passwordGiven,
                                              SessionOptions options) throws TargetException {
        Connection c = connectPostgres(profile, password, passwordGiven, options);
        try {
            return new PostgresSession(c, profile, options);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new TargetException(TargetException.Reason.OTHER, "Cannot start a session on " + profile.name()
                    + ": " + e.getMessage(), null, null, e);
        }
    }

    private Connection connectPostgres(ConnectionProfile profile, char[] password, boolean passwordGiven,
                                       SessionOptions options) throws TargetException {
        ConnInfo info;
        ConnInfo.JdbcTarget target;
        try {
            info = environment.applyService(ConnInfo.of(profile));
            target = info.toJdbc();
        } catch (ConnInfoException e) {
            throw new TargetException(TargetException.Reason.OTHER, "The connection string of " + profile.name()
                    + " cannot be used: " + e.getMessage(), null, null, e);
        }
        Properties props = new Properties();
        PGProperty.CONNECT_TIMEOUT.set(props, options.connectTimeoutSeconds());
        PGProperty.LOGIN_TIMEOUT.set(props, options.connectTimeoutSeconds());
        PGProperty.CANCEL_SIGNAL_TIMEOUT.set(props, options.connectTimeoutSeconds());
        PGProperty.APPLICATION_NAME.set(props, options.applicationName());
        props.putAll(target.properties()); // the connection string's keywords win (connect_timeout, application_name)
        if (props.getProperty("connectTimeout") != null) {
            props.setProperty("loginTimeout", props.getProperty("connectTimeout"));
        }
        if (passwordGiven) {
            PGProperty.PASSWORD.set(props, new String(password));
        }
        Connection c = null;
        long t0 = System.nanoTime();
        try {
            c = DriverManager.getConnection(target.url(), props);
            LOG.info("Connected to {} ({})", profile.name(), target.url());
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            LOG.debug("Connect to {} failed", profile.name(), e);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            throw PostgresErrors.connectFailure(e, profile, info, passwordGiven, options.connectTimeout(), elapsed);
        }
    }

    private static TargetSession openH2(ConnectionProfile profile, char[] password, SessionOptions options)
            throws TargetException {
        String url = profile.effectiveJdbcUrl();
        if (profile.jdbcUrl() == null) {
            url += ";IFEXISTS=TRUE";
        }
        if (options.readOnly()) {
            url += ";ACCESS_MODE_DATA=r";
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection(url, profile.effectiveUser(),
                    password == null ? "" : new String(password));
            LOG.info("Opened H2 file {}", profile.database());
            return new H2Session(c, profile, options);
        } catch (SQLException e) {
            closeQuietly(c);
            LOG.debug("Opening H2 {} failed", profile.name(), e);
            throw H2Errors.connectFailure(e, profile);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Close after a failed open: {}", e.getMessage());
            }
        }
    }
}
