package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/** The server as the final authority on syntax, asked without running anything. */
@ExtendWith(PostgresExtension.class)
class SyntaxCheckTest {

    private static final String DB = "target_syntax";
    private PostgresFixture pg;
    private TargetSession session;

    @BeforeEach
    void open(PostgresFixture pg) throws Exception {
        this.pg = pg;
        Targets.createRentals(pg, DB);
        session = new TargetConnector().open(Targets.profile(pg, DB), null, SessionOptions.readWrite());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT rental_id FROM rental ORDER BY rental_id USING <", "VACUUM (ANALYZE) rental",
        "REINDEX TABLE CONCURRENTLY rental"})
    void validPostgresqlThatJsqlparserRejectsIsAcceptedByTheServer(String sql) throws Exception {
        assertThatThrownBy(() -> CCJSqlParserUtil.parse(sql)).as("JSqlParser 5.4 rejects it").isNotNull();
        assertThat(session.checkSyntax(sql)).isEmpty();
    }

    @Test
    void tablesampleIsAcceptedToo() throws Exception {
        assertThat(session.checkSyntax("SELECT * FROM rental TABLESAMPLE SYSTEM (1)")).isEmpty();
    }

    @Test
    void grammarErrorIsReportedAtItsLineAndColumn() throws Exception {
        var error = session.checkSyntax("SELECT rental_id,\n       customer_id\n  FORM rental");
        assertThat(error).hasValueSatisfying(e -> {
            assertThat(e.sqlState()).isEqualTo("42601");
            assertThat(e.isGrammarError()).isTrue();
            assertThat(e.message()).contains("rental");
            assertThat(e.position().line()).isEqualTo(3);
            assertThat(e.position().column()).isEqualTo(8);
        });
    }

    @Test
    void grammarErrorsInDdlAreFoundWithoutRunningIt() throws Exception {
        assertThat(session.checkSyntax("CREATE TABLE planwright_never (id int PRIMARY KEY,)"))
                .hasValueSatisfying(e -> assertThat(e.position().column()).isEqualTo(51));
        assertThat(session.checkSyntax("CREATE TABLE planwright_never (id int PRIMARY KEY)")).isEmpty();
        assertThat(session.checkSyntax("DROP TABLE rental")).isEmpty();
        try (Connection c = pg.connect(DB); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('planwright_never') IS NULL,"
                     + " to_regclass('rental') IS NOT NULL")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("CREATE did not run").isTrue();
            assertThat(rs.getBoolean(2)).as("DROP did not run").isTrue();
        }
    }

    @Test
    void checkingDmlChangesNothing() throws Exception {
        String before = Targets.countAndChecksum(pg, DB);
        assertThat(session.checkSyntax("DELETE FROM rental")).isEmpty();
        assertThat(session.checkSyntax("UPDATE rental SET staff_id = 5")).isEmpty();
        assertThat(Targets.countAndChecksum(pg, DB)).isEqualTo(before);
    }

    @Test
    void unknownTableIsReportedButNotAsAGrammarError() throws Exception {
        assertThat(session.checkSyntax("SELECT * FROM no_such_table")).hasValueSatisfying(e -> {
            assertThat(e.sqlState()).isEqualTo("42P01");
            assertThat(e.isGrammarError()).isFalse();
            assertThat(e.position().column()).isEqualTo(15);
        });
    }

    @Test
    void jsonbQuestionMarkOperatorsReachTheServerAsTyped() throws Exception {
        assertThat(session.checkSyntax("SELECT '{\"a\":1}'::jsonb ? 'a', '{\"a\":1}'::jsonb ?| array['a']")).isEmpty();
        assertThat(session.execute("SELECT '{\"a\":1}'::jsonb ? 'a'", 1).rows().getFirst()[0]).isEqualTo(true);
    }
}
