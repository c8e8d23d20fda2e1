package org.planwright.plans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.planwright.plans.read.PropertyMap;
import org.planwright.plans.read.RawNode;
import org.planwright.plans.read.RawPlan;

/**
 * A parsed PostgreSQL execution plan: the root {@link PlanNode}, all nodes in pre-order, and the plan-level
 * facts (planning and execution time, JIT, trigger times, settings, query text). Built only by
 * {@link PlanParser}; derived per-node values are computed once at construction by {@link PlanCalculator}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Plan {

    /** The source format a plan was read from. */
    public enum Format {
        /** PostgreSQL {@code EXPLAIN (FORMAT JSON)}. */
        JSON,
        /** PostgreSQL's default text format. */
        TEXT,
        /** PostgreSQL {@code EXPLAIN (FORMAT XML)}. */
        XML,
        /** PostgreSQL {@code EXPLAIN (FORMAT YAML)}. */
        YAML,
        /** H2 2.x {@code EXPLAIN} / {@code EXPLAIN ANALYZE}: tables with their access path, no times. */
        H2,
        /** MySQL 8 {@code EXPLAIN FORMAT=JSON}: estimates only. */
        MYSQL_JSON,
        /** MySQL 8 {@code EXPLAIN FORMAT=TREE} and {@code EXPLAIN ANALYZE} (tree text with actual values). */
        MYSQL_TREE
    }

    private final PlanNode root;
    private final List<PlanNode> nodes;
    private final Map<String, Object> properties;
    private final Format format;
    private final boolean analyzed;
    private final boolean hasBuffers;
    /** Nodes by "Node Type", built on first use ({@link #nodesOfType}); racing builders compute equal maps. */
    private volatile Map<String, List<PlanNode>> byType;

    /** Freezes what a reader read; called by {@link PlanParser} only. */
    Plan(RawPlan raw) {
        this.format = raw.format();
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(raw.topLevel()));
        List<PlanNode> all = new ArrayList<>();
        this.root = freeze(raw.root(), null, all);
        this.nodes = List.copyOf(all);
        this.analyzed = nodes.stream().anyMatch(n -> n.actualLoops().isPresent());
        this.hasBuffers = nodes.stream().anyMatch(n -> n.properties().containsKey("Shared Hit Blocks")
                || n.properties().containsKey("Shared Read Blocks") || n.properties().containsKey("Temp Read Blocks")
                || n.properties().containsKey("Local Hit Blocks"));
        PlanCalculator.compute(this);
    }

    private static PlanNode freeze(RawNode raw, PlanNode parent, List<PlanNode> all) {
        PropertyMap props = raw.props instanceof PropertyMap own ? own.freeze() : PropertyMap.copyOf(raw.props);
        PlanNode node = new PlanNode(all.size(), props, parent);
        all.add(node);
        List<PlanNode> kids = new ArrayList<>(raw.children.size());
        for (RawNode c : raw.children) {
            kids.add(freeze(c, node, all));
        }
        node.children(kids);
        return node;
    }

    /** @return the root node (id 0) */
    public PlanNode root() {
        return root;
    }

    /** @return all nodes in pre-order; index = {@link PlanNode#id()} */
    public List<PlanNode> nodes() {
        return nodes;
    }

    /**
     * @param id pre-order id
     * @return the node with that id
     * @throws IndexOutOfBoundsException if there is no such node
     */
    public PlanNode node(int id) {
        return nodes.get(id);
    }

    /**
     * The nodes of one type, for code that looks at a few node types of a large plan (the insight rules) without
     * walking all nodes. The index is built once, in one pass, on first use.
     *
     * @param nodeType a "Node Type", e.g. "Seq Scan", "Hash", "Aggregate" (not the display type)
     * @return its nodes in pre-order; empty when the plan has none
     */
    public List<PlanNode> nodesOfType(String nodeType) {
        return typeIndex().getOrDefault(nodeType, List.of());
    }

    /** @return the distinct "Node Type"s of this plan */
    public java.util.Set<String> nodeTypes() {
        return typeIndex().keySet();
    }

    private Map<String, List<PlanNode>> typeIndex() {
        Map<String, List<PlanNode>> m = byType;
        if (m == null) {
            Map<String, List<PlanNode>> build = new java.util.HashMap<>();
            for (PlanNode n : nodes) {
                build.computeIfAbsent(n.nodeType(), k -> new ArrayList<>()).add(n);
            }
            build.replaceAll((k, v) -> List.copyOf(v));
            m = Collections.unmodifiableMap(build);
            byType = m;
        }
        return m;
    }

    /** @return number of nodes */
    public int nodeCount() {
        return nodes.size();
    }

    /** @return the format the plan was read from */
    public Format format() {
        return format;
    }

    /** @return plan-level raw keys as in PostgreSQL's JSON format (without "Plan"); unmodifiable */
    public Map<String, Object> properties() {
        return properties;
    }

    /** @return "Planning Time" in ms, if reported (ANALYZE, or SUMMARY) */
    public OptionalDouble planningTime() {
        return num("Planning Time");
    }

    /** @return "Execution Time" in ms; PostgreSQL &lt; 9.4's "Total Runtime" counts as execution time */
    public OptionalDouble executionTime() {
        OptionalDouble e = num("Execution Time");
        return e.isPresent() ? e : num("Total Runtime");
    }

    /** @return true if the plan has actual values (EXPLAIN ANALYZE) */
    public boolean analyzed() {
        return analyzed;
    }

    /** @return true if any node reports buffer usage (EXPLAIN (BUFFERS)) */
    public boolean hasBuffers() {
        return hasBuffers;
    }

    /** @return "Query Text" when the source has it (auto_explain, PEV2 exports) */
    public Optional<String> queryText() {
        return properties.get("Query Text") instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** @return the SETTINGS option's map (setting name to value as text); empty if not reported */
    public Map<String, String> settings() {
        if (!(properties.get("Settings") instanceof Map<?, ?> m)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /** @return trigger times (EXPLAIN ANALYZE of INSERT/UPDATE/DELETE with triggers); empty if none */
    public List<TriggerTime> triggers() {
        if (!(properties.get("Triggers") instanceof List<?> list)) {
            return List.of();
        }
        List<TriggerTime> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> t) {
                out.add(new TriggerTime(String.valueOf(t.get("Trigger Name")),
                        t.get("Relation") == null ? "" : String.valueOf(t.get("Relation")),
                        t.get("Time") instanceof Number n ? n.doubleValue() : 0,
                        t.get("Calls") instanceof Number n ? n.longValue() : 0));
            }
        }
        return List.copyOf(out);
    }

    /** @return the JIT summary, if the plan used JIT */
    public Optional<Jit> jit() {
        if (!(properties.get("JIT") instanceof Map<?, ?> j)) {
            return Optional.empty();
        }
        Map<String, Boolean> options = new LinkedHashMap<>();
        if (j.get("Options") instanceof Map<?, ?> o) {
            o.forEach((k, v) -> options.put(String.valueOf(k), Boolean.TRUE.equals(v)
                    || "true".equalsIgnoreCase(String.valueOf(v))));
        }
        Map<String, Double> timings = new LinkedHashMap<>();
        if (j.get("Timing") instanceof Map<?, ?> t) {
            t.forEach((k, v) -> {
                if (v instanceof Number n) {
                    timings.put(String.valueOf(k), n.doubleValue());
                } else if (v instanceof Map<?, ?> sub && sub.get("Total") instanceof Number n) {
                    timings.put(String.valueOf(k), n.doubleValue()); // PG 17: {"Deform": .., "Total": ..}
                }
            });
        }
        long functions = j.get("Functions") instanceof Number n ? n.longValue() : -1;
        return Optional.of(new Jit(functions, options, timings));
    }

    /**
     * @return time spent converting the result rows to their wire format, ms ("Serialization" "Time" of
     *     {@code EXPLAIN (ANALYZE, SERIALIZE)}, PostgreSQL 17+); empty if not reported
     */
    public OptionalDouble serializationTime() {
        return section("Serialization", "Time");
    }

    /** @return bytes sent to the client as measured by SERIALIZE ("Output Volume", reported in kB) in kB */
    public OptionalDouble serializationOutputKb() {
        return section("Serialization", "Output Volume");
    }

    /** @return memory used by planning, kB ("Planning" "Memory Used" of {@code EXPLAIN (MEMORY)}, PG 17+) */
    public OptionalDouble planningMemoryUsed() {
        return section("Planning", "Memory Used");
    }

    /** @return memory allocated by planning, kB ("Planning" "Memory Allocated", PG 17+) */
    public OptionalDouble planningMemoryAllocated() {
        return section("Planning", "Memory Allocated");
    }

    /** @return buffers used by planning ("Planning" section of {@code EXPLAIN (BUFFERS)}, PG 13+); NONE if absent */
    @SuppressWarnings("unchecked")
    public Buffers planningBuffers() {
        return properties.get("Planning") instanceof Map<?, ?> m ? Buffers.of((Map<String, Object>) m) : Buffers.NONE;
    }

    private OptionalDouble section(String section, String key) {
        return properties.get(section) instanceof Map<?, ?> m && m.get(key) instanceof Number n
                ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    /** @return the whole-statement time the shares refer to: execution time, else the root's inclusive time (ms) */
    public double totalTime() {
        OptionalDouble e = executionTime();
        return e.isPresent() && e.getAsDouble() > 0 ? e.getAsDouble() : root.inclusiveTime();
    }

    private OptionalDouble num(String key) {
        return properties.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }
}
