package org.planwright.advice;

import java.util.List;
import java.util.Objects;

/**
 * One piece of optimization advice, complete enough to be tried, applied, undone and learned from.
 *
 * @param kind             what it changes
 * @param title            one line for the DBA, e.g. {@code "Index lineitem (l_partkey) INCLUDE (l_quantity)"}
 * @param target           what it is for: the query's fingerprint (normalised text, constants as {@code $n}), or
 *                         {@code "workload"} for a recommendation shared by several statements
 * @param sql              the statement(s) to apply; for {@link RecommendationKind#REWRITE} the rewritten query
 * @param undoSql          the statement(s) that undo {@code sql}; empty when nothing needs undoing (a rewrite, a
 *                         {@code SET LOCAL}, an {@code ANALYZE})
 * @param evidence         the facts behind it, most telling first; may be empty only for workload summaries
 * @param estimate         the estimated improvement and how it was estimated
 * @param patternSignature the query's shape (statement kind, joins, subqueries, aggregates, ...), e.g.
 *                         {@code SELECT_INNER_JOIN(2)_GROUP_BY_LIMIT}; empty when unknown
 */
public record Recommendation(RecommendationKind kind, String title, String target, String sql, String undoSql,
                             List<Evidence> evidence, EstimatedImprovement estimate, String patternSignature) {
    public Recommendation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(undoSql, "undoSql");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(patternSignature, "patternSignature");
        evidence = List.copyOf(evidence);
        if (sql.isBlank()) {
            throw new IllegalArgumentException("a recommendation needs the SQL that applies it");
        }
    }
}
