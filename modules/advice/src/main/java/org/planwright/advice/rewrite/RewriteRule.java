package org.planwright.advice.rewrite;

import java.util.List;
import org.planwright.targetdb.TargetException;

/**
 * One kind of rewrite: reads the query (its JSqlParser tree, the plan, catalog facts) and proposes rewritten
 * queries. A rule must only propose rewrites it believes return the same rows; the {@link RewriteAdvisor} still runs
 * both and drops any rewrite whose rows differ. Rules parse the query afresh, so they may change their tree.
 */
public interface RewriteRule {

    /** @return the rule's name, lower-case with dashes, e.g. {@code not-in-to-not-exists} */
    String name();

    /**
     * @param query the query, its plan when known, and catalog facts
     * @return proposals, possibly none
     * @throws TargetException when a catalog lookup fails
     */
    List<RewriteProposal> propose(QueryUnderAdvice query) throws TargetException;
}
