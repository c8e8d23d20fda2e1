package org.planwright.advice;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads PostgreSQL's text form of a one-dimensional text array ({@code {a,"b c","d\"e"}}), as catalog columns
 * such as {@code pg_stats.most_common_vals} and index definitions come back over JDBC. Stateless.
 */
public final class PgArrays {

    private PgArrays() {
    }

    /**
     * @param text the array's text output, e.g. {@code {l_partkey,"lower((email)::text)"}}
     * @return its elements; NULL elements become the text {@code NULL}
     */
    public static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        String s = text.strip();
        if (s.length() < 2 || s.charAt(0) != '{') {
            return List.of(s);
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < s.length() - 1) {
                    cur.append(s.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any || !out.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }
}
