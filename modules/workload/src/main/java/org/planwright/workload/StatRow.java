package org.planwright.workload;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a statistics view by column name, whatever it came from (a live query or a CSV export). Column
 * names are compared in lower case; values are kept as text, as psql and {@code COPY} write them.
 */
final class StatRow {

    private final Map<String, String> values;
    private final String source;

    private StatRow(Map<String, String> values, String source) {
        this.values = values;
        this.source = source;
    }

    /**
     * @param values column name to value (null for SQL NULL)
     * @param source where the row came from, for messages (e.g. "pgss.csv line 4")
     */
    static StatRow of(Map<String, ?> values, String source) {
        Map<String, String> copy = new HashMap<>();
        values.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v == null ? null : v.toString()));
        return new StatRow(copy, source);
    }

    boolean has(String column) {
        return values.containsKey(column);
    }

    /** @return the first of {@code columns} this row has, its value as text (null for NULL), or null */
    String text(String... columns) {
        for (String c : columns) {
            if (values.containsKey(c)) {
                return values.get(c);
            }
        }
        return null;
    }

    /**
     * @return the first present column's value as a number; 0 when none is present or it is NULL/empty
     * @throws StatisticsFormatException when the value is not a number
     */
    double number(String... columns) {
        String v = text(columns);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new StatisticsFormatException(source + ": column " + firstPresent(columns) + " holds '"
                    + abbreviate(v) + "', not a number");
        }
    }

    /** @return like {@link #number} but rounded to a long (counters) */
    long count(String... columns) {
        String v = text(columns);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return Math.round(number(columns));
        }
    }

    boolean flag(String column, boolean absent) {
        String v = text(column);
        if (v == null || v.isBlank()) {
            return absent;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "t", "true", "1", "yes", "on" -> true;
            case "f", "false", "0", "no", "off" -> false;
            default -> throw new StatisticsFormatException(source + ": column " + column + " holds '"
                    + abbreviate(v) + "', not a boolean");
        };
    }

    String source() {
        return source;
    }

    private String firstPresent(String... columns) {
        for (String c : columns) {
            if (values.containsKey(c)) {
                return c;
            }
        }
        return columns[0];
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }
}
