package org.planwright.sqltext.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatternSignatureTest {

    private static String sig(String sql) {
        return QueryPatterns.signature(sql).text();
    }

    @Test
    void joinsAreCountedByTypeAndCommaJoinsAreInner() {
        assertThat(sig("SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c ON c.id = b.id, d WHERE d.k = a.k LIMIT 5"))
                .isEqualTo("SELECT_INNER_JOIN(2)_LEFT_JOIN(1)_LIMIT_PRED(EQ)");
    }

    @Test
    void theIssuesExampleShape() {
        assertThat(sig("SELECT a.x, count(*) FROM a INNER JOIN b ON a.id = b.id JOIN c USING (k) GROUP BY a.x LIMIT 3"))
                .isEqualTo("SELECT_INNER_JOIN(2)_AGG_GROUP_BY_LIMIT_PRED(EQ)");
    }

    @Test
    void subqueriesDerivedTablesCtesAndWindows() {
        assertThat(sig("WITH r AS (SELECT 1 AS x) SELECT x, rank() OVER (ORDER BY x) FROM (SELECT x FROM r) s"
                + " WHERE x IN (SELECT 2) AND NOT EXISTS (SELECT 1 FROM r r2 WHERE r2.x <> s.x) ORDER BY 1 OFFSET 4"))
                .isEqualTo("SELECT_WITH(1)_DERIVED(1)_SUBQUERY(2)_WINDOW_ORDER_BY_OFFSET_PRED(IN,NE,NOT_EXISTS)");
    }

    @Test
    void setOperationsAndDml() {
        assertThat(sig("SELECT a FROM t UNION ALL SELECT a FROM u EXCEPT SELECT 1")).isEqualTo("SELECT_UNION(1)_EXCEPT(1)");
        assertThat(sig("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING RETURNING a"))
                .isEqualTo("INSERT_VALUES_ON_CONFLICT_RETURNING");
        assertThat(sig("UPDATE t SET a = 2 WHERE b BETWEEN 1 AND 3 AND c IS NULL"))
                .isEqualTo("UPDATE_PRED(BETWEEN,IS_NULL)"); // SET a = 2 is no predicate
        assertThat(sig("delete from t where a like 'x%' or a ilike 'y'")).isEqualTo("DELETE_PRED(ILIKE,LIKE,OR)");
    }

    @Test
    void ddlAndUtilityAreTheirCommandWords() {
        assertThat(sig("CREATE UNIQUE INDEX i ON t (a)")).isEqualTo("CREATE_INDEX");
        assertThat(sig("create or replace view v as select 1")).isEqualTo("CREATE_VIEW");
        assertThat(sig("VACUUM ANALYZE t")).isEqualTo("VACUUM");
    }

    @Test
    void aQueryJSqlParserRejectsGetsATokenSignatureMarkedApproximate() {
        PatternSignature s = QueryPatterns.signature(
                "SELECT i.x, sum(y) FROM i JOIN d ON d.k = i.k WHERE d.day BETWEEN '2000-01-01' AND d.day + 30 days"
                        + " GROUP BY i.x ORDER BY 1 LIMIT 100");
        assertThat(s.fromSyntaxTree()).isFalse();
        assertThat(s.text()).isEqualTo("SELECT_INNER_JOIN(1)_AGG_GROUP_BY_ORDER_BY_LIMIT_PRED(BETWEEN,EQ)~");
    }

    @Test
    void treeAndTokenReadingsAgreeOnAPlainQuery() {
        String sql = "SELECT c, count(*) FROM a, b LEFT JOIN e ON e.k = b.k WHERE a.k = b.k AND a.v >= 3"
                + " GROUP BY c HAVING count(*) > 1 ORDER BY c LIMIT 10";
        assertThat(TokenShapes.of("SELECT", org.planwright.sqltext.SqlLexer.tokenize(sql)).render(true))
                .isEqualTo(sig(sql) + "~");
    }
}
