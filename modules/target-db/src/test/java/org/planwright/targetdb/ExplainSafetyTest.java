package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planwright.targetdb.TargetException.Reason;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * EXPLAIN safety rules on the real embedded PostgreSQL and the Pagila sample database (shared and read-only for
 * tests: this class proves it stays so): nothing an EXPLAIN ANALYZE does survives it. Pagila's rental has
 * triggers, a unique key and payments referencing it (ON DELETE SET NULL), so both tables are checked.
 */
@ExtendWith(PostgresExtension.class)
class ExplainSafetyTest {

    private String db;
    private static final ObjectMapper JSON = new ObjectMapper();
    private PostgresFixture pg;
    private TargetSession session;
    private String before;
    private String paymentsBefore;

    @BeforeEach
    void open(PostgresFixture pg) throws Exception {
        this.pg = pg;
        db = Targets.databaseOf(pg.pagila());
        session = new TargetConnector().open(Targets.profile(pg, db), null, SessionOptions.analysis());
        before = Targets.countAndChecksum(pg, db);
        paymentsBefore = Targets.countAndChecksum(pg, db, "payment", "payment_id, payment_date");
    }

    private void assertUnchanged() throws Exception {
        assertThat(Targets.countAndChecksum(pg, db)).isEqualTo(before);
        assertThat(Targets.countAndChecksum(pg, db, "payment", "payment_id, payment_date")).isEqualTo(paymentsBefore);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static JsonNode plan(ExplainResult r) throws Exception {
        return JSON.readTree(r.planText()).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DELETE FROM rental WHERE customer_id BETWEEN 1 AND 50",
        "UPDATE rental SET return_date = now(), staff_id = 9 WHERE rental_id % 3 = 0",
        "INSERT INTO rental SELECT rental_id + 100000, rental_date, inventory_id, customer_id, NULL, 1 FROM rental",
        """
        MERGE INTO rental r USING (SELECT g AS id FROM generate_series(1990, 2010) g) s ON r.rental_id = s.id
        WHEN MATCHED THEN DELETE
        WHEN NOT MATCHED THEN INSERT VALUES (s.id, now(), 1, 1, NULL, 1)""",
        "WITH gone AS (DELETE FROM rental WHERE staff_id = 1 RETURNING *) SELECT count(*) FROM gone"
    })
    void explainAnalyzeOfDataChangesLeavesTheRowsUnchanged(String dml) throws Exception {
        String own = "target_explain";
        Targets.createRentals(pg, own);
        String ownBefore = Targets.countAndChecksum(pg, own);
        try (TargetSession s = new TargetConnector().open(Targets.profile(pg, own), null, SessionOptions.analysis())) {
            assertRanAndRolledBack(s, s.explain(dml, ExplainOptions.analyze()));
        }
        assertThat(Targets.countAndChecksum(pg, own)).isEqualTo(ownBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "UPDATE rental SET return_date = now(), staff_id = 2 WHERE rental_id % 3 = 0",
        """
        INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, return_date, staff_id)
        SELECT rental_id + 100000, rental_date + interval '100 years', inventory_id, customer_id, NULL, 1
        FROM rental""",
        """
        MERGE INTO rental r USING (SELECT g AS id FROM generate_series(16040, 16060) g) s ON r.rental_id = s.id
        WHEN MATCHED THEN UPDATE SET return_date = now()
        WHEN NOT MATCHED THEN
            INSERT (rental_id, rental_date, inventory_id, customer_id, staff_id)
            VALUES (s.id, now() + s.id * interval '1 second', 1, 1, 1)""",
        "DELETE FROM payment WHERE customer_id BETWEEN 1 AND 50",
        "WITH gone AS (DELETE FROM payment WHERE amount < 1 RETURNING *) SELECT count(*) FROM gone"
    })
    void explainAnalyzeOnPagilaLeavesRentalsAndPaymentsUnchanged(String dml) throws Exception {
        assertRanAndRolledBack(session, session.explain(dml, ExplainOptions.analyze()));
        assertUnchanged();
    }

