package org.planwright.sqltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExplainStatementsTest {

    @Test
    void allOptions() {
        assertThat(ExplainStatements.explain(SqlStatement.of("select * from t;"), true, true, true, true))
                .isEqualTo("EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON) select * from t");
    }

    @Test
    void onlyTheOptionsAskedFor() {
        assertThat(ExplainStatements.explain(SqlStatement.of("update t set a = 1"), false, true, false, false))
                .isEqualTo("EXPLAIN (BUFFERS, FORMAT JSON) update t set a = 1");
        assertThat(ExplainStatements.explain(SqlStatement.of("values (1)"), false, false, false, false))
                .isEqualTo("EXPLAIN (FORMAT JSON) values (1)");
    }

    @Test
    void dataModifyingWithAndMergeAreExplainable() {
        String with = "WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d";
        assertThat(ExplainStatements.explain(SqlStatement.of(with), true, false, false, false))
                .endsWith(") " + with);
        assertThat(ExplainStatements.explain(
                SqlStatement.of("merge into t using s on t.id = s.id when matched then delete"), true, true, false,
                false)).startsWith("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) merge");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            EXPLAIN ANALYZE DELETE FROM t WHERE a = 1              | DELETE FROM t WHERE a = 1
            explain (analyze, costs off, format text) select 1     | select 1
            EXPLAIN VERBOSE ANALYZE select 1                       | select 1
            explain /* why */ (buffers) with x as (select 1) table x | with x as (select 1) table x
            """)
    void existingExplainIsUnwrapped(String sql, String inner) {
        assertThat(ExplainStatements.explain(SqlStatement.of(sql), true, true, false, false))
                .isEqualTo("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + inner);
    }

    @ParameterizedTest
    @ValueSource(strings = {"create table t (a int)", "vacuum t", "set work_mem = '64MB'",
        "select * into t2 from t", "explain vacuum t", "\\d t"})
    void unexplainableStatementsAreRefusedInPlainWords(String sql) {
        assertThatThrownBy(() -> ExplainStatements.explain(SqlStatement.of(sql), true, true, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot EXPLAIN ")
                .hasMessageContaining("only SELECT");
    }

    @Test
    void refusalNamesTheCommand() {
        assertThatThrownBy(() -> ExplainStatements.explain(SqlStatement.of("ALTER TABLE t ADD b int"), false,
                false, false, false)).hasMessageStartingWith("Cannot EXPLAIN an ALTER statement");
        assertThatThrownBy(() -> ExplainStatements.explain(SqlStatement.of(""), false, false, false, false))
                .hasMessageStartingWith("Cannot EXPLAIN an empty statement");
    }
}
