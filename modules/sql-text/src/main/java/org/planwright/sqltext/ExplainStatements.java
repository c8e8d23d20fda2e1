package org.planwright.sqltext;

import java.util.List;
import java.util.Objects;

/**
 * Builds the {@code EXPLAIN (..., FORMAT JSON)} text Planwright sends for a statement (PostgreSQL manual,
 * "EXPLAIN"). Stateless and thread-safe.
 */
public final class ExplainStatements {

    private ExplainStatements() {
    }

    /**
     * @return the option list as {@link #explain} writes it, in EXPLAIN's order, e.g.
     *     "ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON" ({@code FORMAT JSON} always)
     */
    public static String options(boolean analyze, boolean buffers, boolean verbose, boolean settings) {
        StringBuilder sb = new StringBuilder();
        if (analyze) {
            sb.append("ANALYZE, ");
        }
        if (buffers) {
            sb.append("BUFFERS, ");
        }
        if (verbose) {
            sb.append("VERBOSE, ");
        }
        if (settings) {
            sb.append("SETTINGS, ");
        }
        return sb.append("FORMAT JSON").toString();
    }

    /**
     * Wraps a statement in {@code EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON)}, listing only the
     * options asked for ({@code FORMAT JSON} always). A statement that is already an {@code EXPLAIN} is
     * unwrapped first: its own options are dropped and its inner statement explained with the ones given here.
     *
     * <p>Note that with {@code analyze} PostgreSQL executes the statement; for INSERT, UPDATE, DELETE, MERGE
     * and data-modifying WITH ({@link StatementKind#isDml()}) the caller must run it in a transaction it rolls
     * back.
     *
     * @param statement the statement, e.g. from {@link SqlScript#statementAt}
     * @param analyze   run it and report actual times and rows (ms) and loops
     * @param buffers   report shared/local/temp buffer use (8 kB blocks); PostgreSQL 13+ accepts it without ANALYZE
     * @param verbose   report output columns and schema-qualified names
     * @param settings  report planner settings changed from their defaults (PostgreSQL 12+)
     * @return the EXPLAIN text, without a trailing semicolon
     * @throws IllegalArgumentException when the statement cannot be explained: only SELECT, VALUES, TABLE,
     *                                  INSERT, UPDATE, DELETE, MERGE and WITH queries can (plus EXECUTE,
     *                                  CREATE TABLE AS and DECLARE, which Planwright does not explain); the
     *                                  message says which command it got
     */
    public static String explain(SqlStatement statement, boolean analyze, boolean buffers, boolean verbose,
                                 boolean settings) {
        Objects.requireNonNull(statement, "statement");
        SqlStatement target = statement.kind() == StatementKind.EXPLAIN ? unwrap(statement) : statement;
        if (!target.kind().isExplainable()) {
            String what = target.kind() == StatementKind.EMPTY ? "an empty statement"
                    : target.command().isEmpty() ? "this statement"
                    : ("AEIOU".indexOf(target.command().charAt(0)) >= 0 ? "an " : "a ") + target.command()
                            + " statement";
            throw new IllegalArgumentException("Cannot EXPLAIN " + what
                    + ": only SELECT, VALUES, TABLE, WITH, INSERT, UPDATE, DELETE and MERGE statements have a plan.");
        }
        return "EXPLAIN (" + options(analyze, buffers, verbose, settings) + ") " + target.text();
    }

    /**
     * The statement inside {@code EXPLAIN [ANALYZE] [VERBOSE] stmt} or {@code EXPLAIN (options) stmt}: what
     * follows the option list, or the old-style option words ANALYZE/ANALYSE and VERBOSE. Its position is
     * relative to that text, not the script.
     */
    static SqlStatement unwrap(SqlStatement explain) {
        List<SqlToken> tokens = SqlLexer.tokenize(explain.text());
        int i = 0;
        boolean seenExplain = false;
        int depth = 0;
        for (; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.isTrivia()) {
                continue;
            }
            if (!seenExplain) {
                seenExplain = t.isWord("EXPLAIN");
                continue;
            }
            if (t.type() == SqlToken.Type.OPEN_PAREN) {
                depth++;
            } else if (t.type() == SqlToken.Type.CLOSE_PAREN && depth > 0) {
                depth--;
            } else if (depth == 0 && !(t.isWord("ANALYZE") || t.isWord("ANALYSE") || t.isWord("VERBOSE"))) {
                break;
            }
        }
        int innerStart = i < tokens.size() ? tokens.get(i).start() : explain.text().length();
        return SqlStatement.of(explain.text().substring(innerStart));
    }
}