    private static void assertRanAndRolledBack(TargetSession s, ExplainResult r) throws Exception {
        JsonNode top = plan(r).get("Plan");
        assertThat(plan(r).has("Execution Time")).as("ANALYZE really ran").isTrue();
        assertThat(top.get("Node Type").asText()).isIn("ModifyTable", "Aggregate");
        assertThat(top.get("Plans").get(0).get("Actual Rows").asDouble()).as("rows really changed, then rolled back")
                .isPositive();
        assertThat(r.rolledBack()).isTrue();
        // the session is back to its read-only default afterwards
        assertThatThrownBy(() -> s.execute("DELETE FROM rental WHERE rental_id = 1", 1))
                .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.READ_ONLY));
    }

    @Test
    void analyzeOfAQueryCapturesJsonSettingsAndContext() throws Exception {
        ExplainResult r = session.explain("SELECT customer_id, count(*) FROM rental GROUP BY customer_id",
                ExplainOptions.analyze());
        assertThat(r.format()).isEqualTo(ExplainResult.PlanFormat.POSTGRES_JSON);
        assertThat(plan(r).get("Plan").has("Actual Total Time")).isTrue();
        assertThat(plan(r).get("Plan").has("Shared Hit Blocks")).as("BUFFERS").isTrue();
        assertThat(plan(r).get("Plan").has("Output")).as("VERBOSE").isTrue();
        assertThat(r.rolledBack()).isTrue();
        assertThat(r.serverVersionNum()).isEqualTo(session.serverInfo().versionNum());
        assertThat(r.settings()).containsKeys("work_mem", "random_page_cost", "enable_seqscan");
        assertThat(r.elapsedMillis()).isPositive();
    }

    @Test
    void explainAnalyzeOfAQueryRunsReadOnlyEvenInAReadWriteSession(PostgresFixture pg) throws Exception {
        pg.sandbox().createDatabase("target_explain_rw"); // a database of its own: Pagila stays untouched
        try (TargetSession rw = new TargetConnector().open(Targets.profile(pg, "target_explain_rw"), null,
                SessionOptions.readWrite())) {
            rw.execute("CREATE SEQUENCE IF NOT EXISTS ticket", 1);
            Object before = rw.execute("SELECT last_value FROM ticket", 1).rows().getFirst()[0];
            assertThatThrownBy(() -> rw.explain("SELECT nextval('ticket')", ExplainOptions.analyze()))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.READ_ONLY);
                        assertThat(e.sqlState()).isEqualTo("25006");
                    });
            assertThat(rw.execute("SELECT last_value FROM ticket", 1).rows().getFirst()[0]).isEqualTo(before);
        }
    }

    @Test
    void plainExplainDoesNotExecute() throws Exception {
        ExplainResult r = session.explain("DELETE FROM rental", ExplainOptions.plain());
        assertThat(plan(r).has("Execution Time")).isFalse();
        assertThat(plan(r).get("Plan").has("Actual Rows")).isFalse();
        assertUnchanged();
    }

    @Test
    void settingsChangedInTheSessionShowInTheCapturedSettings() throws Exception {
        session.execute("SET work_mem = '7MB'", 1);
        ExplainResult r = session.explain("SELECT * FROM rental ORDER BY return_date", ExplainOptions.plain());
        assertThat(r.settings()).containsEntry("work_mem", "7MB");
        assertThat(plan(r).get("Settings").get("work_mem").asText()).isEqualTo("7MB");
    }

    @Test
    void errorDuringExplainAnalyzeStillRollsBack() throws Exception {
        String dml = "WITH gone AS (DELETE FROM rental WHERE customer_id < 300 RETURNING *)"
                + " SELECT 1 / (count(*) - count(*)) FROM gone";
        assertThatThrownBy(() -> session.explain(dml, ExplainOptions.analyze()))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SQL_ERROR);
                    assertThat(e.sqlState()).isEqualTo("22012");
                });
        assertUnchanged();
    }

    @Test
    void cancelDuringExplainAnalyzeStillRollsBack() throws Exception {
        String dml = "WITH gone AS (DELETE FROM rental WHERE customer_id < 300 RETURNING *)"
                + " SELECT count(*), pg_sleep(30) /* planwright-explain-cancel */ FROM gone";
        CompletableFuture<Object> run = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                run.complete(session.explain(dml, ExplainOptions.analyze()));
            } catch (Throwable t) {
                run.complete(t);
            }
        });
        ExecuteTest.awaitActive(pg, "planwright-explain-cancel");
        assertThat(session.cancel()).isTrue();
        assertThat(run.get(15, TimeUnit.SECONDS)).isInstanceOfSatisfying(TargetException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
        assertUnchanged();
    }

    @Test
    void statementTimeoutFiresDuringExplainAnalyze(PostgresFixture pg) throws Exception {
        var options = SessionOptions.analysis().withStatementTimeout(Duration.ofMillis(250));
        try (TargetSession s = new TargetConnector().open(Targets.profile(pg, db), null, options)) {
            assertThatThrownBy(() -> s.explain("UPDATE rental SET staff_id = 2 WHERE pg_sleep(0.01) IS NOT NULL",
                    ExplainOptions.analyze()))
                    .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
            assertThat(s.explain("SELECT 1", ExplainOptions.plain()).planText()).as("session still usable")
                    .contains("Result");
        }
        assertUnchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE x (id int)", "DROP TABLE rental", "TRUNCATE rental", "VACUUM rental",
        "SET work_mem = '1GB'", "EXPLAIN SELECT 1", "SELECT 1; DELETE FROM rental", "-- nothing"})
    void refusesStatementsExplainCannotTake(String sql) {
        assertThatThrownBy(() -> session.explain(sql, ExplainOptions.analyze()))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_STATEMENT);
                    assertThat(e.userMessage()).isNotBlank().doesNotContain("\n");
                });
    }

    @Test
    void errorPositionIsWithinTheUsersStatementNotTheExplainPrefix() {
        assertThatThrownBy(() -> session.explain("  SELECT rental_id,\n       nope FROM rental", ExplainOptions.plain()))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42703");
                    assertThat(e.position()).hasValueSatisfying(p -> {
                        assertThat(p.line()).isEqualTo(2);
                        assertThat(p.column()).isEqualTo(8);
                    });
                });
    }
}
