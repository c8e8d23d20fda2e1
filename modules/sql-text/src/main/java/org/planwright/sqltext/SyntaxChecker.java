package org.planwright.sqltext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the syntax of every statement of a script, fast enough to run as the user types.
 *
 * <p>Each statement is first checked lexically (unterminated strings, quoted identifiers and comments,
 * unbalanced parentheses: {@link SyntaxProblem.Confidence#CERTAIN}), then parsed by JSqlParser 5.4 in its
 * PostgreSQL dialect under a time limit ({@link SyntaxProblem.Confidence#UNSURE}: JSqlParser does not know all
 * of PostgreSQL, the server has the last word). Statements JSqlParser is known not to handle are skipped rather
 * than flagged: psql meta-commands and statements using psql variables, {@code DO}, {@code VACUUM},
 * {@code COPY}, {@code REINDEX}, transaction and session commands, and the CREATE/ALTER/DROP of functions,
 * types, operators, roles and other objects outside JSqlParser's grammar.
 *
 * <p>Results of JSqlParser are kept per statement text (the last {@value #CACHE_SIZE} distinct statements), so
 * re-checking a script after one keystroke parses one statement. Thread-safe.
 */
public final class SyntaxChecker {

    /** Default per-statement parse limit. */
    public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(2);
    static final int CACHE_SIZE = 1024;

    private final JSqlParserCheck parser;
    private final Map<String, Optional<LexicalCheck.Finding>> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<LexicalCheck.Finding>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** A checker with {@link #DEFAULT_PARSE_TIMEOUT}. */
    public SyntaxChecker() {
        this(DEFAULT_PARSE_TIMEOUT);
    }

    /**
     * @param parseTimeout how long JSqlParser may take on one statement; a statement that takes longer is not
     *                     reported (and not cached). Must be positive.
     * @throws IllegalArgumentException if the timeout is zero or negative
     */
    public SyntaxChecker(Duration parseTimeout) {
        this.parser = new JSqlParserCheck(positive(parseTimeout));
    }

    /** For tests: JSqlParser's parses run on {@code parseThreads} (e.g. one that holds them back). */
    SyntaxChecker(Duration parseTimeout, java.util.concurrent.ExecutorService parseThreads) {
        this.parser = new JSqlParserCheck(positive(parseTimeout), Objects.requireNonNull(parseThreads));
    }

    private static Duration positive(Duration parseTimeout) {
        Objects.requireNonNull(parseTimeout, "parseTimeout");
        if (parseTimeout.isNegative() || parseTimeout.isZero()) {
            throw new IllegalArgumentException("The parse timeout must be positive, not " + parseTimeout);
        }
        return parseTimeout;
    }

    /**
     * @param script the editor text or file; must not be null
     * @return the problems in script order, at most one per statement; empty when nothing is wrong
     */
    public List<SyntaxProblem> check(String script) {
        LineIndex lines = new LineIndex(script);
        List<SyntaxProblem> problems = new ArrayList<>();
        for (SqlStatement statement : SqlScript.split(script)) {
            List<SqlToken> tokens = SqlLexer.tokenize(statement.text());
            Optional<LexicalCheck.Finding> lexical = LexicalCheck.check(statement.text(), tokens);
            if (lexical.isPresent()) {
                problems.add(toProblem(lexical.get(), statement, lines, SyntaxProblem.Confidence.CERTAIN));
                continue;
            }
            if (UncheckedStatements.skipReason(tokens) != null) {
                continue;
            }
            parse(ParserInput.of(statement.text(), tokens)).ifPresent(f ->
                    problems.add(toProblem(f, statement, lines, SyntaxProblem.Confidence.UNSURE)));
        }
        return problems;
    }

    private Optional<LexicalCheck.Finding> parse(String input) {
        synchronized (cache) {
            Optional<LexicalCheck.Finding> known = cache.get(input);
            if (known != null) {
                return known;
            }
        }
        JSqlParserCheck.Outcome outcome = parser.check(input);
        if (!outcome.timedOut()) {
            synchronized (cache) {
                cache.put(input, outcome.finding());
            }
        }
        return outcome.finding();
    }

    private static SyntaxProblem toProblem(LexicalCheck.Finding f, SqlStatement statement, LineIndex lines,
                                           SyntaxProblem.Confidence confidence) {
        int start = statement.startOffset() + f.start();
        int end = Math.max(statement.startOffset() + f.end(), start + 1);
        end = Math.min(end, Math.max(statement.endOffset(), start + 1));
        return new SyntaxProblem(lines.line(start), lines.column(start), start, end, f.message(), confidence);
    }
}
