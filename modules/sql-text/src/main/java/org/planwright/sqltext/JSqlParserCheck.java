package org.planwright.sqltext;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.TokenMgrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses one statement with JSqlParser (PostgreSQL dialect) under a time limit and turns a rejection into a
 * {@link LexicalCheck.Finding} positioned in the statement. Tries JSqlParser's fast "simple" mode first and
 * its "complex" mode after a failure, as {@code CCJSqlParserUtil.parse} does; when both fail, the error found
 * deeper in the statement is kept. Thread-safe.
 */
final class JSqlParserCheck {

    private static final Logger LOG = LoggerFactory.getLogger(JSqlParserCheck.class);
    /** Parses run on virtual threads so that a timed-out parse can be interrupted (JSqlParser's timeOut feature). */
    private static final ExecutorService PARSE_THREADS = Executors.newVirtualThreadPerTaskExecutor();
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    /** The statement parsed, or a finding; {@code timedOut} when JSqlParser gave up. */
    record Outcome(Optional<LexicalCheck.Finding> finding, boolean timedOut) {
    }

    private final long timeoutMillis;
    private final ExecutorService parseThreads;

    JSqlParserCheck(Duration timeout) {
        this(timeout, PARSE_THREADS);
    }

    /**
     * @param parseThreads where the parses run; JSqlParser waits for each at most {@code timeout} (tests pass one
     *                     that holds the parse back, to run out of time whatever the machine's speed)
     */
    JSqlParserCheck(Duration timeout, ExecutorService parseThreads) {
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.parseThreads = parseThreads;
    }

    /** @param input a statement prepared by {@link ParserInput}; offsets in the finding are into it */
    Outcome check(String input) {
        Attempt simple = parse(input, false);
        if (simple.ok() || simple.timedOut()) {
            return simple.outcome();
        }
        Attempt complex = parse(input, true);
        if (complex.ok() || complex.timedOut()) {
            return complex.outcome();
        }
        Attempt deeper = complex.finding().start() >= simple.finding().start() ? complex : simple;
        return deeper.outcome();
    }

    private record Attempt(LexicalCheck.Finding finding, boolean timedOut) {
        boolean ok() {
            return finding == null && !timedOut;
        }

        Outcome outcome() {
            return new Outcome(Optional.ofNullable(finding), timedOut);
        }
    }

    private Attempt parse(String input, boolean complex) {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(input)
                .withDialect(AbstractJSqlParser.Dialect.POSTGRESQL)
                .withAllowComplexParsing(complex)
                .withTimeOut(timeoutMillis);
        try {
            CCJSqlParserUtil.parseStatement(parser, parseThreads);
            return new Attempt(null, false);
        } catch (JSQLParserException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof ParseException pe) {
                return new Attempt(ParseErrorText.finding(input, pe), false);
            }
            if (cause instanceof TokenMgrException tme) {
                return new Attempt(lexicalFinding(input, tme), false);
            }
            if (cause instanceof java.util.concurrent.TimeoutException || String.valueOf(e.getMessage())
                    .startsWith("Time out")) {
                LOG.debug("JSqlParser gave up after {} ms on a statement of {} chars", timeoutMillis, input.length());
                return new Attempt(null, true);
            }
            LOG.debug("JSqlParser failed without a position; not reported", e);
            return new Attempt(null, true);
        } catch (RuntimeException e) {
            // a JSqlParser bug must not reach the editor; the server stays the authority
            LOG.debug("JSqlParser threw", e);
            return new Attempt(null, true);
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static LexicalCheck.Finding lexicalFinding(String input, TokenMgrException e) {
        Matcher m = LEXICAL_POSITION.matcher(String.valueOf(e.getMessage()));
        int offset = 0;
        if (m.find()) {
            offset = new LineIndex(input).offset(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if (offset >= input.length()) {
            return new LexicalCheck.Finding(Math.max(0, input.length() - 1), input.length(),
                    "unexpected end of statement");
        }
        return new LexicalCheck.Finding(offset, offset + 1, "unexpected character " + input.charAt(offset));
    }
}
