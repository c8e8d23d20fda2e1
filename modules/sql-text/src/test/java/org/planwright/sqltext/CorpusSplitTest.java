package org.planwright.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planwright.testsupport.Corpus;

/** Splits the real workloads of {@code shared/corpus/sql}; counts are checked against the corpus MANIFEST. */
class CorpusSplitTest {

    private static List<SqlStatement> split(Path file) {
        String text = Corpus.read(file);
        List<SqlStatement> all = SqlScript.split(text);
        for (SqlStatement s : all) {
            assertThat(text.substring(s.startOffset(), s.endOffset())).as(file + " offsets").isEqualTo(s.text());
        }
        return all;
    }

    @Test
    void tpchQueriesAre22FilesOfOneQueryExceptQ15WithItsView() {
        List<Path> files = Corpus.sqlFiles("sql/tpch/queries");
        assertThat(files).hasSize(22);
        for (Path f : files) {
            List<SqlStatement> all = split(f);
            if (f.getFileName().toString().equals("q15.sql")) {
                // MANIFEST: "q15 = create view revenue0 + select + drop view"
                assertThat(all).extracting(SqlStatement::kind)
                        .containsExactly(StatementKind.DDL, StatementKind.QUERY, StatementKind.DDL);
            } else {
                assertThat(all).as(f.toString()).singleElement()
                        .extracting(SqlStatement::kind).isEqualTo(StatementKind.QUERY);
            }
        }
    }

    @Test
    void tpcdsQueriesAre99FilesOf103QueriesWithTwoIn14_23_24_39() {
        List<Path> files = Corpus.sqlFiles("sql/tpcds/queries");
        assertThat(files).hasSize(99);
        int total = 0;
        for (Path f : files) {
            List<SqlStatement> all = split(f);
            String name = f.getFileName().toString();
            int expected = List.of("query14.sql", "query23.sql", "query24.sql", "query39.sql").contains(name) ? 2 : 1;
            assertThat(all).as(name).hasSize(expected).allMatch(s -> s.kind() == StatementKind.QUERY);
            total += all.size();
        }
        assertThat(total).isEqualTo(103);
    }

    @Test
    void tpcdsStreamFileHoldsTheSame103QueriesBetweenTwoTimingCommands() {
        List<SqlStatement> all = split(Corpus.resolve("sql/tpcds/query_0.sql"));
        assertThat(all).hasSize(105);
        assertThat(all.getFirst().text()).isEqualTo("\\timing on");
        assertThat(all.getLast().text()).isEqualTo("\\timing off");
        assertThat(all.subList(1, 104)).allMatch(s -> s.kind() == StatementKind.QUERY);
    }

    @Test
    void everyRegressionScriptSplitsWithoutLosingAQuote() {
        List<Path> files = Corpus.sqlFiles("sql/pg-regress-15");
        assertThat(files).hasSize(219);
        int statements = 0;
        for (Path f : files) {
            String text = Corpus.read(f);
            // a quote swallowed by a misread COPY block or meta-command would run to the end of the file
            assertThat(SqlLexer.tokenize(text)).as(f.toString())
                    .noneMatch(t -> t.type() == SqlToken.Type.UNTERMINATED);
            statements += split(f).size();
        }
        assertThat(statements).isGreaterThan(40_000);
    }

    /**
     * Expected counts were found independently with grep: lines ending in ';', plus statements followed by a
     * comment on their line, plus psql meta-command lines.
     */
    @ParameterizedTest(name = "{0}: {1} statements")
    @CsvSource({"int4.sql, 64", "select.sql, 87", "boolean.sql, 93"})
    void regressionScriptStatementCounts(String file, int expected) {
        assertThat(split(Corpus.resolve("sql/pg-regress-15/" + file))).hasSize(expected);
    }

    @Test
    void copyDataBlocksInCopy2AreNotStatements() {
        List<SqlStatement> all = split(Corpus.resolve("sql/pg-regress-15/copy2.sql"));
        // data rows start with a digit and hold tabs; none may leak into a statement
        assertThat(all).noneMatch(s -> s.text().matches("(?s)^\\d+\\t.*"));
        assertThat(all).anyMatch(s -> s.text().equals("COPY x (a, b, c, d, e) from stdin"));
    }

    /**
     * A pg_dump data file: 21 COPY blocks of tab-separated rows with quotes in the data. The expected 44 was
     * counted with awk (lines ending in ';' outside the COPY ... \. blocks).
     */
    @Test
    void pagilaDumpIs21CopiesWithTheirDataLeftOut() {
        List<SqlStatement> all = split(Corpus.resolve("databases/pagila/pagila-data.sql"));
        assertThat(all).hasSize(44);
        assertThat(all).filteredOn(s -> s.command().equals("COPY")).hasSize(21)
                .allMatch(s -> s.text().endsWith("FROM stdin"));
        assertThat(all).extracting(SqlStatement::command).containsOnly("COPY", "SELECT", "SET");
    }
}
