package org.planwright.sqltext;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises psql's inline COPY data: {@code COPY ... FROM STDIN} (SQL) and {@code \copy ... from stdin}
 * (meta-command) make psql read the following script lines as data until a line holding only {@code \.}
 * (psql manual, COPY "FROM STDIN" and {@code \copy}). Whether the server accepted the COPY cannot be known
 * from the text; like pg_dump output, the data block is assumed present.
 */
final class CopyFromStdin {

    private static final Pattern META_COPY_IN =
            Pattern.compile("^\\\\copy\\s+[^(\\s].*\\bfrom\\s+(stdin|stdout)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private CopyFromStdin() {
    }

    /**
     * @return true if the statement's tokens (without the semicolon) are COPY table ... FROM STDIN at paren
     *     depth 0; {@code COPY (query) FROM} is a syntax error the server rejects, so psql reads no data
     */
    static boolean isCopyFromStdin(List<SqlToken> statement) {
        boolean first = true;
        boolean afterFrom = false;
        boolean afterCopy = false;
        int depth = 0;
        for (SqlToken t : statement) {
            if (t.isTrivia()) {
                continue;
            }
            if (first) {
                if (!t.isWord("COPY")) {
                    return false;
                }
                first = false;
                continue;
            }
            if (!afterCopy) {
                if (t.type() == SqlToken.Type.OPEN_PAREN) {
                    return false;
                }
                afterCopy = true;
            }
            switch (t.type()) {
                case OPEN_PAREN -> depth++;
                case CLOSE_PAREN -> depth--;
                default -> { }
            }
            // FROM STDOUT also reads from the client (gram.y: copy_file_name accepts either)
            if (depth == 0 && afterFrom && (t.isWord("STDIN") || t.isWord("STDOUT"))) {
                return true;
            }
            afterFrom = depth == 0 && t.isWord("FROM");
        }
        return false;
    }

    /** @return true for a {@code \copy ... from stdin} meta-command line */
    static boolean isMetaCopyFromStdin(String metaCommand) {
        return META_COPY_IN.matcher(metaCommand).matches();
    }

    /**
     * @param sql   the script
     * @param start offset of the first data line
     * @return the offset just after the terminating {@code \.} (before its line break), or the text's length
     */
    static int endOfData(String sql, int start) {
        int n = sql.length();
        int line = start;
        while (line < n) {
            int nl = sql.indexOf('\n', line);
            int lineEnd = nl < 0 ? n : nl;
            int contentEnd = lineEnd > line && sql.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd - line == 2 && sql.charAt(line) == '\\' && sql.charAt(line + 1) == '.') {
                return contentEnd;
            }
            line = lineEnd + 1;
        }
        return n;
    }
}
