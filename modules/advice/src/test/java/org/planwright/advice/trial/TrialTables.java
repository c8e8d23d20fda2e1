package org.planwright.advice.trial;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.Evidence;
import org.planwright.advice.QueryIdentity;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.testsupport.PostgresFixture;

/** A scratch database with one table of 300,000 rows and no secondary index, for trials. */
final class TrialTables {

    /** A point query that reads the whole table without an index on k (about 10-30 ms) and 30 rows with one. */
    static final String QUERY = "SELECT count(*), sum(v) FROM trial_t WHERE k = 4242";

    private static String database;

    private TrialTables() {
    }

    static synchronized String database(PostgresFixture pg) throws SQLException {
        if (database == null) {
            String db = pg.createScratchDatabase("trials");
            try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE trial_t (id int PRIMARY KEY, k int NOT NULL, v int NOT NULL, pad text)");
                st.execute("INSERT INTO trial_t SELECT g, g % 10000, g % 97, md5(g::text) FROM"
                        + " generate_series(1, 300000) g");
                st.execute("VACUUM ANALYZE trial_t");
            }
            database = db;
        }
        return database;
    }

    static Recommendation index(String name) {
        return new Recommendation(RecommendationKind.INDEX, "Index trial_t (k)", QueryIdentity.target(QUERY),
                "CREATE INDEX CONCURRENTLY " + name + " ON trial_t (k)", "DROP INDEX IF EXISTS " + name,
                List.of(new Evidence("Seq Scan on trial_t", "300,000 rows read for 30")),
                new EstimatedImprovement(90, 0.6, "test"), QueryIdentity.patternSignature(QUERY));
    }

    /** @return row count and md5 over the table in key order, and whether an index {@code name} exists */
    static String state(PostgresFixture pg, String db, String indexName) throws SQLException {
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) || ':' || md5(string_agg(t::text, ',' ORDER BY id))"
                     + " || ':' || (to_regclass('" + indexName + "') IS NOT NULL)"
                     + " || ':' || (SELECT count(*) FROM pg_index WHERE indrelid = 'trial_t'::regclass)"
                     + " FROM trial_t t")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
