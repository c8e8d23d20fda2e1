package org.planwright.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.sandbox.Sandbox;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.testsupport.TpchQueries;

/**
 * Snapshots of a live server before and after real workloads: pgbench (Debian's client against the embedded
 * server) and the 22 TPC-H queries. The window between the two snapshots must tell OLTP from OLAP.
 */
@ExtendWith(PostgresExtension.class)
class LiveWorkloadTest {

    private static final Path PGBENCH = Path.of("/usr/lib/postgresql/15/bin/pgbench");

    private static TargetSession open(PostgresFixture pg, String database) throws Exception {
        ConnectionProfile profile = new ConnectionProfile(UUID.randomUUID(), "workload " + database,
                ConnectionProfile.Kind.SANDBOX, "127.0.0.1", pg.sandbox().port(), database, Sandbox.SUPERUSER, null,
                null);
        return new TargetConnector().open(profile, null, SessionOptions.analysis());
    }

    @Test
    void pgbenchBetweenTwoSnapshotsIsOltp(PostgresFixture pg) throws Exception {
        assumeTrue(Files.isExecutable(PGBENCH), "needs Debian's pgbench (" + PGBENCH + "; package postgresql-15)");
        String db = pg.createScratchDatabase("wl_pgbench");
        run(pg, List.of("-i", "-s", "1", "-q", db));
        try (TargetSession session = open(pg, db)) {
            StatisticsReader reader = new StatisticsReader(session);
            assertThat(reader.unavailableReason()).isEmpty();
            WorkloadSnapshot before = reader.take(Set.of(db));
            run(pg, List.of("-c", "4", "-j", "2", "-T", "4", "-n", db));
            WorkloadSnapshot after = reader.take(Set.of(db));

            WorkloadWindow window = WorkloadWindow.between(before, after);
            WorkloadReport report = new WorkloadAnalyzer().analyze(window, 5);

            assertThat(report.totalCalls()).as("pgbench calls in the window").isGreaterThan(500);
            assertThat(report.classification().workloadClass()).isEqualTo(WorkloadClass.OLTP);
            assertThat(report.topByTotalTime()).extracting(StatementFigures::query)
                    .anyMatch(q -> q.startsWith("UPDATE pgbench_"));
            assertThat(report.topByTotalTime()).noneMatch(f -> f.query().contains(WorkloadAnalyzer.OWN_MARKER));
            assertThat(report.readWrite().writeCalls()).isGreaterThan(report.readWrite().readCalls());
            assertThat(window.databases()).extracting(DatabaseCounters::database).containsExactly(db);
            assertThat(window.databases().getFirst().xactCommit()).isGreaterThan(100);
            assertThat(report.writtenTables()).extracting(TableCounters::table).contains("pgbench_accounts",
                    "pgbench_history");
            assertThat(window.tables()).filteredOn(t -> t.table().equals("pgbench_history"))
                    // one INSERT per transaction, as one SELECT; table counters are flushed by the backends at most
                    // once a second (pgstat), so they may lag a little behind pg_stat_statements
                    .singleElement().satisfies(t -> assertThat(t.nTupIns())
                            .isBetween(Math.round(report.readWrite().readCalls() * 0.95), report.readWrite().readCalls()));
        }
    }

    @Test
    void tpchQueriesBetweenTwoSnapshotsAreOlap(PostgresFixture pg) throws Exception {
        String url = pg.tpch();
        String db = url.substring(url.lastIndexOf('/') + 1);
        try (TargetSession session = open(pg, db)) {
            StatisticsReader reader = new StatisticsReader(session);
            WorkloadSnapshot before = reader.take(Set.of(db));
            try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
                st.execute("SET max_parallel_workers_per_gather = 0");
                for (TpchQueries.TpchQuery q : TpchQueries.all()) {
                    for (String s : q.setup()) {
                        st.execute(s);
                    }
                    st.execute(q.query());
                    for (String s : q.teardown()) {
                        st.execute(s);
                    }
                }
            }
            WorkloadSnapshot after = reader.take(Set.of(db));
            WorkloadReport report = new WorkloadAnalyzer().analyze(WorkloadWindow.between(before, after), 5);

            assertThat(report.classification().workloadClass()).isIn(WorkloadClass.OLAP, WorkloadClass.MIXED);
            assertThat(report.classification().analyticShare()).isGreaterThan(0.6);
            assertThat(report.readWrite().verdict()).isEqualTo(ReadWriteRatio.Verdict.READ_HEAVY);
            assertThat(report.topByMeanTime().getFirst().query().toLowerCase()).contains("lineitem");
        }
    }

    private static void run(PostgresFixture pg, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PGBENCH.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(pg.sandbox().port()), "-U", Sandbox.SUPERUSER));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("pgbench %s: %s", args, out).isZero();
    }
}
