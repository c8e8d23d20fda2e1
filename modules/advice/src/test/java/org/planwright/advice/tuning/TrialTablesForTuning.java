package org.planwright.advice.tuning;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.planwright.testsupport.PostgresFixture;

/** A scratch table of 60,000 rows whose sort by a text column needs about 5 MB. */
final class TrialTablesForTuning {

    private static String database;

    private TrialTablesForTuning() {
    }

    static synchronized String database(PostgresFixture pg) throws SQLException {
        if (database == null) {
            String db = pg.createScratchDatabase("tuning");
            try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE tuning_t (id int PRIMARY KEY, pad text NOT NULL)");
                st.execute("INSERT INTO tuning_t SELECT g, md5(g::text) || md5((g * 7)::text) FROM"
                        + " generate_series(1, 60000) g");
                st.execute("VACUUM ANALYZE tuning_t");
            }
            database = db;
        }
        return database;
    }
}
