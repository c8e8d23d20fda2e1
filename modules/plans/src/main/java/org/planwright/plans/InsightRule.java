package org.planwright.plans;

import java.util.List;

/**
 * One check run by {@link InsightEngine}. Implementations are stateless and thread-safe; a rule that does not
 * apply to a plan (for example one that needs ANALYZE) returns an empty list.
 */
public interface InsightRule {

    /**
     * @param plan a parsed plan
     * @return the findings of this rule, in any order; never null
     */
    List<Insight> apply(Plan plan);

    /**
     * The rule with what the connection could tell about the database. Rules that need no context keep this
     * default, which ignores it.
     *
     * @param plan    a parsed plan
     * @param context table statistics and more; {@link InsightContext#empty()} when nothing is known
     * @return the findings of this rule, in any order; never null
     */
    default List<Insight> apply(Plan plan, InsightContext context) {
        return apply(plan);
    }
}
