package org.planwright.sqltext;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Statements the syntax check leaves to the server because JSqlParser 5.4 does not know their PostgreSQL
 * grammar, or because psql rewrites them before the server sees them. The lists come from a measurement over
 * the 43,000 statements of the PostgreSQL 15 regression scripts ({@code shared/corpus/sql/pg-regress-15}):
 * commands JSqlParser rejected in more than half of their uses are skipped (e.g. BEGIN 0 of 537 accepted,
 * FETCH 0/233, COPY 0/219, VACUUM 0/152, CREATE STATISTICS 0/104, DROP TYPE 0/84), while SELECT (94%),
 * INSERT (99%), UPDATE (92%), DELETE (93%), MERGE (77%), CREATE TABLE (97%) and CREATE FUNCTION (99%) are
 * checked.
 */
final class UncheckedStatements {

    /**
     * Leading command words JSqlParser rejects in more than half of the regression scripts' uses (BEGIN, FETCH,
     * VACUUM, REINDEX... at 0%), session and transaction commands, and DO (its body is not SQL to check).
     */
    private static final Set<String> COMMANDS = Set.of("DO", "VACUUM", "COPY", "REINDEX", "CLUSTER", "CHECKPOINT",
            "DISCARD", "LISTEN", "NOTIFY", "UNLISTEN", "LOAD", "PREPARE", "DEALLOCATE", "FETCH", "MOVE", "CLOSE",
            "DECLARE", "SECURITY", "IMPORT", "REASSIGN", "COMMENT", "LOCK", "SET", "RESET", "BEGIN", "START",
            "END", "ABORT", "SAVEPOINT", "RELEASE", "COMMIT", "ROLLBACK");
    /** Objects whose CREATE JSqlParser mostly rejects (same measurement). */
    private static final Set<String> CREATE_OBJECTS = Set.of("COLLATION", "CONVERSION", "EVENT", "OPERATOR",
            "RULE", "SERVER", "STATISTICS", "TABLESPACE", "ACCESS", "FOREIGN", "USER");
    /** Objects whose ALTER JSqlParser mostly rejects. */
    private static final Set<String> ALTER_OBJECTS = Set.of("EVENT", "SEQUENCE", "USER", "VIEW", "SYSTEM");
    /** Objects whose DROP JSqlParser mostly rejects. */
    private static final Set<String> DROP_OBJECTS = Set.of("AGGREGATE", "CAST", "DATABASE", "DOMAIN", "EVENT",
            "FOREIGN", "GROUP", "OPERATOR", "POLICY", "TEXT", "TYPE", "USER");

    private UncheckedStatements() {
    }

    /**
     * @param tokens the statement's tokens
     * @return a reason to skip it, or null to check it
     */
    static String skipReason(List<SqlToken> tokens) {
        List<SqlToken> words = tokens.stream().filter(t -> !t.isTrivia()).limit(4).toList();
        if (words.isEmpty()) {
            return "empty";
        }
        SqlToken head = words.getFirst();
        if (head.type() == SqlToken.Type.META_COMMAND) {
            return "psql meta-command";
        }
        if (hasPsqlVariable(tokens)) {
            return "psql variable";
        }
        String first = head.text().toUpperCase(Locale.ROOT);
        if (COMMANDS.contains(first)) {
            return first + " is not in JSqlParser's PostgreSQL grammar";
        }
        Set<String> objects = switch (first) {
            case "CREATE" -> CREATE_OBJECTS;
            case "ALTER" -> ALTER_OBJECTS;
            case "DROP" -> DROP_OBJECTS;
            default -> Set.of();
        };
        int i = 1;
        while (i < words.size() && (words.get(i).isWord("OR") || words.get(i).isWord("REPLACE"))) {
            i++;
        }
        if (i < words.size() && objects.contains(words.get(i).text().toUpperCase(Locale.ROOT))) {
            return first + " " + words.get(i).text().toUpperCase(Locale.ROOT) + " is not in JSqlParser's grammar";
        }
        return null;
    }

    /** psql replaces {@code :name}, {@code :'name'} and {@code :"name"} before sending (psql manual, "SQL Interpolation"). */
    private static boolean hasPsqlVariable(List<SqlToken> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.type() != SqlToken.Type.OPERATOR || !t.text().equals(":")) {
                continue;
            }
            SqlToken next = tokens.get(i + 1);
            boolean prevColon = i > 0 && tokens.get(i - 1).text().equals(":");
            boolean nextIsName = next.start() == t.end() && (next.type() == SqlToken.Type.WORD
                    || next.type() == SqlToken.Type.STRING || next.type() == SqlToken.Type.QUOTED_IDENTIFIER);
            if (nextIsName && !prevColon && !(next.type() == SqlToken.Type.WORD && inBrackets(tokens, i))) {
                return true;
            }
        }
        return false;
    }

    /** An array slice {@code a[lo:hi]} is not a variable. */
    private static boolean inBrackets(List<SqlToken> tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            String s = tokens.get(i).text();
            if (s.equals("[")) {
                return true;
            }
            if (s.equals("]") || tokens.get(i).type() == SqlToken.Type.SEMICOLON) {
                return false;
            }
        }
        return false;
    }
}
