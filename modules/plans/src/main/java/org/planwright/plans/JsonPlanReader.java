package org.planwright.plans;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads PostgreSQL {@code EXPLAIN (FORMAT JSON)} output with Jackson's streaming parser into plain maps and
 * lists (numbers as Long or Double), remembering where each object starts so that a structural error (no
 * "Plan", a node without "Node Type") is reported at the object's position. Not thread-safe per instance;
 * {@link PlanParser} creates one per call.
 */
final class JsonPlanReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build(); // messages without the pasted text

    /** Keys PostgreSQL never reports below zero; a negative value is damaged input. */
    private static final Set<String> NON_NEGATIVE = Set.of("Startup Cost", "Total Cost", "Plan Rows", "Plan Width",
            "Actual Startup Time", "Actual Total Time", "Actual Rows", "Actual Loops", "Planning Time",
            "Execution Time", "Total Runtime", "Workers Planned", "Workers Launched");

    /** Upper bound of those keys: far above any real plan, low enough that times x loops stay finite. */
    private static final double MAX_QUANTITY = 1e18;

    private final Map<Object, JsonLocation> starts = new IdentityHashMap<>();

    Plan read(String json) {
        Object value;
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new PlanParseException(1, 1, "expected a JSON plan but the text is empty");
            }
            value = readValue(p);
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
        return toPlan(value);
    }

    private Plan toPlan(Object value) {
        Object top = value;
        if (top instanceof List<?> list) {
            if (list.isEmpty() || !(list.getFirst() instanceof Map<?, ?>)) {
                throw error(value, "expected an array holding a plan object with a \"Plan\" key");
            }
            if (list.size() > 1) { // a rule can turn one statement into several plans
                throw error(list.get(1), "expected one plan, but the array holds " + list.size()
                        + " plans: paste one plan at a time");
            }
            top = list.getFirst();
        }
        if (!(top instanceof Map<?, ?> topMap)) {
            throw error(value, "expected a JSON object or array with a \"Plan\" key");
        }
        if (!(topMap.get("Plan") instanceof Map<?, ?> planMap)) {
            throw error(top, "expected a \"Plan\" object in the EXPLAIN (FORMAT JSON) output");
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        topMap.forEach((k, v) -> {
            if (!"Plan".equals(k)) {
                plan.put(String.valueOf(k), v);
            }
        });
        return new Plan(toNode(planMap), plan, Plan.Format.JSON);
    }

    private RawNode toNode(Map<?, ?> map) {
        if (!(map.get("Node Type") instanceof String)) {
            throw error(map, "expected a \"Node Type\" string in this plan node");
        }
        RawNode node = new RawNode();
        map.forEach((k, v) -> {
            if ("Plans".equals(k)) {
                if (!(v instanceof List<?> kids)) {
                    throw error(map, "expected \"Plans\" to be an array of plan nodes");
                }
                for (Object kid : kids) {
                    if (!(kid instanceof Map<?, ?> kidMap)) {
                        throw error(v, "expected only plan node objects in \"Plans\"");
                    }
                    node.children.add(toNode(kidMap));
                }
            } else {
                node.props.put(String.valueOf(k), v);
            }
        });
        return node;
    }

    private PlanParseException error(Object at, String message) {
        JsonLocation loc = starts.get(at);
        return loc == null ? new PlanParseException(1, 1, message)
                : new PlanParseException(loc.getLineNr(), loc.getColumnNr(), message);
    }

    private Object readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        JsonLocation at = p.currentTokenLocation();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                starts.put(m, at);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    JsonLocation valueAt = p.currentTokenLocation();
                    Object v = readValue(p);
                    if (v instanceof Number n && NON_NEGATIVE.contains(key)
                            && !(n.doubleValue() >= 0 && n.doubleValue() <= MAX_QUANTITY)) {
                        throw new PlanParseException(valueAt.getLineNr(), valueAt.getColumnNr(),
                                "expected a non-negative number up to 1e18 for \"" + key + "\", found " + n);
                    }
                    m.put(key, v);
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                starts.put(l, at);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(readValue(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    return p.getLongValue();
                }
                return finite(p.getNumberValue(), p.getText(), at);
            }
            case VALUE_NUMBER_FLOAT -> {
                return finite(p.getDoubleValue(), p.getText(), at);
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
            default -> throw new PlanParseException(at.getLineNr(), at.getColumnNr(), "unexpected JSON token " + t);
        }
    }

    /** A number beyond double's range (e.g. 1e400) would turn times into infinities: damaged input. */
    private static Number finite(Number n, String text, JsonLocation at) {
        if (!Double.isFinite(n.doubleValue())) {
            String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
            throw new PlanParseException(at.getLineNr(), at.getColumnNr(), "number out of range: " + shown);
        }
        return n;
    }
}
