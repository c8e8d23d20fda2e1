package org.planwright.plans.read;

import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads PostgreSQL {@code EXPLAIN (FORMAT XML)} output ({@code <explain xmlns="http://www.postgresql.org/2009/explain">
 * <Query><Plan>...}, or auto_explain's XML without the {@code <Query>} element) with Jackson's XML streaming
 * parser into the JSON format's keys and types, so that the same {@link Plan} results:
 * <ul>
 * <li>element names are the JSON keys with every character other than letters, digits, '-', '_' and '.' written
 *     as '-' (PostgreSQL {@code explain.c}, ExplainXMLTag): "Node-Type" is "Node Type", "I-O-Read-Time" is
 *     "I/O Read Time"; the keys with a real hyphen ("Full-sort Groups", "Pre-sorted Groups") are mapped back by
 *     name;</li>
 * <li>lists: {@code <Plans>} holds {@code <Plan>} elements, {@code <Workers>} {@code <Worker>}, {@code <Triggers>}
 *     {@code <Trigger>}, and list properties ("Output", "Sort Key"...) {@code <Item>} elements;</li>
 * <li>all values are text in XML: numbers and "true"/"false" get the JSON type, except in list items, settings
 *     and the properties that hold expressions or names ({@link #TEXT_KEYS}).</li>
 * </ul>
 * Not thread-safe per instance; {@link PlanParser} creates one per call.
 */
final class XmlPlanReader {

    private static final XmlFactory FACTORY = XmlFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    /** JSON keys whose text value stays text even when it looks like a number or a boolean. */
    static final Set<String> TEXT_KEYS = Set.of("Node Type", "Filter", "Join Filter", "Hash Cond", "Index Cond",
            "Recheck Cond", "Merge Cond", "One-Time Filter", "TID Cond", "Cache Key", "Cache Mode", "Alias",
            "Relation Name", "Schema", "CTE Name", "Function Name", "Table Function Name", "Index Name",
            "Subplan Name", "Operation", "Command", "Conflict Filter", "Conflict Resolution", "Run Condition",
            "Sampling Method", "Sampling Parameters", "Repeatable Seed", "Query Text", "Trigger Name", "Constraint Name",
            "Relation", "Format", "Strategy", "Partial Mode", "Join Type", "Parent Relationship", "Scan Direction",
            "Sort Method", "Sort Space Type", "Storage", "Window");

    private static final Map<String, String> HYPHENATED = Map.of("Full sort Groups", "Full-sort Groups",
            "Pre sorted Groups", "Pre-sorted Groups", "One Time Filter", "One-Time Filter");

    private final PlanTree tree = new PlanTree();

    /**
     * @param xml the cleaned source; line numbers must match the pasted text
     * @return the plan
     * @throws PlanParseException with the position of malformed XML or of the element that is not a plan
     */
    RawPlan read(String xml) {
        Object value;
        try (JsonParser p = FACTORY.createParser(xml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new PlanParseException(1, 1, "expected an XML plan (<explain>) but found no element");
            }
            value = readElement(p, "explain", false, pos(p));
            while (p.nextToken() != null) {
                // trailing whitespace or comments; Stax rejects a second root element with a positioned error
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PlanParseException(at == null ? 1 : at.getLineNr(), at == null ? 1 : Math.max(1, at.getColumnNr()),
                    "invalid XML plan: " + YamlPlanReader.firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new PlanParseException(1, 1, "could not read the XML plan: " + e.getMessage(), e);
        }
        Object top = value;
        if (top instanceof Map<?, ?> root && !root.containsKey("Plan") && root.get("Query") != null) {
            top = root.get("Query");
        }
        return tree.toPlan(top, Plan.Format.XML, "EXPLAIN (FORMAT XML)");
    }

    /** Reads the element whose START_OBJECT or text token is current; {@code key} is its JSON key. */
    private Object readElement(JsonParser p, String key, boolean inSettings, PlanTree.Pos pos) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL) {
            String text = t == JsonToken.VALUE_NULL ? "" : p.getText();
            return text.isBlank() ? empty(key, text) : inSettings || "Item".equals(key) ? text : typed(key, text);
        }
        if (t != JsonToken.START_OBJECT) {
            throw new PlanParseException(pos.line(), pos.column(), "unexpected XML content " + t);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        tree.container(m, pos);
        boolean settings = "Settings".equals(key);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String k = settings ? name : jsonKey(name);
            PlanTree.Pos at = pos(p); // the element's start tag
            p.nextToken();
            Object v = readElement(p, k, settings, at);
            if (name.isEmpty()) {
                continue; // text between child elements
            }
            tree.value(m, k, at);
            if (m.containsKey(k)) {
                Object prev = m.get(k);
                if (prev instanceof Repeated r) {
                    r.add(v);
                } else {
                    Repeated r = new Repeated();
                    r.add(prev);
                    r.add(v);
                    tree.container(r, tree.at(m, k));
                    m.put(k, r);
                }
            } else {
                m.put(k, v);
            }
        }
        return shape(key, m);
    }

    /** Lists are elements whose children all carry the item element's name. */
    private Object shape(String key, Map<String, Object> m) {
        String item = switch (key) {
            case "Plans" -> "Plan";
            case "Workers" -> "Worker";
            case "Triggers" -> "Trigger";
            case "Target Tables" -> "Target Table";
            case "Grouping Sets" -> "Grouping Set";
            case "Group Keys" -> "Group Key";
            case "Hash Keys" -> "Hash Key";
            default -> m.size() == 1 && m.containsKey("Item") ? "Item" : null;
        };
        if (item != null && m.size() == 1 && m.containsKey(item)) {
            Object v = m.get(item);
            List<Object> list = v instanceof Repeated r ? new ArrayList<>(r) : new ArrayList<>(List.of(v));
            tree.container(list, tree.at(m));
            return list;
        }
        relabel(m, "Incremental Sort Groups", "Full-sort Groups", "Pre-sorted Groups");
        relabel(m, "Sort Space", "Sort Space Memory", "Sort Space Disk");
        m.replaceAll((k, v) -> v instanceof Repeated r ? new ArrayList<>(r) : v);
        return m;
    }

    /**
     * PostgreSQL names some XML groups by their type, not their JSON label ({@code explain.c},
     * show_incremental_sort_group_info): full-sort groups come before pre-sorted groups, and memory before disk
     * sort space. A lone "Sort-Space" is read as memory (the usual case; XML does not tell).
     */
    private void relabel(Map<String, Object> m, String xmlKey, String first, String second) {
        Object v = m.get(xmlKey);
        if (v == null) {
            return;
        }
        PlanTree.Pos at = tree.at(m, xmlKey);
        m.remove(xmlKey);
        List<?> values = v instanceof Repeated r ? r : List.of(v);
        m.put(first, values.get(0));
        tree.value(m, first, at);
        if (values.size() > 1) {
            m.put(second, values.get(1));
            tree.value(m, second, at);
        }
    }

    private static Object empty(String key, String text) {
        if (PlanTree.LIST_KEYS.contains(key)) {
            return new ArrayList<>();
        }
        if (PlanTree.GROUP_KEYS.contains(key)) {
            return new LinkedHashMap<String, Object>();
        }
        return text.strip();
    }

    /** "Node-Type" to "Node Type", "I-O-Read-Time" to "I/O Read Time", "Full-sort-Groups" to "Full-sort Groups". */
    static String jsonKey(String xmlName) {
        String k = xmlName.replace('-', ' ');
        if (k.contains("I O ")) {
            k = k.replace("I O ", "I/O ");
        }
        return HYPHENATED.getOrDefault(k, k);
    }

    private static Object typed(String key, String text) {
        if (TEXT_KEYS.contains(key)) {
            return text;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        int i = text.startsWith("-") ? 1 : 0;
        int digits = 0;
        int dots = 0;
        for (int j = i; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && dots == 0) {
                dots++;
            } else {
                return text;
            }
        }
        if (digits == 0) {
            return text;
        }
        if (dots == 0 && digits <= 19) {
            try {
                return Long.parseLong(text); // "Query Identifier" is a signed 64-bit number
            } catch (NumberFormatException e) {
                // beyond long: read as a double below, as Jackson's JSON reader would keep a BigInteger
            }
        }
        double d = Double.parseDouble(text);
        return Double.isFinite(d) ? d : text;
    }

    private static PlanTree.Pos pos(JsonParser p) {
        JsonLocation at = p.currentTokenLocation();
        return new PlanTree.Pos(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    /** Values of an element name that occurs more than once in its parent. */
    private static final class Repeated extends ArrayList<Object> {
    }
}
