package org.planwright.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The partitioned-table databases: partition counts, rows per partition, statistics, and the plan shapes. */
@ExtendWith(PostgresExtension.class)
class PartitionedTablesTest {

    @Test
    void thousandPartitionsEachWithItsRowsAndStatistics(PostgresFixture pg) throws SQLException {
        String url = pg.partitioned(1_000);
        assertThat(url).endsWith("/partitions_1000");
        try (Connection c = DriverManager.getConnection(url, pg.user(), "")) {
            for (String table : new String[] {"measurement", "measurement_flag"}) {
                assertThat(longOf(c, "SELECT count(*) FROM pg_inherits WHERE inhparent = '" + table + "'::regclass"))
                        .as(table + " partitions").isEqualTo(1_000);
                assertThat(longOf(c, "SELECT count(*) FROM " + table)).as(table + " rows").isEqualTo(3_000);
                // ANALYZE of the parent recursed into the partitions: each knows its 3 rows
                assertThat(longOf(c, "SELECT count(*) FROM pg_class WHERE relname LIKE '" + table.replace("_", "\\_")
                        + "\\_p%' AND reltuples = " + PartitionedTables.ROWS_PER_PARTITION))
                        .as(table + " partitions analyzed").isEqualTo(1_000);
            }
            assertThat(longOf(c, "SELECT count(*) FROM measurement_p999")).isEqualTo(3);
            assertThat(longOf(c, "SELECT min(id) FROM measurement_p999")).isEqualTo(99_900);
        }
        assertThat(pg.partitioned(1_000)).as("created once").isEqualTo(url);
    }

    @Test
    void theQueriesReadEveryPartition(PostgresFixture pg) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.partitioned(1_000), pg.user(), "")) {
            assertThat(longOf(c, "SELECT count(*) FROM (" + PartitionedTables.FULL_SCAN + ") q")).isEqualTo(3_000);
            assertThat(longOf(c, "SELECT count(*) FROM (" + PartitionedTables.JOIN + ") q")).isEqualTo(3_000);
            assertThat(longOf(c, "SELECT count(*) FROM (" + PartitionedTables.AGGREGATE + ") q")).isEqualTo(50);
            String plan = textOf(c, "EXPLAIN (COSTS OFF) " + PartitionedTables.FULL_SCAN);
            assertThat(plan).startsWith("Append").contains("Seq Scan on measurement_p999");
        }
    }

    @Test
    void partitionCountIsChecked(PostgresFixture pg) {
        assertThatThrownBy(() -> pg.partitioned(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pg.partitioned(10_001)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long longOf(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String textOf(Connection c, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }
}
