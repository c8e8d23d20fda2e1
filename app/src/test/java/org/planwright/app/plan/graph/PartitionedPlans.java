package org.planwright.app.plan.graph;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.planwright.testsupport.PostgresFixture;

/**
 * Real plans over many partitions from the test PostgreSQL: a range-partitioned table {@code measurement}
 * with {@code partitions} partitions of 10 rows each, and {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} of a
 * full scan, which gives an Append with one Seq Scan per partition (the shape of PEV2 issues #476 / #552).
 */
public final class PartitionedPlans {

    private PartitionedPlans() {
    }

    /**
     * @param pg         the test server
     * @param partitions number of partitions (each adds a plan node)
     * @return the JSON plan text as the server returned it
     * @throws SQLException if the server refuses
     */
    public static String fullScanPlan(PostgresFixture pg, int partitions) throws SQLException {
        String db = pg.createScratchDatabase("partitions" + partitions);
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE measurement (id int NOT NULL, value double precision) PARTITION BY RANGE (id)");
            st.execute("DO $$ BEGIN FOR i IN 0.." + (partitions - 1) + " LOOP EXECUTE format("
                    + "'CREATE TABLE measurement_p%s PARTITION OF measurement FOR VALUES FROM (%s) TO (%s)', "
                    + "i, i * 10, i * 10 + 10); END LOOP; END $$");
            st.execute("INSERT INTO measurement SELECT g, g * 0.5 FROM generate_series(0, " + (partitions * 10 - 1)
                    + ") g");
            st.execute("ANALYZE measurement");
            try (ResultSet rs = st.executeQuery(
                    "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT * FROM measurement WHERE value >= 0")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
