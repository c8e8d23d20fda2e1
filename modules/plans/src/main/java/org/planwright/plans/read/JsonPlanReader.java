package org.planwright.plans.read;

import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads PostgreSQL {@code EXPLAIN (FORMAT JSON)} output with Jackson's streaming parser in one pass, straight
 * into {@link RawNode}s (no intermediate tree): node properties go into a compact {@link PropertyMap}, other
 * values into plain maps and lists (numbers as Long or Double), and short strings that repeat ("Seq Scan",
 * "Outer", "public") are shared. A structural error (no "Plan", a node without "Node Type", "Plans" not an
 * array of objects) is reported at the position where the offending object or array starts, and only once the
 * whole text was read as JSON, so that a JSON syntax error anywhere wins, as it did when the tree was read
 * first; among structural errors the one nearest the top (array, then "Plan", then nodes in pre-order) wins.
 * Not thread-safe per instance; {@link PlanParser} creates one per call.
 */
final class JsonPlanReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // messages without the pasted text
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER) // same doubles (correctly rounded), faster
            .build();

    /** Slots of {@link #shared}, a power of two. */
    private static final int SHARED_SLOTS = 1024;

    /** Strings up to this length are shared between nodes (node types, relationships, schema and table names). */
    private static final int SHARED_STRING_MAX = 32;

    /**
     * A direct-mapped cache of recent short strings (slot = hash code's low bits; a miss replaces the slot): the
     * repeats of a plan ("Seq Scan", "Outer", "public", an alias equal to its relation name) are shared without a
     * hash map that grows with every distinct name (100,000 partition names would otherwise fill and resize it).
     */
    private final String[] shared = new String[SHARED_SLOTS];
    /** One reused property map per nesting depth of nodes; each node keeps an exact-size copy of its own. */
    private final List<PropertyMap> scratch = new ArrayList<>();
    private int depth;
    private final Map<String, Object> top = new LinkedHashMap<>();
    private RawNode root;
    /** Structural error of the array or the plan object; wins over {@link #rootError}. */
    private PlanParseException topError;
    /** First structural error (pre-order) of the "Plan" tree read last. */
    private PlanParseException rootError;
    /** First structural error of the subtree {@link #readNode} returned last, or null. */
    private PlanParseException subtreeError;

    /** Reads {@code json}; error positions are line and column (in characters) of the text. */
    RawPlan read(String json) {
        try {
            return read(FACTORY.createParser(json));
        } catch (IOException e) {
            throw new PlanParseException(1, 1, "could not read the JSON plan: " + e.getMessage(), e);
        }
    }

    /**
     * Reads JSON text encoded as UTF-8: Jackson's byte parser is about a quarter faster than its character parser
     * on large plans. Columns in error positions count bytes, not characters, so callers that show errors to
     * people read the text with {@link #read(String)}.
     */
    RawPlan readUtf8(byte[] json) {
        try {
            return read(FACTORY.createParser(json));
        } catch (IOException e) {
            throw new PlanParseException(1, 1, "could not read the JSON plan: " + e.getMessage(), e);
        }
    }

    private RawPlan read(JsonParser parser) {
        try (JsonParser p = parser) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new PlanParseException(1, 1, "expected a JSON plan but the text is empty");
            }
            readTop(p);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new PlanParseException(at.getLineNr(), at.getColumnNr(),
                        "unexpected text after the end of the JSON plan");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : at.getLineNr();
            int col = at == null ? 1 : at.getColumnNr();
            throw new PlanParseException(line, col, "invalid JSON plan: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PlanParseException(1, 1, "could not read the JSON plan: " + e.getMessage(), e);
        }
        if (topError != null) {
            throw topError;
        }
        if (rootError != null) {
            throw rootError;
        }
        return new RawPlan(root, top, Plan.Format.JSON);
    }

    /** The outermost value: {@code [ {plan} ]} or {@code {plan}}. */
    private void readTop(JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            int count = 0;
            boolean firstIsObject = false;
            JsonLocation second = null;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (count == 0 && p.currentToken() == JsonToken.START_OBJECT) {
                    firstIsObject = true;
                    readPlanObject(p);
                } else {
                    if (count == 1 && p.currentToken().isStructStart()) {
                        second = p.currentTokenLocation();
                    }
                    p.skipChildren();
                }
                count++;
            }
            if (!firstIsObject) {
                topError = error(at, "expected an array holding a plan object with a \"Plan\" key");
            } else if (count > 1) { // a rule can turn one statement into several plans
                topError = error(second, "expected one plan, but the array holds " + count
                        + " plans: paste one plan at a time");
            }
        } else if (t == JsonToken.START_OBJECT) {
            readPlanObject(p);
        } else {
            p.skipChildren();
            topError = error(null, "expected a JSON object or array with a \"Plan\" key");
        }
    }

    /** {@code {"Plan": {...}, "Planning Time": ..., ...}}: the root node and the plan-level keys. */
    private void readPlanObject(JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        boolean plan = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if ("Plan".equals(key)) {
                plan = t == JsonToken.START_OBJECT;
                if (plan) {
                    root = readNode(p);
                    rootError = subtreeError;
                } else {
                    p.skipChildren();
                }
            } else {
                top.put(key, readField(p, key));
            }
        }
        if (!plan && topError == null) {
            topError = error(at, "expected a \"Plan\" object in the EXPLAIN (FORMAT JSON) output");
        }
    }

    /** Reads the node object at the current START_OBJECT; sets {@link #subtreeError}. */
    private RawNode readNode(JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        if (scratch.size() == depth) {
            scratch.add(new PropertyMap());
        }
        PropertyMap props = scratch.get(depth);
        props.clear();
        List<RawNode> children = new ArrayList<>();
        PlanParseException firstError = null;
        depth++;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (!"Plans".equals(key)) {
                props.put(key, readField(p, key));
                continue;
            }
            children.clear(); // a repeated key counts once, with its last value, as in a map
            firstError = null;
            if (t != JsonToken.START_ARRAY) {
                firstError = error(at, "expected \"Plans\" to be an array of plan nodes");
                p.skipChildren();
                continue;
            }
            JsonLocation listAt = p.currentTokenLocation();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    children.add(readNode(p));
                    firstError = firstError != null ? firstError : subtreeError;
                } else {
                    firstError = firstError != null ? firstError
                            : error(listAt, "expected only plan node objects in \"Plans\"");
                    p.skipChildren();
                }
            }
        }
        depth--;
        subtreeError = props.get("Node Type") instanceof String ? firstError
                : error(at, "expected a \"Node Type\" string in this plan node");
        return new RawNode(props.exactCopy(), children);
    }

    /**
     * The value of {@code key}, checked by {@link NumberKeys#problem}: one set lookup per field (numbers against
     * the non-negative keys, anything else against the number keys), as this runs for every field of every node.
     */
    private Object readField(JsonParser p, String key) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            Object v = readValue(p);
            if (NumberKeys.NON_NEGATIVE.contains(key)) {
                refuse(p, NumberKeys.problem(key, v));
            }
            return v;
        }
        if (!NumberKeys.NUMBERS.contains(key)) {
            return readValue(p);
        }
        if (!t.isScalarValue()) {
            throw error(p.currentTokenLocation(), "expected a number for \"" + key + "\", found "
                    + (t == JsonToken.START_ARRAY ? "a list" : "an object"));
        }
        Object v = NumberKeys.coerce(key, readValue(p));
        refuse(p, NumberKeys.problem(key, v));
        return v;
    }

    /** Throws {@code problem}, if any, at the current (value) token. */
    private static void refuse(JsonParser p, String problem) {
        if (problem != null) {
            throw error(p.currentTokenLocation(), problem);
        }
    }

    private static PlanParseException error(JsonLocation at, String message) {
        return at == null ? new PlanParseException(1, 1, message)
                : new PlanParseException(at.getLineNr(), at.getColumnNr(), message);
    }

    /** Any value below a node: objects as insertion-ordered maps, arrays as lists. */
    private Object readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, readField(p, key));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(readValue(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                String s = p.getText();
                return s.length() > SHARED_STRING_MAX ? s : share(s);
            }
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    return p.getLongValue();
                }
                return finite(p.getNumberValue(), p);
            }
            case VALUE_NUMBER_FLOAT -> {
                return finite(p.getDoubleValue(), p);
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                JsonLocation at = p.currentTokenLocation();
                throw new PlanParseException(at.getLineNr(), at.getColumnNr(), "unexpected JSON token " + t);
            }
        }
    }

    private String share(String s) {
        int slot = s.hashCode() & (SHARED_SLOTS - 1);
        String known = shared[slot];
        if (known != null && known.equals(s)) {
            return known;
        }
        shared[slot] = s;
        return s;
    }

    /** A number beyond double's range (e.g. 1e400) would turn times into infinities: damaged input. */
    private static Number finite(Number n, JsonParser p) throws IOException {
        if (!Double.isFinite(n.doubleValue())) {
            String text = p.getText();
            String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
            JsonLocation at = p.currentTokenLocation();
            throw new PlanParseException(at.getLineNr(), at.getColumnNr(), "number out of range: " + shown);
        }
        return n;
    }
}
