package org.planwright.app.plan;

import org.planwright.plans.Insight;

/**
 * One insight as the plan view lists it.
 *
 * @param score       0 (informational) to 5 (most severe), as the insight engine rates it
 * @param title       short headline
 * @param explanation what was found and what to do about it
 * @param nodeId      pre-order id of the plan node it is about, or -1 for the whole plan
 */
public record InsightItem(int score, String title, String explanation, int nodeId) {

    /** @return the item for an insight of the engine, pointing at its first node */
    public static InsightItem of(Insight insight) {
        return new InsightItem(insight.score(), insight.title(), insight.explanation(), insight.nodeIds().getFirst());
    }

    /** @return the score as five stars, e.g. "★★★☆☆" */
    public String stars() {
        int s = Math.clamp(score, 0, 5);
        return "★".repeat(s) + "☆".repeat(5 - s);
    }
}
