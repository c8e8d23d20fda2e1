package org.planwright.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.Corpus;

/** The analyzer on the real pg_stat_statements snapshots of the corpus (PostgreSQL 15.18, see its MANIFEST). */
class CorpusSnapshotsTest {

    private static final Path WORKLOAD = Corpus.root().resolve("workload");
    private final WorkloadAnalyzer analyzer = new WorkloadAnalyzer();

    @Test
    void pgbenchIsOltpAndItsBranchUpdateLeads() throws IOException {
        List<StatementCounters> rows = StatisticsFiles.readStatements(
                WORKLOAD.resolve("pgss-snapshot-pgbench-tpcb-s10-c8-60s.csv"));
        assertThat(rows).as("rows of the pgbench snapshot").hasSize(14);
        WorkloadReport report = analyzer.analyze(new WorkloadWindow(Instant.EPOCH, Instant.now(), rows, List.of()), 5);

        assertThat(report.classification().workloadClass()).isEqualTo(WorkloadClass.OLTP);
        assertThat(report.classification().confidence()).isGreaterThan(0.8);
        // the MANIFEST: "The UPDATE on pgbench_branches dominates (62 s total exec, lock contention)"
        StatementFigures first = report.topByTotalTime().getFirst();
        assertThat(first.query()).startsWith("UPDATE pgbench_branches");
        assertThat(first.totalExecMs()).isBetween(62_000.0, 62_200.0);
        assertThat(first.calls()).isEqualTo(117_335);
        assertThat(first.shareOfTotal()).isGreaterThan(0.5);
        // pgbench's TPC-B-like transaction: 3 UPDATEs, 1 INSERT, 1 SELECT -> reads are one fifth of the calls
        assertThat(report.readWrite().readShare()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(report.readWrite().writeCalls()).isGreaterThanOrEqualTo(4 * 117_335L);
    }

    @Test
    void tpchIsOlap() throws IOException {
        List<StatementCounters> rows = StatisticsFiles.readStatements(
                WORKLOAD.resolve("pgss-snapshot-tpch-22-queries-sf1.csv"));
        assertThat(rows).as("rows of the TPC-H snapshot").hasSize(27);
        WorkloadReport report = analyzer.analyze(new WorkloadWindow(Instant.EPOCH, Instant.now(), rows, List.of()), 5);

        assertThat(report.classification().workloadClass()).isEqualTo(WorkloadClass.OLAP);
        assertThat(report.classification().analyticShare()).isGreaterThan(0.9);
        assertThat(report.readWrite().verdict()).isEqualTo(ReadWriteRatio.Verdict.READ_HEAVY);
        assertThat(report.topByMeanTime().getFirst().meanExecMs()).isGreaterThan(1_000);
        assertThat(report.topByIo()).isNotEmpty();
    }

    @Test
    void multiLineQueriesOfAWholeClusterAreRead() throws IOException {
        List<StatementCounters> rows = StatisticsFiles.readStatements(
                WORKLOAD.resolve("pgss-snapshot-tpch-load-and-explain.csv"));
        assertThat(rows).as("rows of the cluster-wide snapshot").hasSizeGreaterThan(100);
        assertThat(rows).anyMatch(r -> r.query().contains("\n"));
        assertThat(rows).allMatch(r -> r.calls() >= 0 && r.totalExecMs() >= 0);
        WorkloadReport report = analyzer.analyze(new WorkloadWindow(Instant.EPOCH, Instant.now(), rows, List.of()), 10);
        assertThat(report.topByTotalTime()).hasSize(10);
        assertThat(report.totalExecMs()).isPositive();
    }

    @Test
    void pgStatDatabaseExportIsRead() throws IOException {
        List<DatabaseCounters> dbs = StatisticsFiles.readDatabases(WORKLOAD.resolve("pg_stat_database-after-pgbench.csv"));
        assertThat(dbs).as("rows of pg_stat_database").hasSize(7);
        assertThat(dbs).extracting(DatabaseCounters::database).contains("postgres");
        assertThat(dbs).allMatch(d -> d.hitRatio() >= 0 && d.hitRatio() <= 1);
    }

    @Test
    void aFileThatIsNotAStatementsExportIsRefusedByName() {
        assertThatThrownBy(() -> StatisticsFiles.readStatements(WORKLOAD.resolve("pg_settings.csv")))
                .isInstanceOf(StatisticsFormatException.class)
                .hasMessageContaining("pg_settings.csv").hasMessageContaining("queryid");
    }

    @Test
    void aNumberColumnHoldingTextIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "userid,dbid,queryid,query,calls,total_exec_time\n"
                + "10,5,1,select 1,3,2.5\n"
                + "10,5,2,select 2,many,1.0\n");
        assertThatThrownBy(() -> StatisticsFiles.readStatements(bad))
                .isInstanceOf(StatisticsFormatException.class)
                .hasMessageContaining("bad.csv line 3").hasMessageContaining("calls").hasMessageContaining("many");
    }

    @Test
    void tableAndIndexExportsShowTheSeqScannedBranchesAndTheirUnusedKey() throws IOException {
        List<TableCounters> tables = StatisticsFiles.readTables(WORKLOAD.resolve("pg_stat_user_tables-pgbench-60s.csv"));
        List<IndexCounters> indexes = StatisticsFiles.readIndexes(WORKLOAD.resolve("pg_stat_user_indexes-pgbench-60s.csv"));
        assertThat(tables).as("rows of pg_stat_user_tables").hasSize(4);
        assertThat(indexes).as("rows of pg_stat_user_indexes").hasSize(3);
        List<StatementCounters> rows = StatisticsFiles.readStatements(
                WORKLOAD.resolve("pgss-snapshot-pgbench-tpcb-s10-c8-60s.csv"));
        WorkloadReport report = analyzer.analyze(new WorkloadWindow(Instant.EPOCH, Instant.now(), rows, List.of(),
                tables, indexes), 5);

        // 10 branches fit one block: the planner scans them sequentially, and their primary key is never used
        assertThat(report.scanHeavyTables()).extracting(TableCounters::table).contains("pgbench_branches");
        assertThat(report.unusedIndexes()).extracting(IndexCounters::index).contains("pgbench_branches_pkey");
        assertThat(report.writtenTables().getFirst().rowsWritten()).isGreaterThanOrEqualTo(117_335);
    }
}
