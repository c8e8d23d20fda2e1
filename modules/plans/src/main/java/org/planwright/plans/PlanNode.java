package org.planwright.plans;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One node of an execution plan. Every key PostgreSQL reported for the node is kept in {@link #properties()}
 * under its {@code EXPLAIN (FORMAT JSON)} name (text plans are translated to the same names), so nothing in the
 * source is lost; the typed accessors read from there. Derived values ({@link #inclusiveTime()},
 * {@link #exclusiveTime()}, ...) are computed once by {@link PlanCalculator} when the {@link Plan} is built.
 *
 * <p>Units: times in milliseconds, costs in planner cost units, memory and disk in kB, buffers in 8 kB blocks.
 * Per-loop values are as PostgreSQL reports them ("Actual Total Time" and "Actual Rows" are averages per loop).
 *
 * <p>Immutable once its plan is built; safe to share between threads.
 */
public final class PlanNode {

    /** Marks an absent count; counts are never negative (the parsers reject negative ones). */
    private static final long ABSENT = Long.MIN_VALUE;

    private final int id;
    private final Map<String, Object> properties;
    private final PlanNode parent;
    private List<PlanNode> children = List.of();
    private Derived derived = Derived.NONE;

    // The properties that the arithmetic and every insight rule read, copied out of the map once: one field load
    // instead of a map lookup each time (a 100,000-node plan is read a few million times while it is analysed).
    private final String nodeType;
    private final String parentRelationship;
    private final String subplanName;
    private final double totalCost;
    private final double planRows;
    private final double actualTotalTime;
    private final double actualRows;
    private final long actualLoops;
    private final long workersLaunched;
    private final Buffers buffers;

    PlanNode(int id, Map<String, Object> properties, PlanNode parent) {
        this.id = id;
        this.properties = properties;
        this.parent = parent;
        this.nodeType = str("Node Type").orElse("?");
        this.parentRelationship = str("Parent Relationship").orElse(null);
        this.subplanName = str("Subplan Name").orElse(null);
        this.totalCost = number("Total Cost");
        this.planRows = number("Plan Rows");
        this.actualTotalTime = number("Actual Total Time");
        this.actualRows = number("Actual Rows");
        this.actualLoops = properties.get("Actual Loops") instanceof Number n ? n.longValue() : ABSENT;
        this.workersLaunched = properties.get("Workers Launched") instanceof Number n ? n.longValue() : ABSENT;
        Buffers b = Buffers.of(properties);
        this.buffers = b.any() ? b : Buffers.NONE; // one shared instance for the many nodes without buffers
    }

    /** @return the numeric property {@code key}, NaN if absent (the parsers never produce NaN) */
    private double number(String key) {
        return properties.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static OptionalLong optional(long v) {
        return v == ABSENT ? OptionalLong.empty() : OptionalLong.of(v);
    }

    void children(List<PlanNode> kids) {
        this.children = List.copyOf(kids);
    }

    void derived(Derived d) {
        this.derived = d;
    }

    /** @return pre-order index of the node in its plan, 0 for the root */
    public int id() {
        return id;
    }

    /** @return the parent node, empty for the root */
    public Optional<PlanNode> parent() {
        return Optional.ofNullable(parent);
    }

    /** @return child nodes in plan order (including InitPlans, SubPlans and CTEs) */
    public List<PlanNode> children() {
        return children;
    }

    /** @return every raw key of the node as in PostgreSQL's JSON format, without "Plans"; unmodifiable */
    public Map<String, Object> properties() {
        return properties;
    }

    /** @return "Node Type", e.g. "Seq Scan", "Hash Join", "Aggregate", "ModifyTable" */
    public String nodeType() {
        return nodeType;
    }

    /**
     * The node type as EXPLAIN's text format prints it (PostgreSQL {@code src/backend/commands/explain.c},
     * ExplainNode): an Aggregate by its strategy and partial mode ("Finalize GroupAggregate", "Partial
     * HashAggregate"), a join with its join type unless inner ("Hash Right Join", "Nested Loop Anti Join"), a
     * backward index scan with "Backward", a SetOp by strategy and command ("HashSetOp Intersect"), a
     * ModifyTable by its operation ("Update"), and "Parallel " before parallel-aware nodes ("Parallel Seq Scan").
     * A node read from another database's plan shows that database's words ("Display Type", e.g. MySQL's
     * "Table scan" or "Full Table Scan").
     *
     * @return the display type
     */
    public String displayType() {
        if (properties.get("Display Type") instanceof String words) {
            return words; // plans of other databases (MySQL) keep their own words
        }
        String type = nodeType();
        if ("Aggregate".equals(type) && strategy().isPresent()) {
            type = switch (strategy().get()) {
                case "Sorted" -> "GroupAggregate";
                case "Hashed" -> "HashAggregate";
                case "Mixed" -> "MixedAggregate";
                default -> type;
            };
        }
        if ("SetOp".equals(type)) {
            type = ("Hashed".equals(strategy().orElse(null)) ? "HashSetOp" : "SetOp")
                    + str("Command").map(c -> " " + c).orElse("");
        } else if ("ModifyTable".equals(type)) {
            type = str("Operation").orElse(type);
        }
        String partial = str("Partial Mode").filter(m -> !m.equals("Simple")).orElse(null);
        if (partial != null) {
            type = partial + " " + type;
        }
        String join = joinType().filter(j -> !j.equals("Inner")).orElse(null);
        if (join != null && type.endsWith(" Join")) {
            type = type.substring(0, type.length() - " Join".length()) + " " + join + " Join";
        } else if (join != null && type.equals("Nested Loop")) {
            type = type + " " + join + " Join";
        }
        if (str("Scan Direction").filter("Backward"::equals).isPresent()) {
            type = type + " Backward";
        }
        return parallelAware() ? "Parallel " + type : type;
    }

    /**
     * @return {@link #displayType()} with what the node reads, e.g. "Parallel Seq Scan on lineitem",
     *     "CTE Scan on pay", "Hash Join"
     */
    public String label() {
        String on = relationName().or(this::cteName).or(this::functionName).or(this::indexName).orElse(null);
        return on == null ? displayType() : displayType() + " on " + on;
    }

    /** @return "Parent Relationship": Outer, Inner, Member, Subquery, InitPlan, SubPlan... */
    public Optional<String> parentRelationship() {
        return Optional.ofNullable(parentRelationship);
    }

    /** @return "Subplan Name", e.g. "InitPlan 1 (returns $0)", "SubPlan 2", "CTE recent" */
    public Optional<String> subplanName() {
        return Optional.ofNullable(subplanName);
    }

    /** @return "Relation Name" of a scan or modify node */
    public Optional<String> relationName() {
        return str("Relation Name");
    }

    /** @return "Schema" (VERBOSE plans) */
    public Optional<String> schema() {
        return str("Schema");
    }

    /** @return "Alias" */
    public Optional<String> alias() {
        return str("Alias");
    }

    /** @return "Index Name" of index and bitmap index scans */
    public Optional<String> indexName() {
        return str("Index Name");
    }

    /** @return "CTE Name" of a CTE Scan or WorkTable Scan */
    public Optional<String> cteName() {
        return str("CTE Name");
    }

    /** @return "Function Name" of a Function Scan */
    public Optional<String> functionName() {
        return str("Function Name");
    }

    /** @return "Join Type": Inner, Left, Full, Right, Semi, Anti, Right Anti */
    public Optional<String> joinType() {
        return str("Join Type");
    }

    /** @return "Strategy" of Aggregate / SetOp: Plain, Sorted, Hashed, Mixed */
    public Optional<String> strategy() {
        return str("Strategy");
    }

    /** @return "Parallel Aware" (the node divides its work among workers, e.g. Parallel Seq Scan) */
    public boolean parallelAware() {
        return Boolean.TRUE.equals(properties.get("Parallel Aware"));
    }

    /** @return "Startup Cost" in planner cost units */
    public OptionalDouble startupCost() {
        return dbl("Startup Cost");
    }

    /** @return "Total Cost" in planner cost units (includes children) */
    public OptionalDouble totalCost() {
        return optional(totalCost);
    }

    /** @return "Plan Rows": estimated rows per loop */
    public OptionalDouble planRows() {
        return optional(planRows);
    }

    /** @return "Plan Width": estimated average row width in bytes */
    public OptionalLong planWidth() {
        return lng("Plan Width");
    }

    /** @return "Actual Startup Time": ms until the first row, average per loop */
    public OptionalDouble actualStartupTime() {
        return dbl("Actual Startup Time");
    }

    /** @return "Actual Total Time": ms until the last row, average per loop (includes children) */
    public OptionalDouble actualTotalTime() {
        return optional(actualTotalTime);
    }

    /** @return "Actual Rows": rows per loop (fractional on PostgreSQL 18+) */
    public OptionalDouble actualRows() {
        return optional(actualRows);
    }

    /** @return "Actual Loops": times the node was executed (0 = never executed) */
    public OptionalLong actualLoops() {
        return optional(actualLoops);
    }

    /** @return true if the plan was analyzed and this node ran zero times ("never executed") */
    public boolean neverExecuted() {
        return actualLoops == 0;
    }

    /** @return "Workers Planned" (Gather, Gather Merge) */
    public OptionalLong workersPlanned() {
        return lng("Workers Planned");
    }

    /** @return "Workers Launched" (Gather, Gather Merge, with ANALYZE) */
    public OptionalLong workersLaunched() {
        return optional(workersLaunched);
    }

    /** @return per-worker details ("Workers" array: "Worker Number", actual times, rows, sort, buffers...) */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> workers() {
        return properties.get("Workers") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** @return buffer usage of the node including its children, as reported */
    public Buffers buffers() {
        return buffers;
    }

    /** @return "Filter" */
    public Optional<String> filter() {
        return str("Filter");
    }

    /** @return "Index Cond" */
    public Optional<String> indexCond() {
        return str("Index Cond");
    }

    /** @return "Hash Cond" */
    public Optional<String> hashCond() {
        return str("Hash Cond");
    }

    /** @return "Join Filter" */
    public Optional<String> joinFilter() {
        return str("Join Filter");
    }

    /** @return "Recheck Cond" */
    public Optional<String> recheckCond() {
        return str("Recheck Cond");
    }

    /** @return "Rows Removed by Filter", per loop */
    public OptionalDouble rowsRemovedByFilter() {
        return dbl("Rows Removed by Filter");
    }

    /** @return "Rows Removed by Join Filter", per loop */
    public OptionalDouble rowsRemovedByJoinFilter() {
        return dbl("Rows Removed by Join Filter");
    }

    /** @return "Rows Removed by Index Recheck", per loop */
    public OptionalDouble rowsRemovedByIndexRecheck() {
        return dbl("Rows Removed by Index Recheck");
    }

    /** @return "Heap Fetches" of an Index Only Scan (all loops) */
    public OptionalLong heapFetches() {
        return lng("Heap Fetches");
    }

    /** @return "Sort Method": quicksort, top-N heapsort, external merge, external sort */
    public Optional<String> sortMethod() {
        return str("Sort Method");
    }

    /** @return "Sort Space Used" in kB */
    public OptionalLong sortSpaceUsed() {
        return lng("Sort Space Used");
    }

    /** @return "Sort Space Type": Memory or Disk */
    public Optional<String> sortSpaceType() {
        return str("Sort Space Type");
    }

    /** @return "Hash Buckets" */
    public OptionalLong hashBuckets() {
        return lng("Hash Buckets");
    }

    /** @return "Hash Batches" of a Hash node, or "HashAgg Batches" of a hashed Aggregate */
    public OptionalLong hashBatches() {
        OptionalLong b = lng("Hash Batches");
        return b.isPresent() ? b : lng("HashAgg Batches");
    }

    /** @return "Original Hash Batches" (the planned batch count) */
    public OptionalLong originalHashBatches() {
        return lng("Original Hash Batches");
    }

    /** @return "Peak Memory Usage" in kB (Hash, hashed Aggregate) */
    public OptionalLong peakMemoryUsage() {
        return lng("Peak Memory Usage");
    }

    /** @return "Disk Usage" in kB (hashed Aggregate spilling, PG 13+) */
    public OptionalLong diskUsage() {
        return lng("Disk Usage");
    }

    /** @return "Exact Heap Blocks" of a Bitmap Heap Scan */
    public OptionalLong exactHeapBlocks() {
        return lng("Exact Heap Blocks");
    }

    /** @return "Lossy Heap Blocks" of a Bitmap Heap Scan (work_mem too small for an exact bitmap) */
    public OptionalLong lossyHeapBlocks() {
        return lng("Lossy Heap Blocks");
    }

    /** @return "WAL Records": WAL records generated by the node and its children ({@code EXPLAIN (WAL)}, PG 13+) */
    public OptionalLong walRecords() {
        return lng("WAL Records");
    }

    /** @return "WAL FPI": WAL full page images generated (PG 13+) */
    public OptionalLong walFpi() {
        return lng("WAL FPI");
    }

    /** @return "WAL Bytes": bytes of WAL generated (PG 13+) */
    public OptionalLong walBytes() {
        return lng("WAL Bytes");
    }

    /** @return "WAL Buffers Full": times the WAL buffers were full and had to be written (PG 18+) */
    public OptionalLong walBuffersFull() {
        return lng("WAL Buffers Full");
    }

    /**
     * @return true if the planner used this node although its kind was disabled ({@code enable_seqscan = off}...):
     *     PostgreSQL 18's "Disabled: true", or PostgreSQL 17's "Disabled Nodes" count above that of the children
     *     (PG 17 reports the disabled nodes of the whole subtree)
     */
    public boolean disabled() {
        if (Boolean.TRUE.equals(properties.get("Disabled"))) {
            return true;
        }
        long own = lng("Disabled Nodes").orElse(0);
        long below = children.stream().mapToLong(c -> c.lng("Disabled Nodes").orElse(0)).sum();
        return own > below;
    }

    /** @return "Index Searches": index descents of an index scan, all loops (PostgreSQL 18+) */
    public OptionalLong indexSearches() {
        return lng("Index Searches");
    }

    /** @return "Output" columns (VERBOSE), empty if not reported */
    public List<String> output() {
        return properties.get("Output") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** @return time spent in this node and its children over all loops, ms, parallel-aware; 0 without ANALYZE */
    public double inclusiveTime() {
        return derived.inclusiveTime();
    }

    /**
     * @return time spent in this node alone, ms, never negative; 0 without ANALYZE. See {@link PlanCalculator}
     *         for the formula (loops, launched workers, CTE Scan and InitPlan corrections)
     */
    public double exclusiveTime() {
        return derived.exclusiveTime();
    }

    /** @return total cost minus the children's total cost (PEV2's exclusive cost), never negative */
    public double exclusiveCost() {
        return derived.exclusiveCost();
    }

    /** @return buffers of this node alone: its buffers minus those of its non-subplan children, clamped at 0 */
    public Buffers exclusiveBuffers() {
        return derived.exclusiveBuffers();
    }

    /** @return actual rows x loops (rows produced over all loops); 0 without ANALYZE */
    public double totalActualRows() {
        return derived.totalActualRows();
    }

    /** @return row misestimate, empty without ANALYZE, estimate or when the node never ran */
    public Optional<RowEstimate> rowEstimate() {
        return Optional.ofNullable(derived.rowEstimate());
    }

    /** @return exclusive time as a fraction 0..1 of the plan's execution time; 0 without ANALYZE */
    public double executionShare() {
        return derived.executionShare();
    }

    /** @return the string property {@code key}, if present */
    public Optional<String> str(String key) {
        Object v = properties.get(key);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /** @return the numeric property {@code key} as a double, if present and numeric */
    public OptionalDouble dbl(String key) {
        return properties.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    /** @return the numeric property {@code key} as a long, if present and numeric */
    public OptionalLong lng(String key) {
        return properties.get(key) instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }

    @Override
    public String toString() {
        return "#" + id + " " + nodeType() + relationName().map(r -> " on " + r).orElse("");
    }

    /** Values computed by {@link PlanCalculator}. */
    record Derived(double inclusiveTime, double exclusiveTime, double exclusiveCost, Buffers exclusiveBuffers,
                   double totalActualRows, RowEstimate rowEstimate, double executionShare) {
        static final Derived NONE = new Derived(0, 0, 0, Buffers.NONE, 0, null, 0);
    }
}
