package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.targetdb.TargetException.Reason;

/** The same session API on a real H2 file. */
class H2SessionTest {

    @TempDir
    Path dir;
    private ConnectionProfile profile;
    private final TargetConnector connector = new TargetConnector();

    @BeforeEach
    void createFile() throws Exception {
        Path base = dir.resolve("shop");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2))");
            st.execute("CREATE INDEX idx_orders_customer ON orders (customer_id)");
            st.execute("INSERT INTO orders SELECT x, MOD(x, 50), x * 1.5 FROM SYSTEM_RANGE(1, 500)");
        }
        profile = ConnectionProfile.h2File("shop", dir.resolve("shop.mv.db"));
    }

    private long count() throws Exception {
        try (Connection c = DriverManager.getConnection(profile.effectiveJdbcUrl(), "sa", "");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void executeReadsRowsAndTypesFromTheFile() throws Exception {
        try (TargetSession s = connector.open(profile, null, SessionOptions.analysis())) {
            QueryResult r = s.execute("SELECT id, total FROM orders WHERE customer_id = 7 ORDER BY id", 3);
            assertThat(r.columns()).extracting(ResultColumn::name).containsExactly("ID", "TOTAL");
            assertThat(r.columns()).extracting(ResultColumn::typeName).containsExactly("INTEGER", "DECIMAL");
            assertThat(r.rows()).hasSize(3);
            assertThat(r.rows().getFirst()[0]).isEqualTo(7);
            assertThat(r.truncated()).isTrue();
            assertThat(s.serverInfo().product()).isEqualTo("H2");
            assertThat(s.serverInfo().majorVersion()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void explainReturnsH2PlanTextNamingTheIndex() throws Exception {
        try (TargetSession s = connector.open(profile, null, SessionOptions.analysis())) {
            ExplainResult r = s.explain("SELECT * FROM orders WHERE customer_id = 7", ExplainOptions.plain());
            assertThat(r.format()).isEqualTo(ExplainResult.PlanFormat.H2_TEXT);
            assertThat(r.planText()).contains("IDX_ORDERS_CUSTOMER");
            assertThat(r.settings()).isEmpty();
        }
    }

    @Test
    void explainAnalyzeOfDeleteIsRolledBack() throws Exception {
        try (TargetSession s = connector.open(profile, null, SessionOptions.readWrite())) {
            ExplainResult r = s.explain("DELETE FROM orders WHERE customer_id < 25", ExplainOptions.analyze());
            assertThat(r.planText()).containsIgnoringCase("DELETE");
            assertThat(r.rolledBack()).isTrue();
        }
        assertThat(count()).isEqualTo(500);
    }

    @Test
    void readOnlySessionRefusesWrites() throws Exception {
        try (TargetSession s = connector.open(profile, null, SessionOptions.analysis())) {
            assertThatThrownBy(() -> s.execute("DELETE FROM orders", 1))
                    .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.READ_ONLY));
        }
        assertThat(count()).isEqualTo(500);
    }

    @Test
    void readWriteSessionReportsUpdateCounts() throws Exception {
        try (TargetSession s = connector.open(profile, null, SessionOptions.readWrite())) {
            assertThat(s.execute("UPDATE orders SET total = 0 WHERE customer_id = 3", 1).updateCount()).isEqualTo(10);
        }
    }

    @Test
    void syntaxErrorsArePositionedFromH2sMarker() throws Exception {
        try (TargetSession s = connector.open(profile, null, SessionOptions.analysis())) {
            assertThat(s.checkSyntax("SELECT id\nFROM orders\nWHER id = 1")).hasValueSatisfying(e -> {
                assertThat(e.isGrammarError()).isTrue();
                assertThat(e.position().line()).isEqualTo(3);
                assertThat(e.position().column()).as("H2 marks the token after WHER").isEqualTo(6);
            });
            assertThat(s.checkSyntax("SELECT id FROM orders WHERE id = 1")).isEmpty();
            assertThatThrownBy(() -> s.execute("SELEC 1", 1)).isInstanceOfSatisfying(TargetException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.SYNTAX_ERROR);
                assertThat(e.position()).hasValueSatisfying(p -> assertThat(p.column()).isEqualTo(1));
            });
        }
    }

    @Test
    void statementTimeoutFiresOnH2Too() throws Exception {
        var options = SessionOptions.analysis().withStatementTimeout(java.time.Duration.ofSeconds(1));
        try (TargetSession s = connector.open(profile, null, options)) {
            assertThatThrownBy(() -> s.execute("SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a,"
                    + " SYSTEM_RANGE(1, 100000) b WHERE a.X + b.X = 7", 1))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(e.sqlState()).isEqualTo("57014");
                    });
        }
    }

    @Test
    void missingFileIsDatabaseNotFoundAndNotCreated() {
        var missing = ConnectionProfile.h2File("gone", dir.resolve("nothing-here"));
        assertThatThrownBy(() -> connector.open(missing, null, SessionOptions.readWrite()))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DATABASE_NOT_FOUND);
                    assertThat(e.userMessage()).contains("nothing-here.mv.db");
                });
        assertThat(dir.resolve("nothing-here.mv.db")).doesNotExist();
    }
}
