package org.planwright.app.plan.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.planwright.plans.Buffers;
import org.planwright.plans.ImpactScore;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * Per-table, per-index and per-node-type sums over a plan, the way explain.depesz.com's "stats" tab groups
 * them: node count, exclusive time (ms and share of execution time), rows returned (actual rows × loops,
 * {@link PlanNode#totalActualRows()}) and exclusive shared buffers. Exclusive values are used so that the
 * groups add up to the whole plan without counting a child's time twice.
 *
 * <p>Plain Java, no JavaFX (the CLI or a report could use it too); it lives in the app for now because the
 * plan model's own module is being reworked by other changes. Immutable and thread-safe.
 */
public final class PlanStatistics {

    private final List<StatRow> tables;
    private final List<StatRow> indexes;
    private final List<StatRow> nodeTypes;

    private PlanStatistics(List<StatRow> tables, List<StatRow> indexes, List<StatRow> nodeTypes) {
        this.tables = tables;
        this.indexes = indexes;
        this.nodeTypes = nodeTypes;
    }

    /**
     * @param plan a parsed plan
     * @return its statistics; each list sorted by exclusive time (then cost share), largest first
     */
    public static PlanStatistics of(Plan plan) {
        return new PlanStatistics(
                group(plan, n -> n.relationName().map(r -> n.schema().map(s -> s + "." + r).orElse(r))),
                group(plan, PlanNode::indexName),
                group(plan, n -> Optional.of(n.displayType())));
    }

    /** @return one row per table the plan reads or writes */
    public List<StatRow> tables() {
        return tables;
    }

    /** @return one row per index the plan uses */
    public List<StatRow> indexes() {
        return indexes;
    }

    /** @return one row per node type as EXPLAIN prints it (e.g. "Parallel Seq Scan", "HashAggregate") */
    public List<StatRow> nodeTypes() {
        return nodeTypes;
    }

    private static List<StatRow> group(Plan plan, Function<PlanNode, Optional<String>> key) {
        Map<String, List<PlanNode>> groups = new LinkedHashMap<>();
        for (PlanNode n : plan.nodes()) {
            key.apply(n).ifPresent(k -> groups.computeIfAbsent(k, x -> new ArrayList<>()).add(n));
        }
        Comparator<PlanNode> costliest = Comparator.comparingDouble(PlanNode::exclusiveTime)
                .thenComparingDouble(PlanNode::exclusiveCost).reversed();
        List<StatRow> rows = new ArrayList<>(groups.size());
        for (Map.Entry<String, List<PlanNode>> g : groups.entrySet()) {
            double ms = 0;
            double share = 0;
            double actualRows = 0;
            Buffers buffers = Buffers.NONE;
            for (PlanNode n : g.getValue()) {
                ms += n.exclusiveTime();
                share += ImpactScore.exclusiveShare(plan, n);
                actualRows += n.totalActualRows();
                buffers = buffers.plus(n.exclusiveBuffers());
            }
            List<Integer> ids = g.getValue().stream().sorted(costliest).map(PlanNode::id).toList();
            rows.add(new StatRow(g.getKey(), g.getValue().size(), ms, Math.min(share, 1.0), actualRows,
                    buffers.sharedHit(), buffers.sharedRead(), ids));
        }
        rows.sort(Comparator.comparingDouble(StatRow::exclusiveMs).thenComparingDouble(StatRow::share).reversed());
        return List.copyOf(rows);
    }
}
