package org.planwright.targetdb;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.planwright.sqltext.SqlLexer;
import org.planwright.sqltext.SqlToken;

/**
 * Keeps a read-only analysis session read-only: finds statements that would switch the session or a
 * transaction to read-write, or reset the session characteristics — {@code SET default_transaction_read_only},
 * {@code SET [SESSION CHARACTERISTICS AS] TRANSACTION READ WRITE}, {@code BEGIN/START TRANSACTION READ WRITE},
 * {@code set_config('default_transaction_read_only', ...)}, {@code RESET ALL}, {@code DISCARD ALL} (PostgreSQL
 * "SET TRANSACTION" and "DISCARD" reference pages). Works on tokens, so words inside comments do not count,
 * while setting names inside string constants (set_config's argument) do.
 */
final class ReadOnlyGuard {

    private ReadOnlyGuard() {
    }

    /**
     * @param sql statement text (one or several statements)
     * @return what in the text would leave read-only mode, e.g. "READ WRITE", or empty when nothing does
     */
    static Optional<String> switchAttempt(String sql) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql).stream()
                .filter(t -> !t.isTrivia()).toList();
        boolean setting = false; // a SET, RESET or set_config( came before: reading the setting is fine
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            String text = t.text().toLowerCase(Locale.ROOT);
            setting |= t.isWord("SET") || t.isWord("RESET") || t.isWord("set_config");
            if (setting && (t.type() == SqlToken.Type.WORD || t.type() == SqlToken.Type.STRING
                    || t.type() == SqlToken.Type.QUOTED_IDENTIFIER) && text.contains("transaction_read_only")) {
                return Optional.of("changing transaction_read_only");
            }
            SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (next == null) {
                continue;
            }
            if (t.isWord("READ") && next.isWord("WRITE")) {
                return Optional.of("READ WRITE");
            }
            if ((t.isWord("RESET") || t.isWord("DISCARD")) && next.isWord("ALL")) {
                return Optional.of(t.text().toUpperCase(Locale.ROOT) + " ALL");
            }
        }
        return Optional.empty();
    }
}
