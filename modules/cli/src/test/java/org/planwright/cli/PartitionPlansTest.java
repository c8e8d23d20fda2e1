package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planwright.plans.InsightEngine;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.PlanParser;
import org.planwright.testsupport.PartitionedTables;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * Real plans of thousands of nodes: {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} of the {@link PartitionedTables}
 * queries over 1,000 and 2,000 partitions on the embedded PostgreSQL, read by {@link PlanParser} and analysed.
 *
 * <p>With {@code -Dplanwright.huge.update=true} the join over 1,000 partitions is also written, gzipped, to
 * {@code modules/plans/src/test/resources/generated-huge/partitions-1000-join.json.gz} (the fixture that
 * {@code GeneratedHugePlanTest} and {@code planwright bench} read):
 * {@code ./mvnw -o -pl modules/cli verify -Dtest=PartitionPlansTest -Dplanwright.huge.update=true}.
 */
@ExtendWith(PostgresExtension.class)
class PartitionPlansTest {

    static final Path HUGE_FIXTURE = Path.of("../plans/src/test/resources/generated-huge/partitions-1000-join.json.gz");

    private static final String EXPLAIN = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ";

    @ParameterizedTest
    @ValueSource(ints = {1_000, 2_000})
    void fullScanIsAnAppendOverOneSeqScanPerPartition(int partitions, PostgresFixture pg) throws SQLException {
        Plan plan = PlanParser.parse(explain(pg, partitions, PartitionedTables.FULL_SCAN));
        assertThat(plan.nodeCount()).isEqualTo(partitions + 1);
        PlanNode append = plan.root();
        assertThat(append.nodeType()).isEqualTo("Append");
        assertScansOfEveryPartition(append, "measurement", partitions);
        assertThat(append.totalActualRows()).isEqualTo(partitions * PartitionedTables.ROWS_PER_PARTITION);
        assertSaneTimes(plan);
        assertThat(new InsightEngine().analyze(plan)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 2_000})
    void joinOfTwoPartitionedTablesHasTwoAppends(int partitions, PostgresFixture pg) throws SQLException {
        Plan plan = PlanParser.parse(explain(pg, partitions, PartitionedTables.JOIN));
        assertThat(plan.root().nodeType()).isEqualTo("Hash Join");
        assertThat(plan.nodeCount()).isEqualTo(2 * partitions + 4); // Hash Join, Append, Hash, Append
        List<PlanNode> appends = plan.nodes().stream().filter(n -> n.nodeType().equals("Append")).toList();
        assertThat(appends).hasSize(2);
        assertThat(appends).extracting(a -> a.children().getFirst().relationName().orElseThrow())
                .containsExactlyInAnyOrder("measurement_p0", "measurement_flag_p0");
        for (PlanNode append : appends) {
            String table = append.children().getFirst().relationName().orElseThrow().replace("_p0", "");
            assertScansOfEveryPartition(append, table, partitions);
        }
        assertThat(plan.root().totalActualRows()).isEqualTo(partitions * PartitionedTables.ROWS_PER_PARTITION);
        assertSaneTimes(plan);
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 2_000})
    void aggregateOverAllPartitions(int partitions, PostgresFixture pg) throws SQLException {
        Plan plan = PlanParser.parse(explain(pg, partitions, PartitionedTables.AGGREGATE));
        assertThat(plan.root().displayType()).isEqualTo("HashAggregate");
        assertThat(plan.root().totalActualRows()).isEqualTo(50);
        assertThat(plan.nodeCount()).isEqualTo(partitions + 2);
        assertScansOfEveryPartition(plan.root().children().getFirst(), "measurement", partitions);
        assertSaneTimes(plan);
    }

    /** Writes the committed fixture when asked to; otherwise checks that it is there. */
    @Test
    void hugeFixtureIsCommitted(PostgresFixture pg) throws SQLException, IOException {
        if (Boolean.getBoolean("planwright.huge.update")) {
            String json = explain(pg, 1_000, PartitionedTables.JOIN);
            Files.createDirectories(HUGE_FIXTURE.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(HUGE_FIXTURE))) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(HUGE_FIXTURE).isRegularFile();
    }

    private static void assertScansOfEveryPartition(PlanNode append, String table, int partitions) {
        assertThat(append.nodeType()).isEqualTo("Append");
        assertThat(append.children()).hasSize(partitions);
        assertThat(append.children()).allSatisfy(scan -> {
            assertThat(scan.nodeType()).isEqualTo("Seq Scan");
            assertThat(scan.parentRelationship()).contains("Member");
            assertThat(scan.totalActualRows()).isEqualTo(PartitionedTables.ROWS_PER_PARTITION);
        });
        assertThat(append.children()).extracting(s -> s.relationName().orElseThrow())
                .doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith(table + "_p"));
    }

    /** Exclusive times are never negative and add up to the root's inclusive time (no node counted twice). */
    private static void assertSaneTimes(Plan plan) {
        double sum = 0;
        for (PlanNode n : plan.nodes()) {
            assertThat(n.exclusiveTime()).as(n.toString()).isGreaterThanOrEqualTo(0);
            assertThat(n.exclusiveTime()).as(n.toString()).isLessThanOrEqualTo(n.inclusiveTime());
            sum += n.exclusiveTime();
        }
        assertThat(plan.root().inclusiveTime()).isPositive();
        assertThat(sum).isCloseTo(plan.root().inclusiveTime(), within(plan.root().inclusiveTime() * 0.001 + 0.01));
        assertThat(plan.executionTime()).isPresent();
        assertThat(plan.root().inclusiveTime()).isLessThanOrEqualTo(plan.executionTime().getAsDouble());
    }

    static String explain(PostgresFixture pg, int partitions, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.partitioned(partitions), pg.user(), "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(EXPLAIN + query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
