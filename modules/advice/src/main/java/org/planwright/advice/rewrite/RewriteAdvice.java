package org.planwright.advice.rewrite;

import java.util.List;
import org.planwright.advice.Recommendation;

/**
 * What {@link RewriteAdvisor#advise} found.
 *
 * @param offered rewrites verified to return the same rows, as {@link org.planwright.advice.RecommendationKind#REWRITE}
 *                recommendations, best estimate first
 * @param refused proposals that were dropped, with the reason
 */
public record RewriteAdvice(List<Recommendation> offered, List<RefusedRewrite> refused) {
    public RewriteAdvice {
        offered = List.copyOf(offered);
        refused = List.copyOf(refused);
    }
}
