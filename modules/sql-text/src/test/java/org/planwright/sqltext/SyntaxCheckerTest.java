package org.planwright.sqltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planwright.sqltext.SyntaxProblem.Confidence;

class SyntaxCheckerTest {

    private final SyntaxChecker checker = new SyntaxChecker();

    @Test
    void errorOnLineThreeIsReportedAtLineThreeAndItsColumn() {
        String script = "select a,\n       b\nfrom t where a = = 1";
        List<SyntaxProblem> problems = checker.check(script);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(18);
            assertThat(script.substring(p.startOffset(), p.endOffset())).isEqualTo("=");
            assertThat(p.startOffset()).isEqualTo(script.lastIndexOf('='));
            assertThat(p.message()).isEqualTo("unexpected \"=\"");
            assertThat(p.confidence()).isEqualTo(Confidence.UNSURE);
        });
    }

    @Test
    void positionsAreInTheScriptNotTheStatement() {
        String script = "select 1;\n\n-- second\nselect *\n\tfrom t\n\twher a = 1;\nselect 3;";
        SyntaxProblem p = checker.check(script).getFirst();
        assertThat(p.line()).isEqualTo(6);
        // a tab counts as one column
        assertThat(p.column()).isEqualTo(7);
        assertThat(script.substring(p.startOffset(), p.endOffset())).isEqualTo("a");
        assertThat(p.message()).startsWith("unexpected \"a\"");
    }

    @Test
    void unknownFirstWordSaysItDoesNotStartAStatement() {
        SyntaxProblem p = checker.check("selec 1").getFirst();
        assertThat(p.message()).isEqualTo("\"selec\" does not start a statement");
        assertThat(p.startOffset()).isZero();
        assertThat(p.endOffset()).isEqualTo(5);
    }

    @Test
    void missingEndMarksTheLastWord() {
        String script = "select count(*) from t group by";
        SyntaxProblem p = checker.check(script).getFirst();
        assertThat(p.message()).startsWith("unexpected end of statement");
        assertThat(script.substring(p.startOffset(), p.endOffset())).isEqualTo("by");
    }

    @Test
    void expectedTokensAreNamedInWords() {
        SyntaxProblem p = checker.check("update t set where a = 1").getFirst();
        assertThat(p.message()).isEqualTo("unexpected WHERE, expected (");
    }

    @Test
    void unterminatedStringIsCertainAndMarkedFromItsQuote() {
        String script = "select 1;\nselect 'abc from t;\nselect 2;";
        List<SyntaxProblem> problems = checker.check(script);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.confidence()).isEqualTo(Confidence.CERTAIN);
            assertThat(p.message()).isEqualTo("unterminated quoted string");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(8);
            assertThat(p.endOffset()).isEqualTo(script.indexOf('\n', p.startOffset()));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"select \"abc from t", "select 1 /* never closed", "select $f$ body"})
    void otherUnterminatedTokensAreCertain(String script) {
        assertThat(checker.check(script)).singleElement()
                .satisfies(p -> assertThat(p.confidence()).isEqualTo(Confidence.CERTAIN))
                .satisfies(p -> assertThat(p.message()).startsWith("unterminated"));
    }

    @Test
    void unbalancedParenthesesAreCertain() {
        assertThat(checker.check("select (1 + 2 from t")).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("( is never closed");
            assertThat(p.startOffset()).isEqualTo(7);
            assertThat(p.confidence()).isEqualTo(Confidence.CERTAIN);
        });
        assertThat(checker.check("select 1) from t")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("unmatched ), no ( before it"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select E'it\\'s' as s, $$a;b$$ as d, U&'d\\0061t' as u",
        "select /* outer /* nested */ comment */ 1",
        "select x::int, j->>'k', j #> '{a,b}' from t where a ilike 'x%'",
        "select * from t for update skip locked",
        "WITH d AS (DELETE FROM t WHERE a < 0 RETURNING *) SELECT count(*) FROM d",
        "insert into t (a) values (1) on conflict (a) do update set a = excluded.a returning *",
        "select date '1998-12-01' - interval '68 days', interval '3' month",
        "select count(*) filter (where a > 1), array_agg(b order by c) from t group by rollup (d)",
        "select * from generate_series(1, 10) as g(i) cross join lateral (select i * 2) x(j)",
        "select $1, $2 from t where a = $1"
    })
    void postgresqlStatementsPass(String script) {
        assertThat(checker.check(script)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\\d+ t",
        "DO $$ BEGIN PERFORM 1 +; END $$",
        "VACUUM (ANALYZE, VERBOSE) t",
        "COPY t TO STDOUT WITH (FORMAT csv, HEADER)",
        "REINDEX TABLE CONCURRENTLY t",
        "select :'name', :\"ident\" from t where a = :value",
        "BEGIN ISOLATION LEVEL SERIALIZABLE",
        "CREATE STATISTICS s (dependencies) ON a, b FROM t"
    })
    void statementsJSqlParserDoesNotKnowAreSkipped(String script) {
        assertThat(checker.check(script)).isEmpty();
    }

    @Test
    void arraySliceIsNotAPsqlVariable() {
        assertThat(checker.check("select a[1:n] from t where = 1")).hasSize(1);
    }

    @Test
    void onlyBrokenStatementsAreReportedOnePerStatement() {
        String script = "select 1;\nselect from where;\nselect 2;\nselect 'x;\n";
        assertThat(checker.check(script)).extracting(SyntaxProblem::line, SyntaxProblem::confidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Confidence.UNSURE),
                        org.assertj.core.groups.Tuple.tuple(4, Confidence.CERTAIN));
    }

    @Test
    void aParseThatRunsOutOfTimeIsNotReported() {
        // the parse threads hold every parse back until released: JSqlParser's 1 ms are over before any parse
        // starts, whatever the machine's speed; once released, parses run at once on the checking thread
        String script = "select a + 1 from t where a = = 1";
        HeldParses held = new HeldParses();
        SyntaxChecker limited = new SyntaxChecker(Duration.ofMillis(1), held);

        assertThat(limited.check(script)).as("out of time: nothing reported").isEmpty();
        assertThat(held.waiting).as("the parse was submitted and never ran").isNotEmpty();

        held.release();
        assertThat(limited.check(script)).as("the timed-out outcome was not remembered: parsed again, error found")
                .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("unexpected \"=\""));
    }

    /** Parse threads that keep every task waiting until {@link #release()}, then run tasks on the caller. */
    private static final class HeldParses extends java.util.concurrent.AbstractExecutorService {
        final List<Runnable> waiting = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean released;

        void release() {
            released = true;
        }

        @Override
        public void execute(Runnable task) {
            if (released) {
                task.run();
            } else {
                waiting.add(task);
            }
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.copyOf(waiting);
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
            return false;
        }
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> new SyntaxChecker(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void emptyScriptHasNoProblems() {
        assertThat(checker.check("")).isEmpty();
        assertThat(checker.check("  -- nothing\n")).isEmpty();
    }
}
