package org.planwright.sqltext;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexer for PostgreSQL SQL text that knows what can hide a semicolon: string constants (including
 * {@code E'...'} backslash escapes and {@code $tag$...$tag$} dollar quoting), quoted identifiers, line
 * comments and nested block comments. Rules follow PostgreSQL's scanner ({@code src/backend/parser/scan.l})
 * and the "Lexical Structure" chapter of the PostgreSQL manual.
 *
 * <p>psql scripts are understood too (psql manual, "Meta-Commands" and "COPY"): a backslash outside quotes
 * starts a meta-command running to the end of its line (a {@code \d} line, or a {@code \gset} after a query
 * on the same line); the inline data after {@code COPY ... FROM STDIN;} (or a {@code \copy ... from stdin}
 * meta-command), from the next line up to and including the terminating {@code \.} line, is one
 * {@link SqlToken.Type#STRING} token, so that quotes in the data cannot derail the rest of the script.
 *
 * <p>It never fails: text that is not valid SQL still becomes tokens, and an unclosed string or comment
 * becomes one {@link SqlToken.Type#UNTERMINATED} token running to the end. Stateless and thread-safe.
 */
public final class SqlLexer {

    private SqlLexer() {
    }

    /**
     * Splits {@code sql} into tokens covering every character exactly once, in order.
     *
     * @param sql the text; must not be null
     * @return the tokens, whitespace and comments included
     */
    public static List<SqlToken> tokenize(String sql) {
        return tokenize(sql, new ArrayList<>());
    }

    /**
     * As {@link #tokenize(String)}, also collecting the COPY data tokens.
     *
     * @param copyData receives the {@link SqlToken.Type#STRING} tokens that are inline COPY data
     */
    static List<SqlToken> tokenize(String sql, List<SqlToken> copyData) {
        List<SqlToken> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        int statementStart = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            SqlToken.Type type;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new SqlToken(SqlToken.Type.WHITESPACE, start, i, sql.substring(start, i)));
                continue;
            }
            if (c == '-' && peek(sql, i + 1) == '-') {
                i = endOfLine(sql, i);
                type = SqlToken.Type.COMMENT;
            } else if (c == '/' && peek(sql, i + 1) == '*') {
                int end = endOfBlockComment(sql, i);
                type = end < 0 ? SqlToken.Type.UNTERMINATED : SqlToken.Type.COMMENT;
                i = end < 0 ? n : end;
            } else if (c == '\\' && peek(sql, i + 1) == ';') {
                // psql: "\;" puts a semicolon in the query buffer without sending it; the server sees two statements
                i += 2;
                type = SqlToken.Type.SEMICOLON;
            } else if (c == '\\') {
                i = endOfLine(sql, i);
                type = SqlToken.Type.META_COMMAND;
            } else if (c == '\'') {
                int end = endOfQuoted(sql, i, '\'', false);
                type = end < 0 ? SqlToken.Type.UNTERMINATED : SqlToken.Type.STRING;
                i = end < 0 ? n : end;
            } else if ((c == 'E' || c == 'e') && peek(sql, i + 1) == '\'') {
                int end = endOfQuoted(sql, i + 1, '\'', true);
                type = end < 0 ? SqlToken.Type.UNTERMINATED : SqlToken.Type.STRING;
                i = end < 0 ? n : end;
            } else if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n')
                    && peek(sql, i + 1) == '\'') {
                int end = endOfQuoted(sql, i + 1, '\'', false);
                type = end < 0 ? SqlToken.Type.UNTERMINATED : SqlToken.Type.STRING;
                i = end < 0 ? n : end;
            } else if ((c == 'U' || c == 'u') && peek(sql, i + 1) == '&'
                    && (peek(sql, i + 2) == '\'' || peek(sql, i + 2) == '"')) {
                char q = sql.charAt(i + 2);
                int end = endOfQuoted(sql, i + 2, q, false);
                type = end < 0 ? SqlToken.Type.UNTERMINATED
                        : q == '"' ? SqlToken.Type.QUOTED_IDENTIFIER : SqlToken.Type.STRING;
                i = end < 0 ? n : end;
            } else if (c == '"') {
                int end = endOfQuoted(sql, i, '"', false);
                type = end < 0 ? SqlToken.Type.UNTERMINATED : SqlToken.Type.QUOTED_IDENTIFIER;
                i = end < 0 ? n : end;
            } else if (c == '$') {
                int tagEnd = dollarTagEnd(sql, i);
                if (tagEnd > 0) {
                    String tag = sql.substring(i, tagEnd);
                    int close = sql.indexOf(tag, tagEnd);
                    type = close < 0 ? SqlToken.Type.UNTERMINATED : SqlToken.Type.STRING;
                    i = close < 0 ? n : close + tag.length();
                } else if (i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                    i++;
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                    type = SqlToken.Type.PARAMETER;
                } else {
                    i++;
                    type = SqlToken.Type.OPERATOR;
                }
            } else if (isIdentStart(c)) {
                while (i < n && isIdentPart(sql.charAt(i))) {
                    i++;
                }
                type = SqlToken.Type.WORD;
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(sql, i + 1)))) {
                i = endOfNumber(sql, i);
                type = SqlToken.Type.NUMBER;
            } else if (c == ';') {
                i++;
                type = SqlToken.Type.SEMICOLON;
            } else if (c == '(') {
                i++;
                type = SqlToken.Type.OPEN_PAREN;
            } else if (c == ')') {
                i++;
                type = SqlToken.Type.CLOSE_PAREN;
            } else {
                i++;
                type = SqlToken.Type.OPERATOR;
            }
            SqlToken token = new SqlToken(type, start, i, sql.substring(start, i));
            tokens.add(token);
            if (type == SqlToken.Type.SEMICOLON || type == SqlToken.Type.META_COMMAND) {
                boolean copyIn = type == SqlToken.Type.META_COMMAND
                        ? CopyFromStdin.isMetaCopyFromStdin(token.text())
                        : CopyFromStdin.isCopyFromStdin(tokens.subList(statementStart, tokens.size() - 1));
                statementStart = tokens.size();
                if (copyIn) {
                    i = copyData(sql, i, tokens, copyData);
                    statementStart = tokens.size();
                }
            }
        }
        return tokens;
    }

    /**
     * Adds the rest of the COPY line (lexed normally) and then the data blocks: one for this COPY and one for
     * each further COPY ... FROM STDIN on the same line (joined with psql's {@code \;}), each from the next line
     * through its {@code \.} line, or to the end of the text. Returns where lexing resumes.
     */
    private static int copyData(String sql, int from, List<SqlToken> tokens, List<SqlToken> copyData) {
        int n = sql.length();
        int lineEnd = endOfLine(sql, from);
        int blocks = 1;
        if (lineEnd > from) {
            List<SqlToken> rest = tokenize(sql.substring(from, lineEnd), new ArrayList<>());
            int segmentStart = 0;
            for (int k = 0; k < rest.size(); k++) {
                SqlToken t = rest.get(k);
                tokens.add(new SqlToken(t.type(), t.start() + from, t.end() + from, t.text()));
                if (t.type() == SqlToken.Type.SEMICOLON) {
                    if (CopyFromStdin.isCopyFromStdin(rest.subList(segmentStart, k))) {
                        blocks++;
                    }
                    segmentStart = k + 1;
                }
            }
        }
        int i = lineEnd;
        while (blocks > 0 && i < n) {
            int nl = endOfLine(sql, i);
            if (nl >= n) {
                tokens.add(new SqlToken(SqlToken.Type.WHITESPACE, i, n, sql.substring(i, n)));
                return n;
            }
            int dataStart = nl + 1;
            tokens.add(new SqlToken(SqlToken.Type.WHITESPACE, i, dataStart, sql.substring(i, dataStart)));
            int dataEnd = CopyFromStdin.endOfData(sql, dataStart);
            if (dataEnd > dataStart) {
                SqlToken data = new SqlToken(SqlToken.Type.STRING, dataStart, dataEnd,
                        sql.substring(dataStart, dataEnd));
                tokens.add(data);
                copyData.add(data);
            }
            i = dataEnd;
            blocks--;
        }
        return i;
    }

    private static char peek(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private static int endOfLine(String s, int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? s.length() : nl;
    }

    /** PostgreSQL block comments nest (scan.l: xcstart / xcinside). Returns -1 when never closed. */
    private static int endOfBlockComment(String s, int i) {
        int depth = 0;
        int n = s.length();
        while (i < n) {
            if (s.charAt(i) == '/' && peek(s, i + 1) == '*') {
                depth++;
                i += 2;
            } else if (s.charAt(i) == '*' && peek(s, i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Quote doubled inside means a literal quote; with backslash escapes, \x escapes any char. */
    private static int endOfQuoted(String s, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (peek(s, i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** A dollar-quote tag is $$ or $ident$ where ident does not start with a digit; returns end or -1. */
    private static int dollarTagEnd(String s, int i) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '$') {
            return j + 1;
        }
        if (j >= s.length() || !isIdentStart(s.charAt(j))) {
            return -1;
        }
        while (j < s.length() && isIdentPart(s.charAt(j)) && s.charAt(j) != '$') {
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
    }

    private static int endOfNumber(String s, int i) {
        int n = s.length();
        while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (i < n && s.charAt(i) == '.' && peek(s, i + 1) != '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(s.charAt(j))) {
                i = j;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }
}
