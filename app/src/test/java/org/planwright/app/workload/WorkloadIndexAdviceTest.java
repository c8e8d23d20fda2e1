package org.planwright.app.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.advice.index.IndexAdvice;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.testsupport.Corpus;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * The Workload page's "Advise indexes" without a scene: same-thread executor, a real PostgreSQL session on the
 * embedded server (no HypoPG there: the sandbox profile lets the advisor build candidates in a rolled-back
 * transaction), real TPC-H queries from the corpus.
 */
@ExtendWith(PostgresExtension.class)
class WorkloadIndexAdviceTest {

    /** Small: every candidate is built for real (lineitem about 120,000 rows). */
    private static final double SCALE = 0.02;

    @TempDir
    Path folder;

    private ActiveConnection active;

    @AfterEach
    void close() {
        if (active != null) {
            active.close();
        }
    }

    private WorkloadViewModel viewModel(PostgresFixture pg, String db) throws Exception {
        ConnectionProfile profile = new ConnectionProfile(UUID.randomUUID(), "test", ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", pg.sandbox().port(), db, pg.user(), null, null);
        active = new ActiveConnection(new TargetConnector().open(profile, null, SessionOptions.analysis()));
        Workspace ws = null;
        return new WorkloadViewModel(new SameThreadExecutor(), Optional::empty, () -> ws, () -> Optional.of(active),
                Clock.systemUTC(), ZoneOffset.UTC);
    }

    private static String database(String jdbcUrl) {
        String tail = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int q = tail.indexOf('?');
        return q < 0 ? tail : tail.substring(0, q);
    }

    @Test
    void aFolderOfTpchQueriesGetsOneIndexSetWithAPositiveTotalBenefit(PostgresFixture pg) throws Exception {
        String db = database(pg.tpchPrimaryKeysOnly(SCALE));
        for (String q : new String[] {"q3.sql", "q14.sql", "q17.sql", "q19.sql"}) {
            Files.copy(Corpus.resolve("sql/tpch/queries/" + q), folder.resolve(q));
        }
        Files.writeString(folder.resolve("setup.sql"), "SET work_mem = '64MB';\n");
        WorkloadViewModel vm = viewModel(pg, db);

        vm.adviseFolder(folder);

        assertThat(vm.adviceBusyProperty().get()).isFalse();
        IndexAdvice advice = vm.adviceProperty().get();
        assertThat(advice).as(vm.adviceSummaryProperty().get()).isNotNull();
        assertThat(advice.statements()).as("the four queries were costed").hasSize(4);
        assertThat(vm.adviceIndexes()).as("one index set").isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.sizeBytes()).isPositive();
                    assertThat(c.helps()).isNotEmpty();
                });
        assertThat(vm.adviceIndexes()).flatMap(IndexAdvice.ChosenIndex::helps).as("labels of the folder's queries")
                .isSubsetOf("q3.sql", "q14.sql", "q17.sql", "q19.sql");
        double benefit = WorkloadViewModel.totalBenefit(advice,
                AdviceWorkload.fromFolder(folder).statements());
        assertThat(benefit).isPositive();
        assertThat(vm.adviceSummaryProperty().get()).contains("Total estimated benefit");
        assertThat(vm.adviceSkipped()).extracting(IndexAdvice.Skipped::label).contains("setup.sql");
    }

    @Test
    void topStatementsWithParametersAreCostedWithGenericPlansOnPostgres16Plus(PostgresFixture pg) throws Exception {
        String db = pg.createScratchDatabase("wl_advice");
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders AS SELECT g AS id, g % 100 AS customer FROM generate_series(1, 5000) g");
            st.execute("ANALYZE orders");
            for (int i = 0; i < 50; i++) {
                st.execute("SELECT * FROM orders WHERE customer = " + i);
            }
            for (int i = 0; i < 5; i++) {
                st.execute("SELECT count(*) FROM orders WHERE customer = id");
            }
        }
        WorkloadViewModel vm = viewModel(pg, db);
        vm.periodProperty().set(WorkloadPeriod.SINCE_RESET);
        vm.serverProperty().set(org.planwright.workload.ServerLabel.of(active.session().profile()));
        vm.refresh();
        assertThat(vm.topByTotalTime()).as(vm.messageProperty().get())
                .anySatisfy(f -> assertThat(f.query()).contains("customer = $1"));

        vm.adviseTopStatements();

        assertThat(vm.adviceBusyProperty().get()).isFalse();
        assertThat(active.session().serverInfo().majorVersion()).as("the embedded server").isGreaterThanOrEqualTo(16);
        assertThat(vm.adviceSkipped()).as(vm.adviceSummaryProperty().get())
                .noneSatisfy(s -> assertThat(s.reason()).contains("$n parameters"));
        IndexAdvice advice = vm.adviceProperty().get();
        assertThat(advice).as(vm.adviceSummaryProperty().get()).isNotNull();
        int rank = vm.topByTotalTime().indexOf(vm.topByTotalTime().stream()
                .filter(f -> f.query().contains("customer = $1")).findFirst().orElseThrow());
        String label = "top " + (rank + 1) + " (queryid ";
        assertThat(advice.statements()).as("the statement with $1 was costed (EXPLAIN (GENERIC_PLAN))")
                .anySatisfy(sc -> assertThat(sc.label()).startsWith(label));
        assertThat(advice.chosen()).as("its 50-of-5,000-rows filter gets an index on customer")
                .anySatisfy(c -> {
                    assertThat(c.candidate().keys().getFirst()).isEqualTo("customer");
                    assertThat(c.helps()).anySatisfy(h -> assertThat(h).startsWith(label));
                });
        assertThat(vm.adviceSummaryProperty().get()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void withoutHypoPgAndWithoutConsentTheRefusalIsTheMessage(PostgresFixture pg) throws Exception {
        String db = database(pg.tpchPrimaryKeysOnly(SCALE));
        ConnectionProfile profile = new ConnectionProfile(UUID.randomUUID(), "test", ConnectionProfile.Kind.POSTGRESQL,
                "127.0.0.1", pg.sandbox().port(), db, pg.user(), null, null);
        active = new ActiveConnection(new TargetConnector().open(profile, null, SessionOptions.analysis()));
        WorkloadViewModel vm = new WorkloadViewModel(new SameThreadExecutor(), Optional::empty, () -> null,
                () -> Optional.of(active), Clock.systemUTC(), ZoneOffset.UTC);
        Files.copy(Corpus.resolve("sql/tpch/queries/q17.sql"), folder.resolve("q17.sql"));

        vm.adviseFolder(folder);

        assertThat(vm.adviceSummaryProperty().get()).startsWith("Could not advise indexes: ")
                .contains("HypoPG is not installed").doesNotContain("Exception");
        assertThat(vm.adviceProperty().get()).isNull();
    }

    @Test
    void withoutAConnectionTheAdviceSaysSo() throws Exception {
        WorkloadViewModel vm = new WorkloadViewModel(new SameThreadExecutor(), Optional::empty, () -> null,
                Optional::empty, Clock.systemUTC(), ZoneOffset.UTC);
        Files.writeString(folder.resolve("q.sql"), "SELECT 1;\n");

        vm.adviseFolder(folder);

        assertThat(vm.adviceSummaryProperty().get()).contains("needs a connection");
        assertThat(vm.adviceBusyProperty().get()).isFalse();
    }

    @Test
    void aFolderWithoutSqlFilesIsAReadableError(PostgresFixture pg) throws Exception {
        WorkloadViewModel vm = viewModel(pg, database(pg.tpchPrimaryKeysOnly(SCALE)));

        vm.adviseFolder(folder);

        assertThat(vm.adviceSummaryProperty().get()).isEqualTo("Could not advise indexes: No .sql files in " + folder);
    }
}
