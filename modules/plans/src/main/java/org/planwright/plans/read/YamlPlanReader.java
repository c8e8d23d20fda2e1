package org.planwright.plans.read;

import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads PostgreSQL {@code EXPLAIN (FORMAT YAML)} output (and auto_explain's YAML, which has "Query Text" and
 * "Plan" at the top instead of a one-item list) with Jackson's YAML streaming parser. PostgreSQL's YAML uses the
 * JSON format's keys ("Node Type", "Actual Rows"...), quotes every text value and writes numbers and booleans
 * plainly, so values keep the JSON format's types; an empty "Settings:" or "Triggers:" becomes {} or [] as in
 * JSON. Not thread-safe per instance; {@link PlanParser} creates one per call.
 */
final class YamlPlanReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private final PlanTree tree = new PlanTree();

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(Integer.MAX_VALUE); // plans of 100,000 nodes are far beyond SnakeYAML's default 3 MB
        o.setAllowDuplicateKeys(false);
        return o;
    }

    /**
     * @param yaml the cleaned source; line numbers must match the pasted text
     * @return the plan
     * @throws PlanParseException with the position of invalid YAML or of the value that is not a plan
     */
    RawPlan read(String yaml) {
        Object value;
        try (JsonParser p = FACTORY.createParser(yaml)) {
            if (p.nextToken() == null) {
                throw new PlanParseException(1, 1, "expected a YAML plan but the text is empty");
            }
            value = readValue(p, null);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new PlanParseException(at.getLineNr(), at.getColumnNr(),
                        "unexpected text after the end of the YAML plan");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PlanParseException(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    "invalid YAML plan: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new PlanParseException(1, 1, "could not read the YAML plan: " + e.getMessage(), e);
        }
        return tree.toPlan(value, Plan.Format.YAML, "EXPLAIN (FORMAT YAML)");
    }

    private Object readValue(JsonParser p, String key) throws IOException {
        JsonToken t = p.currentToken();
        JsonLocation at = p.currentTokenLocation();
        PlanTree.Pos pos = new PlanTree.Pos(at.getLineNr(), at.getColumnNr());
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                tree.container(m, pos);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    JsonLocation v = p.currentTokenLocation();
                    tree.value(m, k, new PlanTree.Pos(v.getLineNr(), v.getColumnNr()));
                    m.put(k, readValue(p, k));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                tree.container(l, pos);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(readValue(p, null));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                Number n = p.getNumberValue();
                if (!Double.isFinite(n.doubleValue())) {
                    throw new PlanParseException(pos.line(), pos.column(), "number out of range: " + shorten(p.getText()));
                }
                if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
                    return n.longValue(); // as the JSON reader: integers are Long
                }
                return n instanceof Long || n instanceof Double ? n
                        : t == JsonToken.VALUE_NUMBER_INT && n.doubleValue() == n.longValue() ? n.longValue()
                        : n.doubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return emptyValue(key);
            }
            default -> throw new PlanParseException(pos.line(), pos.column(), "unexpected YAML token " + t);
        }
    }

    /** PostgreSQL writes an empty group or list as a key with nothing after it. */
    private Object emptyValue(String key) {
        if (key != null && PlanTree.LIST_KEYS.contains(key)) {
            return new ArrayList<>();
        }
        if (key != null && PlanTree.GROUP_KEYS.contains(key)) {
            return new LinkedHashMap<String, Object>();
        }
        return null;
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
