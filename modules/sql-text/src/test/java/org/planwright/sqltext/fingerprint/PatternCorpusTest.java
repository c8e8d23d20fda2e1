package org.planwright.sqltext.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwright.sqltext.SqlLexer;
import org.planwright.sqltext.SqlScript;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.SqlToken;
import org.planwright.testsupport.Corpus;

/** Fingerprints and signatures over the real SQL of {@code shared/corpus/sql}: TPC-H, TPC-DS, pg-regress 15. */
class PatternCorpusTest {

    private static List<String> statements(String folder) {
        List<String> out = new ArrayList<>();
        for (Path f : Corpus.sqlFiles(folder)) {
            for (SqlStatement s : SqlScript.split(Corpus.read(f))) {
                out.add(s.text());
            }
        }
        return out;
    }

    /**
     * Another instance of the same template: every digit and letter inside a constant changed (digits stay digits,
     * letters stay letters, so the constant keeps its lexical kind); dollar-quoted bodies are left alone.
     */
    static String otherInstance(String sql) {
        StringBuilder out = new StringBuilder(sql);
        for (SqlToken t : SqlLexer.tokenize(sql)) {
            if (t.type() == SqlToken.Type.NUMBER || t.type() == SqlToken.Type.STRING && t.text().endsWith("'")) {
                int from = t.type() == SqlToken.Type.STRING ? t.start() + t.text().indexOf('\'') + 1 : t.start();
                for (int i = from; i < t.end() - (t.type() == SqlToken.Type.STRING ? 1 : 0); i++) {
                    char c = sql.charAt(i);
                    if (c >= '0' && c <= '9') {
                        out.setCharAt(i, (char) ('0' + (c - '0' + 3) % 10));
                    } else if (c >= 'a' && c <= 'z' && t.type() == SqlToken.Type.STRING) {
                        out.setCharAt(i, (char) ('a' + (c - 'a' + 7) % 26));
                    } else if (c >= 'A' && c <= 'Z' && t.type() == SqlToken.Type.STRING) {
                        out.setCharAt(i, (char) ('A' + (c - 'A' + 7) % 26));
                    }
                }
            }
        }
        return out.toString();
    }

    @Test
    void tpcdsAndTpchInstancesOfOneTemplateShareFingerprintAndSignature() {
        List<String> all = new ArrayList<>(statements("sql/tpcds/queries"));
        int tpcds = all.size();
        all.addAll(statements("sql/tpch/queries"));
        assertThat(tpcds).as("TPC-DS statements (99 templates, 4 with two statements)").isEqualTo(103);
        assertThat(all.size() - tpcds).as("TPC-H statements (q15 is three)").isEqualTo(24);
        int changed = 0;
        int fromTree = 0;
        for (String sql : all) {
            String other = otherInstance(sql);
            changed += other.equals(sql) ? 0 : 1;
            QueryPattern a = QueryPatterns.of(sql);
            QueryPattern b = QueryPatterns.of(other);
            assertThat(b.fingerprint()).as(sql).isEqualTo(a.fingerprint());
            assertThat(b.signature()).as(sql).isEqualTo(a.signature());
            fromTree += a.signature().fromSyntaxTree() ? 1 : 0;
        }
        assertThat(changed).as("instances that really differ in constants").isGreaterThan(120);
        // the 15 TPC-DS queries with "+ 30 days" arithmetic are rejected by JSqlParser, and q15's view DDL needs no tree
        assertThat(fromTree).isEqualTo(all.size() - 15 - 2);
    }

    @Test
    void everyPgRegressStatementHasAFingerprintWithoutConstants() {
        List<String> all = statements("sql/pg-regress-15");
        assertThat(all).as("pg-regress statements").hasSizeGreaterThan(40_000);
        int withConstants = 0;
        for (String sql : all) {
            QueryFingerprint f = Fingerprinter.of(sql);
            for (SqlToken t : SqlLexer.tokenize(f.normalizedSql())) {
                assertThat(t.type()).as(sql).isNotIn(SqlToken.Type.NUMBER, SqlToken.Type.STRING);
            }
            withConstants += f.constants() > 0 ? 1 : 0;
            assertThat(Fingerprinter.of(otherInstance(sql))).as(sql).isEqualTo(f);
        }
        assertThat(withConstants).isGreaterThan(10_000);
    }

    /** Every 32nd statement (a parse of all 43,000 takes ~15 s of CPU): no crash, and a signature of the grammar. */
    @Test
    void pgRegressSignaturesNeverFail() {
        List<String> all = statements("sql/pg-regress-15");
        assertThat(all).hasSizeGreaterThan(40_000);
        int queries = 0;
        for (int i = 0; i < all.size(); i += 32) {
            PatternSignature s = QueryPatterns.signature(all.get(i));
            assertThat(s.text()).matches("[A-Z][A-Z_]*(\\(\\d+\\)|_[A-Z_]+|\\([A-Z_,]+\\))*~?");
            queries += s.text().startsWith("SELECT") ? 1 : 0;
        }
        assertThat(queries).isGreaterThan(250);
    }
}
