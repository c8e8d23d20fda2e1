package org.planwright.tuning.advice;

import java.util.List;

/**
 * What the advisor found for one server.
 *
 * @param recommendations the proposed changes, most important first
 * @param notProposed     PGTune's changes left out, with the reason
 * @param notes           remarks that are not a parameter change (pooler advice, platform caps, budget)
 */
public record Advice(List<ConfigRecommendation> recommendations, List<NotProposed> notProposed, List<String> notes) {

    public Advice {
        recommendations = List.copyOf(recommendations);
        notProposed = List.copyOf(notProposed);
        notes = List.copyOf(notes);
    }
}
