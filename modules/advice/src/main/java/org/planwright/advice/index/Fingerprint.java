package org.planwright.advice.index;

import java.util.Locale;
import org.planwright.sqltext.SqlLexer;
import org.planwright.sqltext.SqlToken;

/** A statement's normalised text: comments dropped, words lower-case, one space between tokens, constants {@code $n}. */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(String sql) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (SqlToken t : SqlLexer.tokenize(sql)) {
            String piece = switch (t.type()) {
                case COMMENT, WHITESPACE, SEMICOLON -> null;
                case STRING, NUMBER -> "$" + (++n);
                case WORD -> t.text().toLowerCase(Locale.ROOT);
                default -> t.text();
            };
            if (piece != null) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(piece);
            }
        }
        return sb.toString();
    }
}
