package org.planwright.advice.rewrite;

import java.util.Objects;
import java.util.Optional;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.planwright.plans.Plan;

/**
 * The query the rewrite rules look at.
 *
 * @param sql     the query as written
 * @param plan    its plan (plain EXPLAIN or EXPLAIN ANALYZE) when known
 * @param catalog catalog facts of the connected database
 */
public record QueryUnderAdvice(String sql, Optional<Plan> plan, CatalogFacts catalog) {
    public QueryUnderAdvice {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(catalog, "catalog");
    }

    /** @return a fresh parse of the query as a plain SELECT, or empty when it is another statement */
    public Optional<PlainSelect> parse() {
        return Trees.plainSelect(sql);
    }
}
