package org.planwright.sqltext.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.planwright.sqltext.SqlKeywords;
import org.planwright.sqltext.SqlLexer;
import org.planwright.sqltext.SqlToken;

/**
 * The token-level fingerprint of one statement, following {@code pg_stat_statements}' normalisation rule: every
 * constant (string, number, bit string, dollar-quoted body, positional parameter) becomes {@code $n}, numbered
 * from 1 in order. It works on {@link SqlLexer} tokens, so it needs no parse and works on every statement,
 * including those JSqlParser rejects. Further, so that statements differing only in spelling share it:
 * <ul>
 *   <li>comments are dropped and whitespace becomes one canonical spacing;</li>
 *   <li>key words are upper-cased, unquoted identifiers lower-cased (PostgreSQL folds them), and a quoted
 *       identifier that needs no quotes ({@code "orders"}) is written bare;</li>
 *   <li>a sign before a number is part of the constant, as PostgreSQL's grammar folds it ({@code -5} is one
 *       constant), when it cannot be a binary operator;</li>
 *   <li>a parenthesised list of constants after {@code IN} becomes {@code ($n /*, ... *&#47;)}, as
 *       PostgreSQL 18's {@code pg_stat_statements} squashes such lists, so lists of other lengths share it;</li>
 *   <li>adjacent operator characters form one operator (scan.l's rule, including its trailing +/- rule);</li>
 *   <li>trailing semicolons are dropped.</li>
 * </ul>
 * The exact grammar is in {@code docs/query-fingerprints.md}. Never fails; stateless and thread-safe.
 */
public final class Fingerprinter {

    private static final String OPERATOR_CHARS = "~!@#^&|`?+-*/%<>=";
    private static final String NON_PLUS_MINUS = "~!@#^&|`?%";

    private Fingerprinter() {
    }

    /**
     * @param sql one statement (a trailing semicolon and comments allowed); must not be null
     * @return its fingerprint; an empty statement has the empty normalised text
     */
    public static QueryFingerprint of(String sql) {
        return of(SqlLexer.tokenize(sql));
    }

