package org.planwright.sqltext.fingerprint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.planwright.sqltext.ParserInput;
import org.planwright.sqltext.SqlLexer;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.SqlToken;
import org.planwright.sqltext.StatementKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fingerprint and pattern signature of one statement, lexing it once and parsing it at most once.
 *
 * <p>The parse runs on the calling thread ({@code CCJSqlParser.Statement()} directly, PostgreSQL dialect, simple
 * mode then complex mode as {@code CCJSqlParserUtil.parse} does): JSqlParser's default API starts a thread per
 * call, which costs 2-5x. So there is no parse time limit: call it from a worker thread, never the JavaFX
 * application thread, for statements of unknown size. Queries and DML are parsed; DDL and utility statements take
 * their command words as signature without a parse. When JSqlParser rejects a query, the signature is read from
 * the tokens (and ends in {@code ~}). Never throws for any text; stateless and thread-safe.
 */
public final class QueryPatterns {

    private static final Logger LOG = LoggerFactory.getLogger(QueryPatterns.class);
    /** Words after CREATE/ALTER/DROP that qualify rather than name the object kind. */
    private static final Set<String> MODIFIERS = Set.of("OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY", "UNLOGGED",
            "GLOBAL", "LOCAL", "RECURSIVE", "TRUSTED", "PROCEDURAL", "DEFAULT", "CONSTRAINT", "IF", "NOT", "EXISTS");

    private QueryPatterns() {
    }

    /**
     * @param sql one statement; must not be null
     * @return its fingerprint and signature
     */
    public static QueryPattern of(String sql) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        return new QueryPattern(Fingerprinter.of(tokens), signature(sql, tokens));
    }

    /** @return the pattern signature of one statement; never throws */
    public static PatternSignature signature(String sql) {
        return signature(sql, SqlLexer.tokenize(sql));
    }

    private static PatternSignature signature(String sql, List<SqlToken> tokens) {
        StatementKind kind = SqlStatement.of(sql).kind();
        if (kind == StatementKind.EMPTY) {
            return new PatternSignature("EMPTY", false);
        }
        if (kind == StatementKind.DDL || kind == StatementKind.UTILITY || kind == StatementKind.EXPLAIN) {
            return new PatternSignature(commandWords(tokens), false);
        }
        Optional<Statement> tree = parse(ParserInput.of(sql, tokens));
        if (tree.isPresent()) {
            try {
                QueryShape shape = TreeShapes.of(tree.get());
                if (shape != null) {
                    return new PatternSignature(shape.render(false), true);
                }
            } catch (RuntimeException e) {
                LOG.debug("JSqlParser's traversal failed; signature from tokens", e);
            }
        }
        String tokenKind = switch (kind) {
            case INSERT -> "INSERT";
            case UPDATE -> "UPDATE";
            case DELETE -> "DELETE";
            case MERGE -> "MERGE";
            default -> firstWordIs(tokens, "values") ? "VALUES" : "SELECT";
        };
        return new PatternSignature(TokenShapes.of(tokenKind, tokens).render(true), false);
    }

    /**
     * Parses on the calling thread, simple mode first, then complex mode.
     *
     * @param parserInput text prepared by {@link ParserInput}
     * @return the statement, or empty when JSqlParser rejects it (or fails inside)
     */
    static Optional<Statement> parse(String parserInput) {
        for (boolean complex : new boolean[] {false, true}) {
            try {
                CCJSqlParser parser = CCJSqlParserUtil.newParser(parserInput)
                        .withDialect(AbstractJSqlParser.Dialect.POSTGRESQL)
                        .withAllowComplexParsing(complex);
                Statement statement = parser.Statement();
                if (statement != null) {
                    return Optional.of(statement);
                }
            } catch (Exception | StackOverflowError e) {
                // rejected (ParseException, TokenMgrException) or a JSqlParser bug: try complex mode, then give up
            }
        }
        return Optional.empty();
    }

    private static boolean firstWordIs(List<SqlToken> tokens, String word) {
        for (SqlToken t : tokens) {
            if (!t.isTrivia() && t.type() != SqlToken.Type.OPEN_PAREN) {
                return t.isWord(word);
            }
        }
        return false;
    }

    /** e.g. CREATE_INDEX, ALTER_TABLE, SET, VACUUM, EXPLAIN. */
    private static String commandWords(List<SqlToken> tokens) {
        StringBuilder s = new StringBuilder();
        for (SqlToken t : tokens) {
            if (t.isTrivia()) {
                continue;
            }
            if (t.type() != SqlToken.Type.WORD) {
                break;
            }
            String w = t.text().toUpperCase(Locale.ROOT);
            if (s.isEmpty()) {
                s.append(w);
                if (!w.equals("CREATE") && !w.equals("ALTER") && !w.equals("DROP") && !w.equals("COMMENT")) {
                    break;
                }
            } else if (!MODIFIERS.contains(w)) {
                s.append('_').append(w);
                break;
            }
        }
        return s.isEmpty() ? "OTHER" : s.toString();
    }
}
