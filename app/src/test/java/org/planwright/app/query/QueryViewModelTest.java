package org.planwright.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.AppOptions;
import org.planwright.app.AppServices;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.app.editor.EditorTabViewModel;
import org.planwright.app.main.MainViewModel;
import org.planwright.app.results.Message;
import org.planwright.store.PlanCaptureSummary;
import org.planwright.store.QueryHistoryEntry;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/** The main window's view models without a scene: same-thread executor, real PostgreSQL, real store. */
@ExtendWith(PostgresExtension.class)
class QueryViewModelTest {

    @TempDir
    Path home;

    private AppServices services;

    @AfterEach
    void close() {
        if (services != null) {
            services.close();
        }
    }

    private MainViewModel start(PostgresFixture pg, String database, String script) {
        ConnectionProfile profile = new ConnectionProfile(UUID.randomUUID(), "test", ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", pg.sandbox().port(), database, pg.user(), null, null);
        services = new AppServices(AppOptions.direct(home, profile, script), new SameThreadExecutor());
        MainViewModel vm = new MainViewModel(services);
        vm.startUp();
        assertThat(vm.connection().active()).as("connected").isPresent();
        return vm;
    }

    private static EditorTabViewModel caretAt(MainViewModel vm, String marker) {
        EditorTabViewModel tab = vm.editors().selected().orElseThrow();
        tab.caretOffsetProperty().set(tab.textProperty().get().indexOf(marker));
        return tab;
    }

    @Test
    void runStatementShowsItsRowsAndRecordsItInTheHistory(PostgresFixture pg) throws SQLException {
        pg.pagila();
        long expected = count(pg, "pagila", "SELECT count(*) FROM actor WHERE last_name LIKE 'S%'");
        MainViewModel vm = start(pg, "pagila", "SELECT 1;\nSELECT actor_id, last_name FROM actor WHERE last_name LIKE 'S%';");
        caretAt(vm, "actor_id");

        vm.queries().runStatement();

        assertThat(vm.results().rows()).hasSize((int) expected);
        assertThat(vm.results().columnsProperty().get()).extracting(c -> c.name())
                .containsExactly("actor_id", "last_name");
        assertThat(vm.queries().runningProperty().get()).isFalse();
        List<QueryHistoryEntry> history = services.store().orElseThrow().queryHistory()
                .recent(vm.workspaceProperty().get().id(), 10);
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h.sql()).startsWith("SELECT actor_id");
            assertThat(h.rowCount()).isEqualTo(expected);
        });
    }

    @Test
    void aDataChangingStatementRunsOnlyAfterConfirmation(PostgresFixture pg) throws SQLException {
        String db = pg.createScratchDatabase("app_confirm");
        MainViewModel vm = start(pg, db, "CREATE TABLE t (x int);");
        List<String> asked = new ArrayList<>();
        vm.queries().setConfirmer((header, question) -> {
            asked.add(question);
            return false;
        });

        vm.queries().runStatement();

        assertThat(asked).singleElement().asString().contains("CREATE TABLE t");
        assertThat(count(pg, db, "SELECT count(*) FROM pg_class WHERE relname = 't'")).isZero();

        vm.queries().setConfirmer((header, question) -> true);
        vm.queries().runStatement();

        assertThat(count(pg, db, "SELECT count(*) FROM pg_class WHERE relname = 't'")).isEqualTo(1);
    }

    @Test
    void runAllStopsAtTheFirstErrorAndPointsAtItsLine(PostgresFixture pg) {
        pg.pagila();
        MainViewModel vm = start(pg, "pagila", "SELECT 1;\nSELECT *\n  FROM no_such_table;\nSELECT 3;");

        vm.queries().runAll();

        Message error = vm.results().messages().stream().filter(m -> m.severity() == Message.Severity.ERROR)
                .findFirst().orElseThrow();
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(8);
        assertThat(error.text()).contains("no_such_table").doesNotContain("(line");
        assertThat(services.store().orElseThrow().queryHistory().recent(vm.workspaceProperty().get().id(), 10))
                .as("the third statement did not run").hasSize(2);
        assertThat(vm.editors().selected().orElseThrow().caretRequestProperty().get())
                .isEqualTo("SELECT 1;\nSELECT *\n  FROM ".length());
    }

    @Test
    void explainAnalyzeShowsThePlanWithInsightsAndCapturesIt(PostgresFixture pg) {
        pg.pagila();
        MainViewModel vm = start(pg, "pagila",
                "SELECT r.rental_id, c.last_name FROM rental r JOIN customer c ON c.customer_id = r.customer_id "
                        + "WHERE r.return_date IS NULL;");

        vm.explain().explain(true);

        var plan = vm.plan().planProperty().get();
        assertThat(plan).isNotNull();
        assertThat(plan.analyzed()).isTrue();
        assertThat(plan.root().nodeType()).isEqualTo("Hash Join");
        assertThat(vm.plan().headerProperty().get()).startsWith("Execution ").endsWith(plan.nodeCount() + " nodes");
        List<PlanCaptureSummary> captures = services.store().orElseThrow().planCaptures()
                .list(vm.workspaceProperty().get().id());
        assertThat(captures).hasSize(1);
        if (!vm.plan().insights().isEmpty()) {
            var first = vm.plan().insights().getFirst();
            vm.plan().selectedInsightProperty().set(first);
            assertThat(vm.plan().selectedNodeProperty().get().id()).isEqualTo(first.nodeId());
        }
    }

    @Test
    void theServerHasTheLastWordOnProblemsOnlyTheParserSees(PostgresFixture pg) {
        pg.pagila();
        MainViewModel vm = start(pg, "pagila",
                "SELECT title FROM film ORDER BY length USING <;\nSELECT 1;\nSELEC title FROM film;");

        EditorTabViewModel tab = vm.editors().selected().orElseThrow();

        assertThat(tab.syntaxMarks()).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(3);
            assertThat(m.source()).isEqualTo("server");
            assertThat(m.message()).contains("SELEC");
        });
    }

    private static long count(PostgresFixture pg, String db, String sql) throws SQLException {
        try (Connection c = pg.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
    @Test
    void explainOnAnH2ConnectionShowsItsTablesAsAPlan() throws SQLException {
        Path file = home.resolve("shop");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2))");
            st.execute("CREATE INDEX idx_orders_customer ON orders (customer_id)");
            st.execute("INSERT INTO orders SELECT x, MOD(x, 50), x * 1.5 FROM SYSTEM_RANGE(1, 500)");
        }
        ConnectionProfile profile = ConnectionProfile.h2File("shop", home.resolve("shop.mv.db"));
        services = new AppServices(AppOptions.direct(home, profile, "SELECT * FROM orders WHERE customer_id = 7;"),
                new SameThreadExecutor());
        MainViewModel vm = new MainViewModel(services);
        vm.startUp();
        assertThat(vm.connection().active()).as("connected").isPresent();

        vm.explain().explain(true);

        var plan = vm.plan().planProperty().get();
        assertThat(plan).isNotNull();
        assertThat(plan.format()).isEqualTo(org.planwright.plans.Plan.Format.H2);
        assertThat(plan.node(1).label()).isEqualTo("Index Scan on ORDERS");
        assertThat(plan.node(1).indexName()).hasValue("IDX_ORDERS_CUSTOMER");
        assertThat(vm.plan().headerProperty().get()).endsWith("2 nodes");
    }
}
