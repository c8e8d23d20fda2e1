package org.planwright.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwright.testsupport.Corpus;

class SqlHighlightingTest {

    /**
     * The style at the first occurrence of {@code part} in {@code text}, checking that one run covers it up to
     * its first space or parenthesis (so "left(" asks about the word left).
     */
    private static StyleClass styleOf(String text, String part) {
        int at = text.indexOf(part);
        int covered = part.length();
        for (int i = 1; i < part.length(); i++) {
            if (part.charAt(i) == ' ' || part.charAt(i) == '(') {
                covered = i;
                break;
            }
        }
        for (StyleRun r : SqlHighlighting.styleRuns(text)) {
            if (r.start() <= at && at < r.end()) {
                assertThat(r.end()).as(part).isGreaterThanOrEqualTo(at + covered);
                return r.style();
            }
        }
        throw new AssertionError(part + " not found");
    }

    @Test
    void runsCoverTheTextContiguously() {
        String text = "select 'a', \"b\" -- c\nfrom t where x = $1;\n\\d t\n/* open";
        List<StyleRun> runs = SqlHighlighting.styleRuns(text);
        int pos = 0;
        for (StyleRun r : runs) {
            assertThat(r.start()).isEqualTo(pos);
            assertThat(r.length()).isPositive();
            pos = r.end();
        }
        assertThat(pos).isEqualTo(text.length());
        assertThat(SqlHighlighting.styleRuns("")).isEmpty();
    }

    @Test
    void tpchQuery1() {
        String q1 = Corpus.read(Corpus.resolve("sql/tpch/queries/q1.sql"));
        assertThat(styleOf(q1, "-- SQLBench-H query 1")).isEqualTo(StyleClass.COMMENT);
        assertThat(styleOf(q1, "select")).isEqualTo(StyleClass.KEYWORD);
        assertThat(styleOf(q1, "l_returnflag")).isEqualTo(StyleClass.IDENTIFIER);
        assertThat(styleOf(q1, "sum")).isEqualTo(StyleClass.FUNCTION);
        assertThat(styleOf(q1, "date '")).isEqualTo(StyleClass.TYPE);
        assertThat(styleOf(q1, "'1998-12-01'")).isEqualTo(StyleClass.STRING);
        assertThat(styleOf(q1, "interval")).isEqualTo(StyleClass.TYPE);
        assertThat(styleOf(q1, "1 - l_discount")).isEqualTo(StyleClass.NUMBER);
        assertThat(styleOf(q1, "<=")).isEqualTo(StyleClass.OPERATOR);
        assertThat(styleOf(q1, "group by")).isEqualTo(StyleClass.KEYWORD);
    }

    @Test
    void functionOnlyWhenCalledAndKeywordOtherwise() {
        String sql = "select left(name, 2), count(*) from a left join b using (id) where coalesce(x, 0) > 0";
        assertThat(styleOf(sql, "left(")).isEqualTo(StyleClass.FUNCTION);
        assertThat(styleOf(sql, "left join")).isEqualTo(StyleClass.KEYWORD);
        assertThat(styleOf(sql, "count")).isEqualTo(StyleClass.FUNCTION);
        assertThat(styleOf(sql, "using")).isEqualTo(StyleClass.KEYWORD);
        assertThat(styleOf(sql, "coalesce")).isEqualTo(StyleClass.FUNCTION);
    }

    @Test
    void qualifiedNamesAreIdentifiersEvenWhenTheyAreKeywords() {
        String sql = "select t.name, t.date, x::timestamptz, pg_catalog.now() from s.user_t t";
        assertThat(styleOf(sql, "name")).isEqualTo(StyleClass.IDENTIFIER);
        assertThat(styleOf(sql, "date")).isEqualTo(StyleClass.IDENTIFIER);
        assertThat(styleOf(sql, "timestamptz")).isEqualTo(StyleClass.TYPE);
        assertThat(styleOf(sql, "now")).isEqualTo(StyleClass.FUNCTION);
    }

    @Test
    void postgresqlSpecificTokens() {
        String sql = "select E'a\\'b', $$body$$, \"Mixed Case\", $1, ->> \n\\gset";
        assertThat(styleOf(sql, "E'a")).isEqualTo(StyleClass.STRING);
        assertThat(styleOf(sql, "$$body$$")).isEqualTo(StyleClass.STRING);
        assertThat(styleOf(sql, "\"Mixed Case\"")).isEqualTo(StyleClass.QUOTED_IDENTIFIER);
        assertThat(styleOf(sql, "$1")).isEqualTo(StyleClass.PARAMETER);
        assertThat(styleOf(sql, "->>")).isEqualTo(StyleClass.OPERATOR);
        assertThat(styleOf(sql, "\\gset")).isEqualTo(StyleClass.META_COMMAND);
    }

    @Test
    void unterminatedStringIsAnErrorToTheEnd() {
        String sql = "select 'oops from t;\nselect 2;";
        List<StyleRun> runs = SqlHighlighting.styleRuns(sql);
        assertThat(runs.getLast().style()).isEqualTo(StyleClass.ERROR);
        assertThat(runs.getLast().start()).isEqualTo(sql.indexOf('\''));
    }

    @Test
    void createTableTypes() {
        String sql = "create table t (id bigint primary key, price numeric(12,2), tags text[], at timestamptz)";
        assertThat(styleOf(sql, "bigint")).isEqualTo(StyleClass.TYPE);
        assertThat(styleOf(sql, "numeric")).isEqualTo(StyleClass.TYPE);
        assertThat(styleOf(sql, "text")).isEqualTo(StyleClass.TYPE);
        assertThat(styleOf(sql, "primary key")).isEqualTo(StyleClass.KEYWORD);
    }

    @Test
    void keywordListsFollowTheManual() {
        assertThat(SqlKeywords.isReserved("select")).isTrue();
        assertThat(SqlKeywords.isReserved("SELECT")).isTrue();
        assertThat(SqlKeywords.isReserved("name")).isFalse();
        assertThat(SqlKeywords.isKeyword("vacuum")).isTrue();
        assertThat(SqlKeywords.isKeyword("lineitem")).isFalse();
        assertThat(SqlKeywords.isType("TIMESTAMPTZ")).isTrue();
        assertThat(SqlKeywords.isFunction("date_trunc")).isTrue();
        assertThat(StyleClass.QUOTED_IDENTIFIER.cssClass()).isEqualTo("quoted-identifier");
    }
}
