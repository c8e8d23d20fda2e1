package org.planwright.sqltext;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Finds what is broken in a statement's tokens whatever the grammar: an unterminated string, identifier or
 * comment, or parentheses that do not pair up. Positions are offsets into the text the tokens came from.
 */
final class LexicalCheck {

    /** A problem as offsets into the tokenised text. */
    record Finding(int start, int end, String message) {
    }

    private LexicalCheck() {
    }

    static Optional<Finding> check(String text, List<SqlToken> tokens) {
        Deque<SqlToken> open = new ArrayDeque<>();
        for (SqlToken t : tokens) {
            switch (t.type()) {
                case UNTERMINATED -> {
                    return Optional.of(new Finding(t.start(), endOfLine(text, t.start() + 1, t.end()),
                            unterminatedMessage(t.text())));
                }
                case OPEN_PAREN -> open.push(t);
                case CLOSE_PAREN -> {
                    if (open.isEmpty()) {
                        return Optional.of(new Finding(t.start(), t.end(), "unmatched ), no ( before it"));
                    }
                    open.pop();
                }
                default -> { }
            }
        }
        if (!open.isEmpty()) {
            SqlToken p = open.peek();
            return Optional.of(new Finding(p.start(), p.end(), "( is never closed"));
        }
        return Optional.empty();
    }

    /** Wording follows PostgreSQL's scanner messages (scan.l). */
    private static String unterminatedMessage(String text) {
        if (text.startsWith("/*")) {
            return "unterminated /* comment";
        }
        if (text.startsWith("$")) {
            return "unterminated dollar-quoted string";
        }
        if (text.startsWith("\"") || text.regionMatches(true, 0, "U&\"", 0, 3)) {
            return "unterminated quoted identifier";
        }
        return "unterminated quoted string";
    }

    private static int endOfLine(String text, int from, int limit) {
        int nl = text.indexOf('\n', from);
        return nl < 0 || nl > limit ? limit : nl;
    }
}
