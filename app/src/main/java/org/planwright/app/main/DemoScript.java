package org.planwright.app.main;

import java.util.List;
import java.util.Map;
import org.planwright.sandbox.DemoDataset;
import org.planwright.sandbox.DemoQuery;

/**
 * The SQL script the first editor tab opens with: the demo dataset's queries ({@link DemoDataset#queries()}),
 * each under its title and what its plan shows, so a user can put the cursor in one and press Ctrl+E.
 */
final class DemoScript {

    private static final int WIDTH = 100;

    private DemoScript() {
    }

    static String text() {
        return text(DemoDataset.queries());
    }

    static String text(List<DemoQuery> queries) {
        StringBuilder sb = new StringBuilder();
        sb.append("-- Welcome to Planwright. The sandbox database \"demo\" holds a small shop. Put the cursor in a\n")
                .append("-- statement, then press\n")
                .append("--   Ctrl+Enter   run it                 Ctrl+Shift+Enter  run the whole script\n")
                .append("--   Ctrl+E       show its plan          Ctrl+Shift+E      EXPLAIN ANALYZE (rolled back)\n");
        int n = 1;
        for (DemoQuery q : queries) {
            sb.append("\n-- ").append(n++).append(". ").append(q.title()).append('\n');
            wrap(q.shows(), sb);
            for (Map.Entry<String, String> s : q.settings().entrySet()) {
                sb.append("--    Try it with: SET ").append(s.getKey()).append(" = '").append(s.getValue())
                        .append("';\n");
            }
            sb.append(q.sql().strip()).append(";\n");
        }
        return sb.toString();
    }

    private static void wrap(String text, StringBuilder sb) {
        StringBuilder line = new StringBuilder("--    ");
        for (String word : text.split("\\s+")) {
            if (line.length() + word.length() + 1 > WIDTH && line.length() > 6) {
                sb.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder("--    ");
            }
            line.append(word).append(' ');
        }
        if (line.length() > 6) {
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
