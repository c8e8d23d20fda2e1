package org.planwright.plans;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the connection could tell about the plan's database beyond the plan itself, for rules that use it
 * ({@link org.planwright.plans.insight.StaleStatisticsRule}). Everything is optional: a plan pasted from a file has {@link #empty()}. Immutable.
 */
public final class InsightContext {

    private static final InsightContext EMPTY = new InsightContext(List.of());

    private final List<TableStatistics> tables;
    private final Map<String, TableStatistics> byQualifiedName = new HashMap<>();
    private final Map<String, TableStatistics> byRelation = new HashMap<>();

    private InsightContext(Collection<TableStatistics> tables) {
        this.tables = List.copyOf(tables);
        Map<String, Integer> seen = new HashMap<>();
        for (TableStatistics t : this.tables) {
            byQualifiedName.put(t.qualifiedName(), t);
            byRelation.put(t.relation(), t);
            seen.merge(t.relation(), 1, Integer::sum);
        }
        seen.forEach((name, count) -> {
            if (count > 1) {
                byRelation.remove(name); // ambiguous without a schema
            }
        });
    }

    /**
     * The tables a plan reads, named as {@code TargetSession.tableStatistics} takes them: "schema.table" when the
     * plan names the schema (EXPLAIN VERBOSE), else "table".
     *
     * @param plan a parsed plan
     * @return distinct names in plan order
     */
    public static List<String> scannedTables(Plan plan) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (PlanNode n : plan.nodes()) {
            n.relationName().ifPresent(r -> names.add(n.schema().map(s -> s + "." + r).orElse(r)));
        }
        return List.copyOf(names);
    }

    /** @return a context that knows nothing */
    public static InsightContext empty() {
        return EMPTY;
    }

    /**
     * @param tables statistics of the tables the plan reads (from {@code pg_stat_user_tables})
     * @return a context with them
     */
    public static InsightContext withTableStatistics(Collection<TableStatistics> tables) {
        return tables.isEmpty() ? EMPTY : new InsightContext(tables);
    }

    /** @return the table statistics known, in the order given */
    public List<TableStatistics> tableStatistics() {
        return tables;
    }

    /**
     * Finds a scanned table's statistics: by schema and name when the plan names the schema (EXPLAIN VERBOSE),
     * else by name when only one known table has it.
     *
     * @param node a scan node
     * @return its table's statistics, or empty when unknown
     */
    public Optional<TableStatistics> tableOf(PlanNode node) {
        String relation = node.relationName().orElse(null);
        if (relation == null || tables.isEmpty()) {
            return Optional.empty();
        }
        String schema = node.schema().orElse(null);
        if (schema != null) {
            return Optional.ofNullable(byQualifiedName.get(schema + "." + relation));
        }
        return Optional.ofNullable(byRelation.get(relation));
    }
}
