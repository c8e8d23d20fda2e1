package org.planwright.plans.read;

import org.planwright.plans.Buffers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates the detail lines of a text-format plan ("Filter: ...", "Rows Removed by Filter: 12",
 * "Buffers: shared hit=1 read=2", "Sort Method: quicksort  Memory: 25kB", "Buckets: 1024  Batches: 1  Memory
 * Usage: 9kB", "I/O Timings: ...", "Heap Blocks: exact=1 lossy=2", ...) into the keys and value types of
 * PostgreSQL's JSON format, so that the same plan gives the same properties in both formats. Unknown "Key:
 * value" lines are kept under their own key (numbers as numbers); lines without a key are kept in the list
 * "Extra Lines". Stateless; no regular expressions.
 */
public final class TextDetails {

    /** Keys whose value is a comma-separated list in JSON. */
    private static final Set<String> LIST_KEYS = Set.of("Output", "Sort Key", "Group Key", "Presorted Key");

    private TextDetails() {
    }

    /**
     * @param content detail line without indentation
     * @param target  node, worker or section properties to add to
     */
    static void apply(String content, Map<String, Object> target) {
        int colon = keyEnd(content);
        if (colon < 0) {
            add(target, "Extra Lines", content);
            return;
        }
        String key = content.substring(0, colon).strip();
        String value = content.substring(colon + 1).strip();
        switch (key) {
            case "Buffers" -> buffers(value, target);
            case "I/O Timings" -> ioTimings(value, target);
            case "Heap Blocks" -> assignments(value, target, Map.of("exact", "Exact Heap Blocks",
                    "lossy", "Lossy Heap Blocks"));
            case "WAL" -> assignments(value.replace("buffers full=", "buffers_full="), target, Map.of(
                    "records", "WAL Records", "fpi", "WAL FPI", "bytes", "WAL Bytes", "buffers_full", "WAL Buffers Full"));
            case "Serialization" -> target.put("Serialization", serialization(value));
            case "Sort Method", "Buckets", "Batches", "Planned Partitions", "Hits" -> pairs(content, target);
            case "Full-sort Groups", "Pre-sorted Groups" -> target.put(key, sortGroups(content));
            case "Memory" -> assignments(value, target, Map.of("used", "Memory Used", "allocated", "Memory Allocated"));
            case "Planning Time", "Planning time" -> target.put("Planning Time", number(stripUnit(value, "ms")));
            case "Execution Time", "Execution time" -> target.put("Execution Time", number(stripUnit(value, "ms")));
            case "Total runtime" -> target.put("Total Runtime", number(stripUnit(value, "ms")));
            case "Disabled" -> target.put(key, Boolean.valueOf(value)); // PG 18: a boolean in JSON
            default -> {
                if (LIST_KEYS.contains(key)) {
                    List<String> items = splitList(value);
                    if (target.get(key) instanceof List<?> existing) { // grouping sets repeat "Group Key"
                        List<Object> all = new ArrayList<>(existing);
                        all.addAll(items);
                        target.put(key, all);
                    } else {
                        target.put(key, items);
                    }
                } else {
                    Object n = number(value);
                    target.put(key, n != null ? n : value);
                }
            }
        }
    }

    /** Index of the colon ending a "Key: value" (or "Key:") prefix, or -1. Keys have no parenthesis. */
    static int keyEnd(String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == ':') {
                return i > 0 && (i + 1 == content.length() || content.charAt(i + 1) == ' ') ? i : -1;
            }
            if (c == '(' || c == '=' || c == '\'' || c == '"') {
                return -1;
            }
        }
        return -1;
    }

    /** Lines like "Sort Method: quicksort  Memory: 25kB" or "Hits: 1  Misses: 2  Memory Usage: 1kB". */
    private static void pairs(String content, Map<String, Object> target) {
        boolean hashNode = content.startsWith("Buckets:");
        for (String part : content.split(" {2,}")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String k = part.substring(0, colon).strip();
            String v = part.substring(colon + 1).strip();
            String original = null;
            int orig = v.indexOf("(originally ");
            if (orig > 0 && v.endsWith(")")) {
                original = v.substring(orig + 12, v.length() - 1).strip();
                v = v.substring(0, orig).strip();
            }
            switch (k) {
                case "Sort Method" -> target.put("Sort Method", v);
                case "Memory", "Disk" -> {
                    target.put("Sort Space Type", k);
                    target.put("Sort Space Used", number(stripUnit(v, "kB")));
                }
                case "Buckets" -> { // text omits "(originally N)" when unchanged; JSON always has both
                    target.put("Hash Buckets", number(v));
                    target.put("Original Hash Buckets", number(original != null ? original : v));
                }
                case "Batches" -> {
                    target.put(hashNode ? "Hash Batches" : "HashAgg Batches", number(v));
                    if (hashNode) {
                        target.put("Original Hash Batches", number(original != null ? original : v));
                    }
                }
                case "Memory Usage" -> target.put("Peak Memory Usage", number(stripUnit(v, "kB")));
                case "Disk Usage" -> target.put("Disk Usage", number(stripUnit(v, "kB")));
                case "Hits", "Misses", "Evictions", "Overflows" -> target.put("Cache " + k, number(v));
                default -> {
                    Object n = number(stripUnit(stripUnit(v, "kB"), "ms"));
                    target.put(k, n != null ? n : v);
                }
            }
        }
    }

    /**
     * Incremental Sort: "Full-sort Groups: 1  Sort Method: quicksort  Average Memory: 123kB  Peak Memory: 234kB"
     * (also "Sort Methods: a, b" and "Average Disk" / "Peak Disk") as PostgreSQL's JSON nests it.
     */
    private static Map<String, Object> sortGroups(String content) {
        Map<String, Object> g = new LinkedHashMap<>();
        for (String part : content.split(" {2,}")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String k = part.substring(0, colon).strip();
            String v = part.substring(colon + 1).strip();
            if (k.endsWith("Groups")) {
                g.put("Group Count", number(v));
            } else if (k.startsWith("Sort Method")) {
                g.put("Sort Methods Used", splitList(v));
            } else if (k.startsWith("Average ") || k.startsWith("Peak ")) {
                String space = k.endsWith("Disk") ? "Sort Space Disk" : "Sort Space Memory";
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) g.computeIfAbsent(space, x -> new LinkedHashMap<>());
                m.put(k.startsWith("Average") ? "Average Sort Space Used" : "Peak Sort Space Used",
                        number(stripUnit(v, "kB")));
            } else {
                g.put(k, v);
            }
        }
        return g;
    }

    /** "shared hit=1 read=2 dirtied=3 written=4, local ..., temp read=5 written=6". */
    private static void buffers(String value, Map<String, Object> target) {
        for (String group : value.split(",")) {
            String[] tokens = group.strip().split("\\s+");
            if (tokens.length == 0 || tokens[0].contains("=")) {
                continue;
            }
            String scope = capitalize(tokens[0]);
            for (int i = 1; i < tokens.length; i++) {
                int eq = tokens[i].indexOf('=');
                if (eq > 0) {
                    target.put(scope + " " + capitalize(tokens[i].substring(0, eq)) + " Blocks",
                            number(tokens[i].substring(eq + 1)));
                }
            }
        }
    }

    /** PG &lt; 15 "read=1 write=2"; PG 15/16 "shared/local read=.. , temp read=.."; PG 17 "shared ..., local ...". */
    private static void ioTimings(String value, Map<String, Object> target) {
        boolean detailed = false;
        for (String group : value.split(",")) {
            String scope = group.strip().split("\\s+")[0];
            detailed |= scope.equals("shared") || scope.equals("local");
        }
        for (String k : detailed ? List.of("Shared ", "Local ", "Temp ") : List.of("")) {
            target.put(k + "I/O Read Time", 0.0); // PEV2: the pairs PostgreSQL omits when zero start at 0
            target.put(k + "I/O Write Time", 0.0);
        }
        for (String group : value.split(",")) {
            String[] tokens = group.strip().split("\\s+");
            if (tokens.length == 0) {
                continue;
            }
            String prefix = "";
            int start = 0;
            if (!tokens[0].contains("=")) {
                start = 1;
                prefix = switch (tokens[0]) {
                    case "shared" -> "Shared ";
                    case "local" -> "Local ";
                    case "temp" -> "Temp ";
                    default -> ""; // "shared/local" of PG 15-16 is the unscoped pair
                };
            }
            target.putIfAbsent(prefix + "I/O Read Time", 0.0); // PEV2: a reported pair starts at 0
            target.putIfAbsent(prefix + "I/O Write Time", 0.0);
            for (int i = start; i < tokens.length; i++) {
                int eq = tokens[i].indexOf('=');
                if (eq > 0) {
                    String op = tokens[i].substring(0, eq).equals("write") ? "Write" : "Read";
                    target.put(prefix + "I/O " + op + " Time", toDouble(number(tokens[i].substring(eq + 1))));
                }
            }
        }
    }

    /** PG 17+: "time=4.690 ms  output=31251kB  format=text" as JSON's "Serialization" object. */
    static Map<String, Object> serialization(String value) {
        Map<String, Object> m = newMap();
        for (String token : value.strip().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String v = token.substring(eq + 1);
            switch (token.substring(0, eq)) {
                case "time" -> m.put("Time", number(v));
                case "output" -> m.put("Output Volume", number(stripUnit(v, "kB")));
                case "format" -> m.put("Format", v);
                default -> m.put(capitalize(token.substring(0, eq)), v);
            }
        }
        return m;
    }

    private static void assignments(String value, Map<String, Object> target, Map<String, String> keys) {
        for (String token : value.strip().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0 && keys.containsKey(token.substring(0, eq))) {
                String v = stripUnit(token.substring(eq + 1), "kB");
                target.put(keys.get(token.substring(0, eq)), number(v));
            }
        }
    }

    /** Splits "a, f(b, c), 'x,y'" at top-level commas. */
    static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(value.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(value.substring(start).strip());
        return out;
    }

    /** @return Long, Double, or null if {@code s} is not a plain number */
    public static Number number(String s) {
        if (s == null || s.isEmpty() || s.length() > 40) {
            return null;
        }
        boolean dot = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot && i > 0) {
                dot = true;
            } else if (!(Character.isDigit(c) || (i == 0 && c == '-' && s.length() > 1))) {
                return null;
            }
        }
        if (s.endsWith(".")) {
            return null;
        }
        try {
            return dot ? (Number) Double.parseDouble(s) : (Number) Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Double.parseDouble(s);
        }
    }

    private static double toDouble(Number n) {
        return n == null ? 0.0 : n.doubleValue();
    }

    static String stripUnit(String v, String unit) {
        String s = v.strip();
        return s.endsWith(unit) ? s.substring(0, s.length() - unit.length()).strip() : s;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Appends to the list under {@code key} (created by the text parser, hence mutable). */
    @SuppressWarnings("unchecked")
    static void add(Map<String, Object> target, String key, Object value) {
        Object existing = target.get(key);
        List<Object> list = existing instanceof ArrayList<?> l ? (List<Object>) l : new ArrayList<>();
        list.add(value);
        target.put(key, list);
    }

    static Map<String, Object> newMap() {
        return new LinkedHashMap<>();
    }
}
