package org.planwright.advice;

import java.time.Duration;
import java.util.UUID;
import org.planwright.sandbox.Sandbox;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresFixture;

/** Test helpers: sessions on the test run's embedded PostgreSQL, opened the way the app opens them. */
public final class Sessions {

    private Sessions() {
    }

    /** @return the sandbox profile of {@code database} on the fixture's server */
    public static ConnectionProfile profile(PostgresFixture pg, String database) {
        return new ConnectionProfile(UUID.randomUUID(), "test " + database, ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", pg.sandbox().port(), database, Sandbox.SUPERUSER, null, null);
    }

    /** @return a read-only analysis session with a 30 s statement timeout */
    public static TargetSession analysis(PostgresFixture pg, String database) throws TargetException {
        return new TargetConnector().open(profile(pg, database), null,
                SessionOptions.analysis().withStatementTimeout(Duration.ofSeconds(30)));
    }

    /** @return a read-write session with the given statement timeout (trials create indexes in it) */
    public static TargetSession readWrite(PostgresFixture pg, String database, Duration timeout)
            throws TargetException {
        return new TargetConnector().open(profile(pg, database), null,
                SessionOptions.readWrite().withStatementTimeout(timeout));
    }

    /** @return the database name at the end of a JDBC URL */
    public static String databaseOf(String jdbcUrl) {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }
}