    /** As {@link #of(String)}, from tokens already made by {@link SqlLexer#tokenize(String)}. */
    public static QueryFingerprint of(List<SqlToken> tokens) {
        List<Tok> toks = significant(tokens);
        StringBuilder out = new StringBuilder(tokens.size() * 4);
        int constants = 0;
        Tok prev = null;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            String text;
            Kind kind = t.kind;
            if (kind == Kind.OPERATOR && (t.text.equals("-") || t.text.equals("+")) && i + 1 < toks.size()
                    && toks.get(i + 1).kind == Kind.NUMBER && signCanBeUnary(prev)) {
                continue; // the sign belongs to the number that follows
            }
            if (kind == Kind.OPEN && prev != null && prev.kind == Kind.KEYWORD && prev.text.equals("IN")) {
                int close = constantListEnd(toks, i + 1);
                if (close > 0) {
                    constants++;
                    appendSpaced(out, prev, t, "(");
                    out.append('$').append(constants).append(" /*, ... */)");
                    prev = toks.get(close);
                    i = close;
                    continue;
                }
            }
            if (kind == Kind.NUMBER || kind == Kind.CONSTANT) {
                constants++;
                text = "$" + constants;
            } else {
                text = t.text;
            }
            appendSpaced(out, prev, t, text);
            prev = t;
        }
        String normalized = out.toString();
        return new QueryFingerprint(normalized, QueryFingerprint.hash(normalized), constants);
    }

    private enum Kind { KEYWORD, IDENTIFIER, NUMBER, CONSTANT, OPERATOR, OPEN, CLOSE, COMMA, DOT, CAST, OTHER }

    private record Tok(Kind kind, String text) {
    }

    /** Drops trivia and trailing semicolons; folds case and quoting; merges operator characters. */
    private static List<Tok> significant(List<SqlToken> tokens) {
        List<Tok> out = new ArrayList<>(tokens.size());
        int n = tokens.size();
        int end = n;
        while (end > 0 && (tokens.get(end - 1).isTrivia() || tokens.get(end - 1).type() == SqlToken.Type.SEMICOLON)) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            SqlToken t = tokens.get(i);
            switch (t.type()) {
                case WHITESPACE, COMMENT -> { }
                case WORD -> {
                    String lower = t.text().toLowerCase(Locale.ROOT);
                    out.add(SqlKeywords.isKeyword(lower) ? new Tok(Kind.KEYWORD, lower.toUpperCase(Locale.ROOT))
                            : new Tok(Kind.IDENTIFIER, lower));
                }
                case QUOTED_IDENTIFIER -> out.add(new Tok(Kind.IDENTIFIER, quoted(t.text())));
                case STRING, PARAMETER -> out.add(new Tok(Kind.CONSTANT, t.text()));
                case NUMBER -> out.add(new Tok(Kind.NUMBER, t.text()));
                case OPEN_PAREN -> out.add(new Tok(Kind.OPEN, "("));
                case CLOSE_PAREN -> out.add(new Tok(Kind.CLOSE, ")"));
                case SEMICOLON -> out.add(new Tok(Kind.OTHER, ";"));
                case META_COMMAND -> out.add(new Tok(Kind.OTHER, t.text().strip()));
                case UNTERMINATED -> {
                    char c = t.text().charAt(0);
                    if (c != '-' && c != '/' && c != '"') {
                        out.add(new Tok(Kind.CONSTANT, t.text()));
                    } else if (c == '"') {
                        out.add(new Tok(Kind.IDENTIFIER, t.text()));
                    }
                }
                case OPERATOR -> i = operator(tokens, i, end, out);
            }
        }
        return out;
    }

    /** Adds the operator starting at token {@code i}; returns the index of its last token. */
    private static int operator(List<SqlToken> tokens, int i, int end, List<Tok> out) {
        String first = tokens.get(i).text();
        if (first.equals(",")) {
            out.add(new Tok(Kind.COMMA, ","));
            return i;
        }
        if (first.equals(".")) {
            out.add(new Tok(Kind.DOT, "."));
            return i;
        }
        if (first.equals(":") && i + 1 < end && tokens.get(i + 1).text().equals(":")) {
            out.add(new Tok(Kind.CAST, "::"));
            return i + 1;
        }
        if (first.length() != 1 || OPERATOR_CHARS.indexOf(first.charAt(0)) < 0) {
            out.add(new Tok(Kind.OPERATOR, first));
            return i;
        }
        int j = i;
        StringBuilder op = new StringBuilder(first);
        while (j + 1 < end && tokens.get(j + 1).type() == SqlToken.Type.OPERATOR
                && tokens.get(j + 1).text().length() == 1 && OPERATOR_CHARS.indexOf(tokens.get(j + 1).text().charAt(0)) >= 0) {
            op.append(tokens.get(j + 1).text());
            j++;
        }
        // scan.l: a multi-character operator cannot end in + or - unless it holds one of ~ ! @ # % ^ & | ` ?
        while (op.length() > 1 && (op.charAt(op.length() - 1) == '+' || op.charAt(op.length() - 1) == '-')
                && op.chars().noneMatch(ch -> NON_PLUS_MINUS.indexOf(ch) >= 0)) {
            op.setLength(op.length() - 1);
            j--;
        }
        out.add(new Tok(Kind.OPERATOR, op.toString()));
        return j;
    }

    private static String quoted(String text) {
        if (text.length() < 3 || text.charAt(0) != '"') {
            return text;
        }
        String inner = text.substring(1, text.length() - 1);
        if (!inner.isEmpty() && (Character.isLowerCase(inner.charAt(0)) || inner.charAt(0) == '_')
                && inner.chars().allMatch(ch -> Character.isLowerCase(ch) || Character.isDigit(ch) || ch == '_')
                && !SqlKeywords.isKeyword(inner)) {
            return inner;
        }
        return text;
    }

    /** A sign is unary at the start, after an operator, '(' or ',', or after a key word (SELECT, AND, THEN...). */
    private static boolean signCanBeUnary(Tok prev) {
        return prev == null || prev.kind == Kind.OPERATOR || prev.kind == Kind.OPEN || prev.kind == Kind.COMMA
                || prev.kind == Kind.KEYWORD || prev.kind == Kind.CAST;
    }

    /** After "IN (": the index of the ")" closing a list of one or more constants, or -1. */
    private static int constantListEnd(List<Tok> toks, int from) {
        int i = from;
        boolean expectConstant = true;
        while (i < toks.size()) {
            Tok t = toks.get(i);
            if (expectConstant) {
                if (t.kind == Kind.OPERATOR && (t.text.equals("-") || t.text.equals("+")) && i + 1 < toks.size()
                        && toks.get(i + 1).kind == Kind.NUMBER) {
                    i++;
                    t = toks.get(i);
                }
                if (t.kind != Kind.NUMBER && t.kind != Kind.CONSTANT) {
                    return -1;
                }
                expectConstant = false;
            } else if (t.kind == Kind.COMMA) {
                expectConstant = true;
            } else {
                return t.kind == Kind.CLOSE ? i : -1;
            }
            i++;
        }
        return -1;
    }

    /** Canonical spacing: one space between tokens, none inside parentheses, before commas, around '.' and '::'. */
    private static void appendSpaced(StringBuilder out, Tok prev, Tok t, String text) {
        if (prev != null && needsSpace(prev, t)) {
            out.append(' ');
        }
        out.append(text);
    }

    private static boolean needsSpace(Tok prev, Tok t) {
        if (prev.kind == Kind.OPEN || prev.kind == Kind.DOT || prev.kind == Kind.CAST) {
            return false;
        }
        if (t.kind == Kind.CLOSE || t.kind == Kind.COMMA || t.kind == Kind.DOT || t.kind == Kind.CAST) {
            return false;
        }
        if (t.kind == Kind.OPEN) {
            // a call: f(x), "f"(x), count(*), numeric(10, 2); a clause keyword keeps its space: IN (...), AS (...)
            return !(prev.kind == Kind.IDENTIFIER
                    || prev.kind == Kind.KEYWORD && (SqlKeywords.isFunction(prev.text) || SqlKeywords.isType(prev.text)));
        }
        return true;
    }
}
