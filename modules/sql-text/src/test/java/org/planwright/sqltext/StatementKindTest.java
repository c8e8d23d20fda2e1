package org.planwright.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementKindTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT * FROM t                                                | QUERY
            select * from t for update                                     | QUERY
            SELECT * FROM t FOR NO KEY UPDATE SKIP LOCKED                  | QUERY
            values (1), (2)                                                | QUERY
            TABLE t                                                        | QUERY
            (select 1) union all (select 2)                                | QUERY
            with x as (select 1) select * from x                           | QUERY
            with x as (select * from t for update) select * from x         | QUERY
            WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d          | DATA_MODIFYING_WITH
            with u as (update t set a = 1 returning a) select * from u     | DATA_MODIFYING_WITH
            with s as (select 1 a) insert into t select a from s          | DATA_MODIFYING_WITH
            SELECT * INTO new_t FROM t                                     | DDL
            select a, (select max(b) from u) into temp x from t            | DDL
            insert into t values (1)                                       | INSERT
            update t set a = 1                                             | UPDATE
            delete from t where a = 1                                      | DELETE
            merge into t using s on t.id = s.id when matched then delete   | MERGE
            EXPLAIN ANALYZE DELETE FROM t                                  | EXPLAIN
            explain select 1                                               | EXPLAIN
            create table t (a int)                                         | DDL
            alter table t add b int                                        | DDL
            drop view v                                                    | DDL
            truncate t                                                     | DDL
            grant select on t to u                                         | DDL
            vacuum (analyze) t                                             | UTILITY
            set search_path = public                                       | UTILITY
            begin                                                          | UTILITY
            copy t from stdin                                              | UTILITY
            do $$ begin perform 1; end $$                                  | UTILITY
            """)
    void kindByLeadingCommand(String sql, StatementKind expected) {
        assertThat(SqlStatement.of(sql).kind()).isEqualTo(expected);
    }

    @Test
    void leadingCommentIsSkipped() {
        assertThat(SqlStatement.of("-- a comment first\n/* and another */ update t set a = 1").kind())
                .isEqualTo(StatementKind.UPDATE);
    }

    @ParameterizedTest(name = "{0}: dml={1} changes={2} explainable={3}")
    @CsvSource({
        "QUERY, false, false, true",
        "INSERT, true, true, true",
        "UPDATE, true, true, true",
        "DELETE, true, true, true",
        "MERGE, true, true, true",
        "DATA_MODIFYING_WITH, true, true, true",
        "DDL, false, true, false",
        "EXPLAIN, false, false, false",
        "UTILITY, false, true, false",
        "EMPTY, false, false, false"
    })
    void flags(StatementKind kind, boolean dml, boolean changes, boolean explainable) {
        assertThat(kind.isDml()).isEqualTo(dml);
        assertThat(kind.mayChangeData()).isEqualTo(changes);
        assertThat(kind.isExplainable()).isEqualTo(explainable);
    }
}
