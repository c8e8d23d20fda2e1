package org.planwright.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwright.sqltext.SqlToken.Type;

class SqlLexerTest {

    private static List<Type> meaningfulTypes(String sql) {
        return SqlLexer.tokenize(sql).stream().filter(t -> t.type() != Type.WHITESPACE).map(SqlToken::type).toList();
    }

    private static SqlToken first(String sql, Type type) {
        return SqlLexer.tokenize(sql).stream().filter(t -> t.type() == type).findFirst().orElseThrow();
    }

    @Test
    void tokensCoverEveryCharacterInOrder() {
        String sql = "select E'a\\'b', $x$ ; $x$, \"q\"\"id\" /* a /* nested */ b */ from t -- c\n\\d t\n";
        int pos = 0;
        for (SqlToken t : SqlLexer.tokenize(sql)) {
            assertThat(t.start()).isEqualTo(pos);
            assertThat(t.text()).isEqualTo(sql.substring(t.start(), t.end()));
            pos = t.end();
        }
        assertThat(pos).isEqualTo(sql.length());
    }

    @Test
    void escapeStringKeepsBackslashQuoteInside() {
        assertThat(first("select E'it\\'s; here' x", Type.STRING).text()).isEqualTo("E'it\\'s; here'");
    }

    @Test
    void standardStringEndsAtQuoteAfterBackslash() {
        // standard_conforming_strings = on (the default since PostgreSQL 9.1): a backslash is an ordinary character
        assertThat(first("select 'C:\\' , 1", Type.STRING).text()).isEqualTo("'C:\\'");
    }

    @Test
    void doubledQuoteStaysInsideStringAndIdentifier() {
        assertThat(first("select 'it''s' x", Type.STRING).text()).isEqualTo("'it''s'");
        assertThat(first("select \"a\"\"b\" x", Type.QUOTED_IDENTIFIER).text()).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void dollarQuotesWithAndWithoutTag() {
        assertThat(first("select $$a;'b$$", Type.STRING).text()).isEqualTo("$$a;'b$$");
        assertThat(first("select $fn$ $$ inner $$ $fn$ x", Type.STRING).text()).isEqualTo("$fn$ $$ inner $$ $fn$");
    }

    @Test
    void positionalParameterIsNotADollarQuote() {
        assertThat(meaningfulTypes("select $1, $2")).containsExactly(
                Type.WORD, Type.PARAMETER, Type.OPERATOR, Type.PARAMETER);
    }

    @Test
    void identifierMayContainDollar() {
        assertThat(meaningfulTypes("select a$b$c")).containsExactly(Type.WORD, Type.WORD);
    }

    @Test
    void blockCommentsNest() {
        SqlToken c = first("/* outer /* inner */ still comment */ select", Type.COMMENT);
        assertThat(c.text()).isEqualTo("/* outer /* inner */ still comment */");
    }

    @Test
    void unclosedThingsBecomeOneUnterminatedTokenToTheEnd() {
        for (String sql : List.of("select 'abc; select 2", "select \"abc; select 2", "select /* a /* b */ c",
                "select $q$ body; select 2", "select E'abc\\'")) {
            List<SqlToken> tokens = SqlLexer.tokenize(sql);
            assertThat(tokens.getLast().type()).as(sql).isEqualTo(Type.UNTERMINATED);
            assertThat(tokens.getLast().end()).isEqualTo(sql.length());
        }
    }

    @Test
    void numbers() {
        assertThat(meaningfulTypes("select 1, 1.5, .5, 1e10, 2.5E-3, 1_000")).containsExactly(Type.WORD,
                Type.NUMBER, Type.OPERATOR, Type.NUMBER, Type.OPERATOR, Type.NUMBER, Type.OPERATOR, Type.NUMBER,
                Type.OPERATOR, Type.NUMBER, Type.OPERATOR, Type.NUMBER);
    }

    @Test
    void metaCommandRunsToEndOfLineAtLineStartOrAfterAQuery() {
        List<SqlToken> tokens = SqlLexer.tokenize("\\set x 'a;b'\nselect 1 as n \\gset\nselect 2;");
        List<SqlToken> meta = tokens.stream().filter(t -> t.type() == Type.META_COMMAND).toList();
        assertThat(meta).extracting(SqlToken::text).containsExactly("\\set x 'a;b'", "\\gset");
    }

    @Test
    void copyFromStdinDataIsOneStringUpToBackslashDot() {
        String sql = "COPY x (a, b) from stdin;\n1\tit's\n2\t;\n\\.\nselect 1;";
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        SqlToken data = tokens.stream().filter(t -> t.type() == Type.STRING).findFirst().orElseThrow();
        assertThat(data.text()).isEqualTo("1\tit's\n2\t;\n\\.");
        assertThat(tokens.getLast().type()).isEqualTo(Type.SEMICOLON);
        assertThat(tokens).noneMatch(t -> t.type() == Type.UNTERMINATED || t.type() == Type.META_COMMAND);
    }

    @Test
    void copyToStdoutHasNoData() {
        List<SqlToken> tokens = SqlLexer.tokenize("COPY (select 'a') TO stdout;\nselect 'b';");
        assertThat(tokens).filteredOn(t -> t.type() == Type.STRING).extracting(SqlToken::text)
                .containsExactly("'a'", "'b'");
    }

    @Test
    void unicodeEscapeStringAndIdentifier() {
        assertThat(meaningfulTypes("select U&'d\\0061t', U&\"d\\0061t\"")).containsExactly(
                Type.WORD, Type.STRING, Type.OPERATOR, Type.QUOTED_IDENTIFIER);
    }

    @Test
    void tokenHelpers() {
        SqlToken select = SqlLexer.tokenize("Select").getFirst();
        assertThat(select.isWord("SELECT")).isTrue();
        assertThat(select.isTrivia()).isFalse();
        assertThat(SqlLexer.tokenize("-- x").getFirst().isTrivia()).isTrue();
    }
}
