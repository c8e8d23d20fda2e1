package org.planwright.plans.read;

import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan read into plain maps and lists keyed as in PostgreSQL's {@code EXPLAIN (FORMAT JSON)} (numbers as Long
 * or Double, booleans as Boolean), with the source position of every container and every value, turned into a
 * {@link Plan}. Shared by the readers of formats other than JSON ({@link YamlPlanReader}, {@link XmlPlanReader}),
 * so that a structural error (no "Plan", a node without "Node Type", a negative row count) is reported at its
 * position in the pasted text. Not thread-safe; one per parse.
 */
final class PlanTree {

    /** A 1-based source position. */
    record Pos(int line, int column) {
        static final Pos START = new Pos(1, 1);
    }

    /** Keys whose value is a list in the JSON format (an empty element or empty YAML value means []). */
    static final Set<String> LIST_KEYS = Set.of("Plans", "Output", "Sort Key", "Presorted Key", "Group Key",
            "Hash Key", "Workers", "Triggers", "Sort Methods Used", "Conflict Arbiter Indexes", "Grouping Sets",
            "Group Keys", "Hash Keys", "Target Tables");

    /** Keys whose value is an object in the JSON format (an empty element or empty YAML value means {}). */
    static final Set<String> GROUP_KEYS = Set.of("Settings", "Planning", "JIT", "Options", "Timing",
            "Serialization", "Full-sort Groups", "Pre-sorted Groups", "Sort Space Memory", "Sort Space Disk");

    private final Map<Object, Pos> starts = new IdentityHashMap<>();
    private final Map<Object, Map<String, Pos>> valueStarts = new IdentityHashMap<>();

    /** Records where a container (map or list) starts. */
    void container(Object c, Pos at) {
        starts.put(c, at);
    }

    /** Records where the value of {@code key} in {@code map} starts. */
    void value(Map<String, Object> map, String key, Pos at) {
        valueStarts.computeIfAbsent(map, m -> new LinkedHashMap<>()).put(key, at);
    }

    /** @return where the value of {@code key} in {@code map} starts, else where the map starts */
    Pos at(Object map, String key) {
        Map<String, Pos> v = valueStarts.get(map);
        Pos p = v == null ? null : v.get(key);
        return p != null ? p : at(map);
    }

    /** @return where a container starts, or line 1 column 1 if unknown */
    Pos at(Object container) {
        Pos p = starts.get(container);
        return p == null ? Pos.START : p;
    }

    PlanParseException error(Object at, String message) {
        Pos p = at(at);
        return new PlanParseException(p.line(), p.column(), message);
    }

    /**
     * Turns the value read from the source into a plan: a list holding one object with "Plan", or that object.
     *
     * @param value  the whole document
     * @param format the format the plan is read from
     * @param words  the format's name for messages, e.g. "EXPLAIN (FORMAT YAML)"
     * @throws PlanParseException at the offending object if the shape is not a plan
     */
    RawPlan toPlan(Object value, Plan.Format format, String words) {
        Object top = value;
        if (top instanceof List<?> list) {
            if (list.isEmpty() || !(list.getFirst() instanceof Map<?, ?>)) {
                throw error(value, "expected a list holding a plan with a \"Plan\" entry (" + words + ")");
            }
            if (list.size() > 1) {
                throw error(list.get(1), "expected one plan, but the " + words + " output holds " + list.size()
                        + " plans: paste one plan at a time");
            }
            top = list.getFirst();
        }
        if (!(top instanceof Map<?, ?> topMap)) {
            throw error(value, "expected a plan with a \"Plan\" entry (" + words + ")");
        }
        if (!(topMap.get("Plan") instanceof Map<?, ?> planMap)) {
            throw error(top, "expected a \"Plan\" entry holding the plan's root node (" + words + ")");
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        topMap.forEach((k, v) -> {
            if (!"Plan".equals(k)) {
                plan.put(String.valueOf(k), NumberKeys.coerce(String.valueOf(k), v));
            }
        });
        check(topMap);
        return new RawPlan(toNode(planMap), plan, format);
    }

    private RawNode toNode(Map<?, ?> map) {
        if (!(map.get("Node Type") instanceof String)) {
            throw error(map, "expected a \"Node Type\" text in this plan node");
        }
        check(map);
        RawNode node = new RawNode();
        map.forEach((k, v) -> {
            if ("Plans".equals(k)) {
                if (!(v instanceof List<?> kids)) {
                    throw error(map, "expected \"Plans\" to be a list of plan nodes");
                }
                for (Object kid : kids) {
                    if (!(kid instanceof Map<?, ?> kidMap)) {
                        throw error(v, "expected only plan nodes in \"Plans\"");
                    }
                    node.children.add(toNode(kidMap));
                }
            } else {
                node.props.put(String.valueOf(k), NumberKeys.coerce(String.valueOf(k), v));
            }
        });
        return node;
    }

    /** Rejects text where PostgreSQL writes a number, and negative or absurd quantities, as the JSON reader does. */
    private void check(Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            String problem = NumberKeys.problem(key, NumberKeys.coerce(key, e.getValue()));
            if (problem != null) {
                Pos p = at(map, key);
                throw new PlanParseException(p.line(), p.column(), problem);
            }
        }
    }
}
