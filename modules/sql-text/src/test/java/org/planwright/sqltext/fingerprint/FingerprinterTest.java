package org.planwright.sqltext.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprinterTest {

    private static String normalized(String sql) {
        return Fingerprinter.of(sql).normalizedSql();
    }

    @Test
    void everyConstantBecomesANumberedPlaceholder() {
        QueryFingerprint f = Fingerprinter.of("select * from t where a = 'x' and b > 4.5e3 and c = $1 and d = E'\\n'");
        assertThat(f.normalizedSql()).isEqualTo("SELECT * FROM t WHERE a = $1 AND b > $2 AND c = $3 AND d = $4");
        assertThat(f.constants()).isEqualTo(4);
    }

    @Test
    void statementsThatDifferOnlyInConstantsShareIt() {
        QueryFingerprint a = Fingerprinter.of("SELECT name FROM film WHERE length > 120 AND rating = 'PG' LIMIT 10");
        QueryFingerprint b = Fingerprinter.of("SELECT name FROM film WHERE length > 95 AND rating = 'NC-17' LIMIT 5");
        assertThat(a).isEqualTo(b);
        assertThat(a.id()).hasSize(16).matches("[0-9a-f]{16}");
    }

    @Test
    void spellingCaseCommentsAndQuotingDoNotMatter() {
        String a = "SELECT a.x,count(*) FROM \"orders\" a -- note\nWHERE a.y>=1 GROUP BY a.x;";
        String b = "select A.X , COUNT( * )\n  from orders A /* other note */ where A.Y >= 2 group by a.x";
        assertThat(normalized(a)).isEqualTo(normalized(b)).isEqualTo(
                "SELECT a.x, count(*) FROM orders a WHERE a.y >= $1 GROUP BY a.x");
    }

    @Test
    void otherIdentifiersGiveAnotherFingerprint() {
        assertThat(Fingerprinter.of("SELECT * FROM t WHERE a = 1").id())
                .isNotEqualTo(Fingerprinter.of("SELECT * FROM t WHERE b = 1").id());
        // a quoted identifier with capitals is another name in PostgreSQL
        assertThat(normalized("SELECT \"Name\" FROM t")).isEqualTo("SELECT \"Name\" FROM t");
    }

    @Test
    void aSignIsPartOfTheConstantOnlyWhereItCannotBeBinary() {
        assertThat(normalized("SELECT x FROM t WHERE a > -5 AND b = a - 3 AND c IN (-1, +2)"))
                .isEqualTo("SELECT x FROM t WHERE a > $1 AND b = a - $2 AND c IN ($3 /*, ... */)");
    }

    @Test
    void inListsOfConstantsOfAnyLengthShareIt() {
        assertThat(Fingerprinter.of("SELECT 1 FROM t WHERE a IN (1, 2, 3)").normalizedSql())
                .isEqualTo(Fingerprinter.of("SELECT 2 FROM t WHERE a IN (7)").normalizedSql());
        assertThat(normalized("SELECT 1 FROM t WHERE a IN (b, 2)")).isEqualTo("SELECT $1 FROM t WHERE a IN (b, $2)");
    }

    @Test
    void operatorsAreWholeAndCastsStayGlued() {
        assertThat(normalized("select a::int<>b, c||'x', d !~~ 'y%' from t"))
                .isEqualTo("SELECT a::INT <> b, c || $1, d !~~ $2 FROM t");
    }

    @Test
    void textJSqlParserCannotReadStillHasAFingerprint() {
        QueryFingerprint f = Fingerprinter.of("SELECT d + 30 days FROM t WHERE x = 'open");
        assertThat(f.normalizedSql()).isEqualTo("SELECT d + $1 days FROM t WHERE x = $2");
    }

    @Test
    void emptyTextHasTheEmptyFingerprint() {
        assertThat(Fingerprinter.of("  -- nothing\n ;").normalizedSql()).isEmpty();
    }
}
