package org.planwright.plans;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server knows about a table's planner statistics, as {@code pg_stat_user_tables} reports it
 * (PostgreSQL documentation, "The Cumulative Statistics System", pg_stat_all_tables).
 *
 * @param schema               the table's schema, e.g. "public"
 * @param relation             the table's name, e.g. "lineitem"
 * @param lastAnalyze          when it was last analyzed by a manual ANALYZE ({@code last_analyze}); null if never
 * @param lastAutoanalyze      when autovacuum last analyzed it ({@code last_autoanalyze}); null if never
 * @param liveTuples           estimated live rows ({@code n_live_tup})
 * @param modifiedSinceAnalyze rows inserted, updated or deleted since the last analyze
 *                             ({@code n_mod_since_analyze})
 */
public record TableStatistics(String schema, String relation, Instant lastAnalyze, Instant lastAutoanalyze,
                              long liveTuples, long modifiedSinceAnalyze) {

    /** @throws NullPointerException when schema or relation is null */
    public TableStatistics {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(relation, "relation");
    }

    /** @return the later of the manual and the automatic analyze, or empty when the table was never analyzed */
    public Optional<Instant> lastAnalyzed() {
        if (lastAnalyze == null) {
            return Optional.ofNullable(lastAutoanalyze);
        }
        return Optional.of(lastAutoanalyze == null || lastAnalyze.isAfter(lastAutoanalyze) ? lastAnalyze
                : lastAutoanalyze);
    }

    /** @return "schema.relation" */
    public String qualifiedName() {
        return schema + "." + relation;
    }
}
