package org.planwright.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static List<String> texts(String script) {
        return SqlScript.split(script).stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsAtTopLevelSemicolons() {
        assertThat(texts("select 1; select 2;\n select 3")).containsExactly("select 1", "select 2", "select 3");
    }

    @Test
    void semicolonsInsideStringsQuotesAndCommentsDoNotSplit() {
        assertThat(texts("select ';' ; select E'\\';' ; select $$;$$ ; select $f$;$f$ ; select \";\" ;"
                + " select 1 /* ; */ ; select 2 -- ;\n ;"))
                .containsExactly("select ';'", "select E'\\';'", "select $$;$$", "select $f$;$f$", "select \";\"",
                        "select 1 /* ; */", "select 2 -- ;");
    }

    @Test
    void semicolonInsideParenthesesDoesNotSplit() {
        // CREATE RULE ... DO (cmd; cmd) keeps its inner semicolons, as psql does
        assertThat(texts("create rule r as on insert to t do also (insert into a values (1); insert into b"
                + " values (2)); select 1")).hasSize(2);
    }

    @Test
    void functionBodyInDollarQuotesIsOneStatement() {
        String script = """
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
                BEGIN
                  PERFORM 1; RETURN 2;
                END;
                $body$;
                SELECT f();
                """;
        assertThat(SqlScript.split(script)).extracting(SqlStatement::kind)
                .containsExactly(StatementKind.DDL, StatementKind.QUERY);
    }

    @Test
    void emptyPiecesAndTrailingCommentsAreNotStatements() {
        assertThat(texts(";;  ; -- nothing\n /* still nothing */ ;")).isEmpty();
        assertThat(texts("select 1;\n-- trailing comment\n")).containsExactly("select 1");
    }

    @Test
    void leadingCommentBelongsToTheStatement() {
        assertThat(texts("-- count rows\nselect count(*) from t;")).containsExactly("-- count rows\nselect count(*) from t");
    }

    @Test
    void metaCommandsAreStatementsOfTheirOwn() {
        List<SqlStatement> all = SqlScript.split("\\set ON_ERROR_STOP on\nselect 1 as one \\gset\n\\echo :one\nselect 2;");
        assertThat(all).extracting(SqlStatement::text)
                .containsExactly("\\set ON_ERROR_STOP on", "select 1 as one", "\\gset", "\\echo :one", "select 2");
        assertThat(all).extracting(SqlStatement::kind).containsExactly(StatementKind.UTILITY, StatementKind.QUERY,
                StatementKind.UTILITY, StatementKind.UTILITY, StatementKind.QUERY);
    }

    @Test
    void copyDataIsNotAStatement() {
        String script = "COPY t (a, b) FROM stdin;\n1\tit's\n2\tx;y\n\\.\nSELECT * FROM t;\n";
        assertThat(texts(script)).containsExactly("COPY t (a, b) FROM stdin", "SELECT * FROM t");
    }

    @Test
    void psqlEscapedSemicolonSeparatesStatementsAndEachCopyGetsItsDataBlock() {
        String script = "select 0\\; copy t from stdin\\; copy t from stdout\\; select 1; -- 0 1\n1\n\\.\n2\n\\.\nselect 2;";
        assertThat(texts(script)).containsExactly("select 0", "copy t from stdin", "copy t from stdout",
                "select 1", "select 2");
    }

    @Test
    void copyOfAQueryFromStdinIsAnErrorWithoutData() {
        // copyselect.sql: the server rejects "COPY (query) FROM", so psql reads no data after it
        assertThat(texts("copy (select * from t) from stdin;\nselect 1;\nselect 2;")).hasSize(3);
    }

    @Test
    void metaCopyFromStdinAlsoReadsData() {
        assertThat(texts("\\copy t from stdin\n'a\tb\n\\.\nselect 1;")).containsExactly("\\copy t from stdin", "select 1");
    }

    @Test
    void offsetsLinesAndColumnsPointIntoTheScript() {
        String script = "select 1;\n\n  update t\n  set a = 1;\r\n\tdelete from t";
        List<SqlStatement> all = SqlScript.split(script);
        assertThat(all).hasSize(3);
        SqlStatement update = all.get(1);
        assertThat(script.substring(update.startOffset(), update.endOffset())).isEqualTo(update.text());
        assertThat(update.line()).isEqualTo(3);
        assertThat(update.column()).isEqualTo(3);
        SqlStatement delete = all.get(2);
        assertThat(delete.line()).isEqualTo(5);
        assertThat(delete.column()).isEqualTo(2);
        assertThat(delete.kind()).isEqualTo(StatementKind.DELETE);
    }

    @Test
    void statementAtCaretInsideAStatement() {
        String script = "select 1;\nselect 2;\nselect 3;";
        assertThat(SqlScript.statementAt(script, script.indexOf("2"))).map(SqlStatement::text).hasValue("select 2");
    }

    @Test
    void statementAtCaretRightAfterTheSemicolon() {
        String script = "select 1;\nselect 2;\n\nselect 3;";
        int afterSecond = script.indexOf("2;") + 2;
        assertThat(SqlScript.statementAt(script, afterSecond)).map(SqlStatement::text).hasValue("select 2");
        assertThat(SqlScript.statementAt(script, script.length())).map(SqlStatement::text).hasValue("select 3");
    }

    @Test
    void statementAtCaretInBlankLinesIsThePreviousStatement() {
        String script = "select 1;\n\n\nselect 2;";
        assertThat(SqlScript.statementAt(script, script.indexOf("\n\n") + 1)).map(SqlStatement::text)
                .hasValue("select 1");
    }

    @Test
    void statementAtCaretIndentedBeforeAStatementOnItsLineIsThatStatement() {
        String script = "select 1;\n\n    select 2;";
        assertThat(SqlScript.statementAt(script, script.indexOf("    select") + 1)).map(SqlStatement::text)
                .hasValue("select 2");
    }

    @Test
    void statementAtCaretBeforeTheFirstStatementIsTheFirst() {
        String script = "\n\n  select 1;\nselect 2;";
        assertThat(SqlScript.statementAt(script, 0)).map(SqlStatement::text).hasValue("select 1");
    }

    @Test
    void statementAtBetweenTwoStatementsWithoutSpacePrefersTheOneStartingThere() {
        String script = "select 1;select 2;";
        assertThat(SqlScript.statementAt(script, script.indexOf(";") + 1)).map(SqlStatement::text)
                .hasValue("select 2");
    }

    @Test
    void statementAtInAnEmptyScriptIsEmpty() {
        assertThat(SqlScript.statementAt("  -- only a comment\n", 3)).isEmpty();
        assertThat(SqlScript.statementAt("", 0)).isEmpty();
    }

    @Test
    void singleStatementOf() {
        SqlStatement s = SqlStatement.of("  WITH x AS (select 1) select * from x;");
        assertThat(s.text()).isEqualTo("WITH x AS (select 1) select * from x");
        assertThat(s.command()).isEqualTo("WITH");
        assertThat(SqlStatement.of("  ").kind()).isEqualTo(StatementKind.EMPTY);
        assertThat(SqlStatement.of("(select 1) union (select 2)").command()).isEqualTo("SELECT");
    }
}
