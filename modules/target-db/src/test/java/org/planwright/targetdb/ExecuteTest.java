package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.targetdb.TargetException.Reason;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/** Running statements on the real embedded PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class ExecuteTest {

    private static final String DB = "target_execute";
    private final TargetConnector connector = new TargetConnector();
    private PostgresFixture pg;

    @BeforeEach
    void rentals(PostgresFixture pg) throws Exception {
        this.pg = pg;
        Targets.createRentals(pg, DB);
    }

    private TargetSession open(SessionOptions options) throws TargetException {
        return connector.open(Targets.profile(pg, DB), null, options);
    }

    @Test
    void queryReturnsColumnsTypesAndRowsUpToMaxRows() throws Exception {
        try (TargetSession s = open(SessionOptions.analysis())) {
            QueryResult r = s.execute("SELECT rental_id, customer_id, return_date FROM rental ORDER BY rental_id", 5);
            assertThat(r.columns()).extracting(ResultColumn::name)
                    .containsExactly("rental_id", "customer_id", "return_date");
            assertThat(r.columns()).extracting(ResultColumn::typeName).containsExactly("int4", "int4", "timestamptz");
            assertThat(r.rows()).hasSize(5);
            assertThat(r.rows().getFirst()[0]).isEqualTo(1);
            assertThat(r.truncated()).isTrue();
            assertThat(r.updateCount()).isEqualTo(-1);
            assertThat(r.elapsedMillis()).isPositive();
        }
    }

    @Test
    void aGenericPlanOfAStatementWithParametersRunsAndStringsStayStrings() throws Exception {
        try (TargetSession s = open(SessionOptions.analysis())) {
            QueryResult r = s.execute("EXPLAIN (GENERIC_PLAN) SELECT * FROM rental WHERE customer_id = $1", 50);
            assertThat(r.rows()).extracting(row -> (String) row[0]).anySatisfy(line -> assertThat(line)
                    .contains("$1"));
            QueryResult text = s.execute("SELECT '$1' AS t -- $2", 1);
            assertThat(text.rows().getFirst()[0]).isEqualTo("$1");
        }
    }

    @Test
    void exactlyMaxRowsIsNotTruncated() throws Exception {
        try (TargetSession s = open(SessionOptions.analysis())) {
            QueryResult r = s.execute("SELECT * FROM rental WHERE rental_id <= 3", 3);
            assertThat(r.rows()).hasSize(3);
            assertThat(r.truncated()).isFalse();
        }
    }

    @Test
    void manyRowsAreReadInFetchSizeBatchesAndAllKeptWhenAsked() throws Exception {
        try (TargetSession s = open(SessionOptions.analysis().withFetchSize(100))) {
            QueryResult r = s.execute("SELECT g, repeat('x', 50) FROM generate_series(1, 20000) g", Integer.MAX_VALUE);
            assertThat(r.rows()).hasSize(20000);
            assertThat(r.rows().getLast()[0]).isEqualTo(20000);
            assertThat(r.truncated()).isFalse();
            // the cursor's transaction is over: the session is back in autocommit with no open transaction
            assertThat(s.execute("SELECT 1", 1).rows()).hasSize(1);
        }
    }

    @Test
    void tenMillionRowQueryStopsAtMaxRows() throws Exception {
        try (TargetSession s = open(SessionOptions.analysis())) {
            // two small series multiplied stream row by row (one big generate_series would be materialized first)
            QueryResult r = s.execute("SELECT a.g * 10000 + b.g FROM generate_series(0, 999) a(g),"
                    + " generate_series(1, 10000) b(g)", 1000);
            assertThat(r.rows()).hasSize(1000);
            assertThat(r.truncated()).isTrue();
        }
    }

    @Test
    void updateCountAndNoticesInAReadWriteSession() throws Exception {
        try (TargetSession s = open(SessionOptions.readWrite())) {
            s.execute("CREATE TEMP TABLE t AS SELECT g AS id FROM generate_series(1, 10) g", 1);
            QueryResult upd = s.execute("UPDATE t SET id = id + 100 WHERE id <= 4", 1);
            assertThat(upd.updateCount()).isEqualTo(4);
            assertThat(upd.hasResultSet()).isFalse();
            QueryResult notice = s.execute("DO $$BEGIN RAISE NOTICE 'checked % rows', 10; END$$", 1);
            assertThat(notice.notices()).singleElement().satisfies(n -> {
                assertThat(n.severity()).isEqualTo("NOTICE");
                assertThat(n.message()).isEqualTo("checked 10 rows");
            });
        }
    }

    @Test
    void valuesThatNeedTheConnectionAreDetached() throws Exception {
        try (TargetSession s = open(SessionOptions.analysis())) {
            QueryResult r = s.execute("SELECT ARRAY[1,2,3], '{\"a\": 1}'::jsonb, interval '2 hours'", 1);
            assertThat(r.rows().getFirst()).containsExactly("{1,2,3}", "{\"a\": 1}", "02:00:00");
        }
    }

    @Test
    void plainDeleteInAnAnalysisSessionIsRefusedAsReadOnly() throws Exception {
        String before = Targets.countAndChecksum(pg, DB);
        try (TargetSession s = open(SessionOptions.analysis())) {
            assertThatThrownBy(() -> s.execute("DELETE FROM rental WHERE customer_id = 7", 10))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.READ_ONLY);
                        assertThat(e.sqlState()).isEqualTo("25006");
                        assertThat(e.userMessage()).contains("read-write session");
                    });
        }
        assertThat(Targets.countAndChecksum(pg, DB)).isEqualTo(before);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "SET default_transaction_read_only = off",
        "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
        "BEGIN TRANSACTION READ WRITE",
        "SELECT set_config('default_transaction_read_only', 'off', false)",
        "RESET ALL",
        "discard all",
        "SET transaction_read_only TO off; DELETE FROM rental"})
    void analysisSessionRefusesToBeSwitchedToReadWrite(String sql) throws Exception {
        String before = Targets.countAndChecksum(pg, DB);
        try (TargetSession s = open(SessionOptions.analysis())) {
            assertThatThrownBy(() -> s.execute(sql, 1)).isInstanceOfSatisfying(TargetException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.READ_ONLY);
                assertThat(e.userMessage()).contains("read-write session");
            });
            assertThat(s.execute("SHOW default_transaction_read_only", 1).rows().getFirst()[0]).isEqualTo("on");
        }
        assertThat(Targets.countAndChecksum(pg, DB)).isEqualTo(before);
    }

    @Test
    void readWriteSessionsMaySwitchFreelyAndCommentsDoNotTripTheGuard() throws Exception {
        try (TargetSession s = open(SessionOptions.readWrite())) {
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", 1);
        }
        try (TargetSession s = open(SessionOptions.analysis())) {
            assertThat(s.execute("SELECT 1 /* read write? RESET ALL */", 1).rows()).hasSize(1);
        }
    }

    @Test
    void syntaxErrorCarriesLineAndColumnWithinTheStatement() throws Exception {
        try (TargetSession s = open(SessionOptions.analysis())) {
            assertThatThrownBy(() -> s.execute("SELECT rental_id\nFROM rental\nWHER customer_id = 1", 10))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.SYNTAX_ERROR);
                        assertThat(e.sqlState()).isEqualTo("42601");
                        assertThat(e.position()).hasValueSatisfying(p -> {
                            assertThat(p.line()).isEqualTo(3);
                            assertThat(p.column()).isEqualTo(6);
                        });
                        assertThat(e.userMessage()).as("position is carried apart, not in the words")
                                .contains("syntax error").doesNotContain("line 3");
                    });
        }
    }

    @Test
    void unknownColumnIsSqlErrorWithPosition() throws Exception {
        try (TargetSession s = open(SessionOptions.analysis())) {
            assertThatThrownBy(() -> s.execute("SELECT no_such_col FROM rental", 10))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.SQL_ERROR);
                        assertThat(e.sqlState()).isEqualTo("42703");
                        assertThat(e.position()).hasValueSatisfying(p -> assertThat(p.column()).isEqualTo(8));
                    });
        }
    }

    @Test
    void statementTimeoutFiresAsTimeout() throws Exception {
        try (TargetSession s = open(SessionOptions.analysis().withStatementTimeout(Duration.ofMillis(300)))) {
            assertThatThrownBy(() -> s.execute("SELECT pg_sleep(20)", 1))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(e.sqlState()).isEqualTo("57014");
                        assertThat(e.userMessage()).contains("300 ms").contains("statement timeout");
                    });
            assertThat(s.execute("SELECT 42", 1).rows().getFirst()[0]).as("session still usable").isEqualTo(42);
        }
    }

    @Test
    void cancelFromAnotherThreadStopsPgSleep() throws Exception {
        try (TargetSession s = open(SessionOptions.analysis())) {
            CompletableFuture<Object> run = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    run.complete(s.execute("SELECT pg_sleep(30) /* planwright-cancel-test */", 1));
                } catch (Throwable t) {
                    run.complete(t);
                }
            });
            awaitActive("planwright-cancel-test");
            assertThat(s.cancel()).isTrue();
            Object outcome = run.get(15, TimeUnit.SECONDS); // far less than the 30 s sleep
            assertThat(outcome).isInstanceOfSatisfying(TargetException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
            assertThat(s.isBusy()).isFalse();
            assertThat(s.cancel()).as("nothing left to cancel").isFalse();
        }
    }

    /** Waits until the server shows the statement running (a cancel before that would have nothing to stop). */
    private void awaitActive(String marker) throws Exception {
        try (Connection c = pg.connect("postgres"); Statement st = c.createStatement()) {
            for (int i = 0; i < 400; i++) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                        + " AND query LIKE '%" + marker + "%' AND pid <> pg_backend_pid()")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(25);
            }
        }
        throw new AssertionError("statement never became active: " + marker);
    }

    static void awaitActive(PostgresFixture pg, String marker) throws Exception {
        var t = new ExecuteTest();
        t.pg = pg;
        t.awaitActive(marker);
    }
}
