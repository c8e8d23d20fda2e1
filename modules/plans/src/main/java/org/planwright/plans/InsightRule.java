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
}
