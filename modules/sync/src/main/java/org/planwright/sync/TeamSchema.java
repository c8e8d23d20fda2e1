package org.planwright.sync;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The team schema ({@code team}) on the team PostgreSQL, created and migrated by Flyway from
 * {@code classpath:db/team}. Run by an admin (a role that may create schemas); clients never migrate.
 */
public final class TeamSchema {

    /** The schema name. */
    public static final String SCHEMA = "team";
    /** The sync protocol this Planwright speaks; a server whose {@code min_client_protocol} is higher refuses it. */
    public static final int PROTOCOL = 1;
    /** Where the migrations live. */
    static final String MIGRATIONS = "classpath:db/team";

    private TeamSchema() {
    }

    /**
     * Creates or migrates the team schema.
     *
     * @param admin      connections as the admin
     * @param locations  Flyway locations; {@link #MIGRATIONS} in production (tests add a newer server's)
     * @return the schema version after migrating, e.g. "1"
     * @throws SyncException when the server cannot be reached or a migration fails (the message names it)
     */
    public static String migrate(TeamConnections admin, String... locations) throws SyncException {
        String[] where = locations.length == 0 ? new String[] {MIGRATIONS} : locations;
        try {
            MigrateResult result = Flyway.configure(TeamSchema.class.getClassLoader())
                    .dataSource(new ConnectionsDataSource(admin))
                    .schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(true)
                    .locations(where)
                    .load().migrate();
            return result.targetSchemaVersion == null ? "0" : result.targetSchemaVersion;
        } catch (FlywayException e) {
            if (e.getCause() instanceof SyncException s) {
                throw s;
            }
            SQLException sql = sqlCause(e);
            if (sql != null) {
                throw Sql.translate("creating the team schema", sql);
            }
            throw new SyncException(SyncException.Reason.FAILED, "Creating the team schema failed: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /** Flyway's door: a DataSource whose connections come from {@link TeamConnections}. */
    private record ConnectionsDataSource(TeamConnections connections) implements DataSource {

        ConnectionsDataSource {
            Objects.requireNonNull(connections, "connections");
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return connections.open();
            } catch (SyncException e) {
                throw new SQLException(e.getMessage(), "08001", e);
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // the connections carry their own
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
