package org.planwright.targetdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.planwright.sandbox.Sandbox;
import org.planwright.testsupport.PostgresFixture;

/** Test helpers: profiles for the test run's embedded PostgreSQL, and a rental table shaped like Pagila's. */
final class Targets {

    private Targets() {
    }

    static ConnectionProfile profile(PostgresFixture pg, String database) {
        return profile(pg.sandbox(), database, Sandbox.SUPERUSER, null);
    }

    static ConnectionProfile profile(Sandbox sandbox, String database, String user, String sslMode) {
        return new ConnectionProfile(UUID.randomUUID(), "test " + database, ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", sandbox.port(), database, user, sslMode, null);
    }

    /**
     * Creates {@code database} with a {@code rental} table (Pagila's columns, 2,000 generated rows) and a
     * {@code customer_note} table, unless it exists.
     */
    static void createRentals(PostgresFixture pg, String database) throws SQLException {
        pg.sandbox().createDatabase(database);
        try (Connection c = pg.connect(database); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE IF NOT EXISTS rental (
                        rental_id    integer PRIMARY KEY,
                        rental_date  timestamptz NOT NULL,
                        inventory_id integer NOT NULL,
                        customer_id  integer NOT NULL,
                        return_date  timestamptz,
                        staff_id     integer NOT NULL)""");
            st.execute("""
                    INSERT INTO rental
                    SELECT g, timestamptz '2022-05-24 22:53:30+00' + g * interval '17 minutes',
                           (g * 7) % 4581 + 1, g % 599 + 1,
                           CASE WHEN g % 10 = 0 THEN NULL
                                ELSE timestamptz '2022-05-26 22:04:30+00' + g * interval '17 minutes' END,
                           g % 2 + 1
                    FROM generate_series(1, 2000) g
                    ON CONFLICT DO NOTHING""");
            st.execute("CREATE INDEX IF NOT EXISTS idx_rental_customer ON rental (customer_id)");
            st.execute("ANALYZE rental");
        }
    }

    /** @return row count and an md5 over all rental rows in key order: any change to the table changes it */
    static String countAndChecksum(PostgresFixture pg, String database) throws SQLException {
        return countAndChecksum(pg, database, "rental", "rental_id");
    }

    /** @return row count and an md5 over all rows of {@code table} in {@code key} order */
    static String countAndChecksum(PostgresFixture pg, String database, String table, String key)
            throws SQLException {
        try (Connection c = pg.connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, ','"
                     + " ORDER BY " + key + "), '')) FROM " + table + " t")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** @return the database name at the end of a sandbox JDBC URL such as {@code jdbc:postgresql://h:p/pagila} */
    static String databaseOf(String jdbcUrl) {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }
}
