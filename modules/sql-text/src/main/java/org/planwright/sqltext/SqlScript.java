package org.planwright.sqltext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts a script into statements at top-level semicolons, the way psql does: semicolons inside string
 * constants, dollar quotes, quoted identifiers, comments and parentheses do not end a statement. psql
 * meta-commands (lines starting with a backslash) are statements of their own with kind
 * {@link StatementKind#UTILITY}. Stateless and thread-safe.
 */
public final class SqlScript {

    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT", "GRANT",
            "REVOKE", "REINDEX", "CLUSTER", "REFRESH", "SECURITY", "IMPORT");
    private static final Set<String> DML_WORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");

    private SqlScript() {
    }

    /**
     * @param script the whole editor text or file; must not be null
     * @return the statements in order; empty pieces (only whitespace/comments between semicolons) are left out.
     *     Comments before a statement belong to it. A psql meta-command ends the statement before it (as
     *     {@code \g} or {@code \gset} send the query buffer) and is a {@link StatementKind#UTILITY} statement
     *     of its own; inline {@code COPY ... FROM STDIN} data is part of no statement.
     */
    public static List<SqlStatement> split(String script) {
        List<SqlToken> copyData = new ArrayList<>();
        List<SqlToken> tokens = SqlLexer.tokenize(script, copyData);
        Set<SqlToken> skip = Collections.newSetFromMap(new IdentityHashMap<>());
        skip.addAll(copyData);
        LineIndex lines = new LineIndex(script);
        List<SqlStatement> out = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int depth = 0;
        for (SqlToken t : tokens) {
            if (!skip.isEmpty() && skip.contains(t)) {
                // comments on the COPY line before the data belong to no statement
                if (current.stream().allMatch(SqlToken::isTrivia)) {
                    current.clear();
                }
                continue;
            }
            switch (t.type()) {
                case OPEN_PAREN -> depth++;
                case CLOSE_PAREN -> depth = Math.max(0, depth - 1);
                default -> { }
            }
            if (t.type() == SqlToken.Type.META_COMMAND) {
                flush(script, current, lines, out);
                current.add(t);
                flush(script, current, lines, out);
                depth = 0;
            } else if (t.type() == SqlToken.Type.SEMICOLON && depth == 0) {
                flush(script, current, lines, out);
            } else {
                current.add(t);
            }
        }
        flush(script, current, lines, out);
        return out;
    }

    /**
     * The statement the caret is in, as Ctrl+Enter runs it. In order of preference: the statement whose span
     * (from its first character up to and including its semicolon) contains the caret, the later one when
     * the caret touches two; else the next statement if it starts on the caret's line; else the nearest
     * statement before the caret (caret in blank lines after a statement); else the first statement (caret
     * before it).
     *
     * @param script      the editor text
     * @param caretOffset caret position, 0 to {@code script.length()} (clamped)
     * @return the statement, or empty when the script has none
     */
    public static Optional<SqlStatement> statementAt(String script, int caretOffset) {
        List<SqlStatement> all = split(script);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        int caret = Math.clamp(caretOffset, 0, script.length());
        SqlStatement containing = null;
        SqlStatement before = null;
        SqlStatement after = null;
        for (SqlStatement s : all) {
            int spanEnd = endWithSemicolon(script, s.endOffset());
            if (s.startOffset() <= caret && caret <= spanEnd) {
                containing = s;
            } else if (spanEnd < caret) {
                before = s;
            } else if (after == null) {
                after = s;
            }
        }
        if (containing != null) {
            return Optional.of(containing);
        }
        LineIndex lines = new LineIndex(script);
        if (after != null && (before == null || lines.line(after.startOffset()) == lines.line(caret))) {
            return Optional.of(after);
        }
        return Optional.of(before);
    }

    /** @return the offset after the semicolon that ends a statement at {@code end}, or {@code end} if none follows */
    private static int endWithSemicolon(String script, int end) {
        int i = end;
        while (i < script.length() && Character.isWhitespace(script.charAt(i))) {
            i++;
        }
        return i < script.length() && script.charAt(i) == ';' ? i + 1 : end;
    }

    private static void flush(String script, List<SqlToken> current, LineIndex lines, List<SqlStatement> out) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).type() != SqlToken.Type.WHITESPACE) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first >= 0) {
            List<SqlToken> meaningful = current.subList(first, last + 1);
            if (meaningful.stream().anyMatch(t -> !t.isTrivia())) {
                int start = meaningful.getFirst().start();
                int end = meaningful.getLast().end();
                out.add(new SqlStatement(script.substring(start, end), start, end,
                        lines.line(start), lines.column(start), classify(meaningful)));
            }
        }
        current.clear();
    }

    static StatementKind classify(List<SqlToken> tokens) {
        List<SqlToken> words = new ArrayList<>();
        for (SqlToken t : tokens) {
            if (t.type() == SqlToken.Type.META_COMMAND) {
                return StatementKind.UTILITY;
            }
            if (!t.isTrivia()) {
                words.add(t);
            }
        }
        if (words.isEmpty()) {
            return StatementKind.EMPTY;
        }
        SqlToken head = words.stream().filter(t -> t.type() == SqlToken.Type.WORD).findFirst().orElse(null);
        if (head == null) {
            return StatementKind.UTILITY;
        }
        String first = head.text().toUpperCase(Locale.ROOT);
        return switch (first) {
            case "SELECT", "VALUES", "TABLE" -> selectKind(words);
            case "WITH" -> words.stream().anyMatch(t -> t.type() == SqlToken.Type.WORD
                    && DML_WORDS.contains(t.text().toUpperCase(Locale.ROOT)) && !isForUpdate(words, t))
                    ? StatementKind.DATA_MODIFYING_WITH : StatementKind.QUERY;
            case "INSERT" -> StatementKind.INSERT;
            case "UPDATE" -> StatementKind.UPDATE;
            case "DELETE" -> StatementKind.DELETE;
            case "MERGE" -> StatementKind.MERGE;
            case "EXPLAIN" -> StatementKind.EXPLAIN;
            default -> DDL.contains(first) ? StatementKind.DDL : StatementKind.UTILITY;
        };
    }

    /** SELECT ... INTO new_table creates a table: not a plain query. */
    private static StatementKind selectKind(List<SqlToken> words) {
        int depth = 0;
        for (SqlToken t : words) {
            if (t.type() == SqlToken.Type.OPEN_PAREN) {
                depth++;
            } else if (t.type() == SqlToken.Type.CLOSE_PAREN) {
                depth--;
            } else if (depth == 0 && t.isWord("INTO")) {
                return StatementKind.DDL;
            }
        }
        return StatementKind.QUERY;
    }

    /** "FOR UPDATE" / "FOR NO KEY UPDATE" locks rows but changes nothing. */
    private static boolean isForUpdate(List<SqlToken> words, SqlToken update) {
        int i = words.indexOf(update);
        if (!update.isWord("UPDATE") || i == 0) {
            return false;
        }
        SqlToken prev = words.get(i - 1);
        return prev.isWord("FOR") || prev.isWord("KEY");
    }
}
