package org.planwright.plans.read;

import java.util.HashSet;
import java.util.Set;

/**
 * The keys of PostgreSQL's EXPLAIN output whose value is always a number (ExplainPropertyFloat /
 * ExplainPropertyInteger / ExplainPropertyUInteger in PostgreSQL's {@code src/backend/commands/explain.c}), so
 * that every reader refuses text there ("Actual Rows": "many") instead of reading the plan as if the key were
 * absent. Stateless.
 */
final class NumberKeys {

    /** Keys PostgreSQL never reports below zero; a negative value is damaged input. */
    static final Set<String> NON_NEGATIVE = hashed("Startup Cost", "Total Cost", "Plan Rows", "Plan Width",
            "Actual Startup Time", "Actual Total Time", "Actual Rows", "Actual Loops", "Planning Time",
            "Execution Time", "Total Runtime", "Workers Planned", "Workers Launched");

    /** Upper bound of those keys: far above any real plan, low enough that times x loops stay finite. */
    static final double MAX_QUANTITY = 1e18;

    /** Every key read as a number by {@link org.planwright.plans.PlanNode}, {@link org.planwright.plans.Plan} and
     * {@link org.planwright.plans.Buffers}. */
    static final Set<String> NUMBERS;

    static {
        Set<String> s = new HashSet<>(NON_NEGATIVE);
        s.addAll(Set.of("Rows Removed by Filter", "Rows Removed by Join Filter", "Rows Removed by Index Recheck",
                "Heap Fetches", "Sort Space Used", "Hash Buckets", "Hash Batches", "Original Hash Buckets",
                "Original Hash Batches", "Peak Memory Usage", "Disk Usage", "HashAgg Batches", "Exact Heap Blocks",
                "Lossy Heap Blocks", "WAL Records", "WAL FPI", "WAL Bytes", "WAL Buffers Full", "Index Searches",
                "Disabled Nodes", "Shared Hit Blocks", "Shared Read Blocks", "Shared Dirtied Blocks",
                "Shared Written Blocks", "Local Hit Blocks", "Local Read Blocks", "Local Dirtied Blocks",
                "Local Written Blocks", "Temp Read Blocks", "Temp Written Blocks", "I/O Read Time", "I/O Write Time",
                "Shared I/O Read Time", "Shared I/O Write Time", "Local I/O Read Time", "Local I/O Write Time"));
        NUMBERS = hashed(s.toArray(String[]::new));
    }

    /** A HashSet: String caches its hash, so a lookup is one probe; Set.of's probing compares more keys. */
    private static Set<String> hashed(String... keys) {
        return java.util.Collections.unmodifiableSet(new HashSet<>(java.util.Arrays.asList(keys)));
    }

    private NumberKeys() {
    }

    /**
     * PEV2's exports of plans it read from text hold numbers as JSON strings ("Sort Space Used": "25"): such a
     * string under a number key is the number it spells.
     *
     * @param key   a key of a node or of the plan
     * @param value its value as read
     * @return the number {@code value} spells if it is a string under a number key, else {@code value}
     */
    static Object coerce(String key, Object value) {
        if (value instanceof String s && NUMBERS.contains(key)) {
            Number n = TextDetails.number(s.strip());
            return n != null ? n : value;
        }
        return value;
    }

    /**
     * @param key   a key of a node or of the plan
     * @param value its value as read
     * @return the reason to refuse the value, or null if it is fine: text (or a list, an object, a boolean)
     *     where PostgreSQL writes a number, or a negative or absurd quantity
     */
    static String problem(String key, Object value) {
        if (value == null || !NUMBERS.contains(key)) {
            return null;
        }
        if (value instanceof Number n) {
            return NON_NEGATIVE.contains(key) && !(n.doubleValue() >= 0 && n.doubleValue() <= MAX_QUANTITY)
                    ? "expected a non-negative number up to 1e18 for \"" + key + "\", found " + n : null;
        }
        String shown = String.valueOf(value);
        shown = shown.length() > 20 ? shown.substring(0, 20) + "..." : shown;
        return "expected a number for \"" + key + "\", found " + (value instanceof String ? "\"" + shown + "\""
                : shown);
    }
}
