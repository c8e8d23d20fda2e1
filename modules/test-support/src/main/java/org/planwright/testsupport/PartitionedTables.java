package org.planwright.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two range-partitioned tables with many partitions, for execution plans of thousands of nodes from a real
 * server (PEV2 issue #476: 10,000 partitions freeze the browser). Both tables are partitioned by {@code id} with
 * the same bounds, partition {@code i} holding ids {@code [i * 100, (i + 1) * 100)}, and {@value #ROWS_PER_PARTITION}
 * rows in each partition:
 *
 * <ul>
 * <li>{@code measurement (id int, city_id int, reading double precision)}, partitions {@code measurement_p0} ...</li>
 * <li>{@code measurement_flag (id int, flag boolean)}, partitions {@code measurement_flag_p0} ...</li>
 * </ul>
 *
 * <p>Only fixed-width columns, so the partitions have no TOAST tables: creating 2,000 partitions takes a few
 * seconds (one DO block per table, one {@code INSERT ... SELECT FROM generate_series} per table, then
 * {@code ANALYZE}, which PostgreSQL recurses into the partitions). The queries give the plan shapes named by
 * their constants; each query locks every partition, which the embedded server's lock table (64 locks per
 * transaction x 300 connections) holds easily.
 */
public final class PartitionedTables {

    /** Rows in each partition of each table. */
    public static final int ROWS_PER_PARTITION = 3;

    /** Append over one Seq Scan (with a Filter) per partition: {@code partitions + 1} nodes. */
    public static final String FULL_SCAN = "SELECT id, city_id, reading FROM measurement WHERE reading >= 0";

    /**
     * A join of the two partitioned tables: Hash Join over an Append of the {@code measurement} partitions and a
     * Hash over an Append of the {@code measurement_flag} partitions ({@code enable_partitionwise_join} is off by
     * default): {@code 2 x partitions + 4} nodes.
     */
    public static final String JOIN = "SELECT m.id, m.reading, f.flag FROM measurement m "
            + "JOIN measurement_flag f ON f.id = m.id";

    /** A grouping aggregate over all partitions: HashAggregate over an Append: {@code partitions + 2} nodes. */
    public static final String AGGREGATE = "SELECT city_id, count(*), avg(reading) FROM measurement GROUP BY city_id";

    private static final Logger LOG = LoggerFactory.getLogger(PartitionedTables.class);

    private PartitionedTables() {
    }

    /**
     * Creates and fills both tables in the connection's database (which must not have them yet) and analyzes them.
     *
     * @param c          an open connection in auto-commit mode, allowed to create tables
     * @param partitions partitions per table, 1 to 10,000
     * @return how long it took, ms
     * @throws IllegalArgumentException when {@code partitions} is out of range
     * @throws SQLException             when the server refuses (e.g. "out of shared memory" with a small
     *                                  {@code max_locks_per_transaction})
     */
    public static long create(Connection c, int partitions) throws SQLException {
        if (partitions < 1 || partitions > 10_000) {
            throw new IllegalArgumentException("partitions must be 1 to 10,000: " + partitions);
        }
        long t0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE measurement (id int, city_id int, "
                    + "reading double precision) PARTITION BY RANGE (id)");
            st.execute("CREATE TABLE measurement_flag (id int, flag boolean) "
                    + "PARTITION BY RANGE (id)");
            for (String table : new String[] {"measurement", "measurement_flag"}) {
                st.execute("DO $$ BEGIN FOR i IN 0.." + (partitions - 1) + " LOOP "
                        + "EXECUTE format('CREATE TABLE %I PARTITION OF " + table + " FOR VALUES FROM (%s) TO (%s)', '"
                        + table + "_p' || i, i * 100, (i + 1) * 100); END LOOP; END $$");
            }
            String rows = " FROM generate_series(0, " + (partitions - 1) + ") p, generate_series(0, "
                    + (ROWS_PER_PARTITION - 1) + ") r";
            st.execute("INSERT INTO measurement SELECT p * 100 + r, (p * 7 + r) % 50, (p * 3 + r) * 0.25" + rows);
            st.execute("INSERT INTO measurement_flag SELECT p * 100 + r, (p + r) % 3 = 0" + rows);
            st.execute("ANALYZE measurement");
            st.execute("ANALYZE measurement_flag");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("Created 2 tables of {} partitions in {} ms", partitions, ms);
        return ms;
    }
}
