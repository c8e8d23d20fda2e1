package org.planwright.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A demo query for the {@link DemoDataset}, read from the resource {@code demo-queries.sql}.
 *
 * @param id       stable identifier, e.g. {@code orders-of-one-customer}
 * @param title    one line for a list
 * @param shows    what the plan shows and what fixes it (a few sentences)
 * @param settings session settings to apply before running or explaining the query ({@code SET name = value}),
 *                 e.g. {@code work_mem=64kB}; empty for most queries
 * @param sql      one statement without the terminating semicolon
 */
public record DemoQuery(String id, String title, String shows, Map<String, String> settings, String sql) {

    private static final String RESOURCE = "demo-queries.sql";

    /** Copies the settings. */
    public DemoQuery {
        settings = Map.copyOf(settings);
    }

    /**
     * @return the queries in file order
     * @throws IllegalStateException when the resource is missing or a query lacks its header or statement
     */
    static List<DemoQuery> load() {
        String text;
        try (InputStream in = DemoQuery.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DemoQuery> queries = new ArrayList<>();
        Builder current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("-- @query ")) {
                if (current != null) {
                    queries.add(current.build());
                }
                current = new Builder(line.substring(10).strip(), i + 1);
            } else if (current == null) {
                continue;
            } else if (line.startsWith("-- @title ")) {
                current.title = line.substring(10).strip();
            } else if (line.startsWith("-- @shows ")) {
                current.shows.append(current.shows.isEmpty() ? "" : " ").append(line.substring(10).strip());
            } else if (line.startsWith("-- @setting ")) {
                String[] kv = line.substring(12).strip().split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": a setting needs name=value");
                }
                current.settings.put(kv[0].strip(), kv[1].strip());
            } else if (!line.isBlank()) {
                current.sql.append(line).append('\n');
            }
        }
        if (current != null) {
            queries.add(current.build());
        }
        return List.copyOf(queries);
    }

    private static final class Builder {
        private final String id;
        private final int line;
        private String title;
        private final StringBuilder shows = new StringBuilder();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final StringBuilder sql = new StringBuilder();

        Builder(String id, int line) {
            this.id = id;
            this.line = line;
        }

        DemoQuery build() {
            String statement = sql.toString().strip();
            if (title == null || shows.isEmpty() || !statement.endsWith(";")) {
                throw new IllegalStateException(RESOURCE + ":" + line + ": query " + id
                        + " needs @title, @shows and one statement ending with ';'");
            }
            return new DemoQuery(id, title, shows.toString(),
                    settings, statement.substring(0, statement.length() - 1).strip());
        }
    }
}
