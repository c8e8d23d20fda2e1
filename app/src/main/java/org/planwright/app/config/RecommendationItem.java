package org.planwright.app.config;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.planwright.tuning.advice.ConfigRecommendation;

/**
 * One recommendation in the Apply list: what the advisor proposes and whether the DBA chose it (chosen by default;
 * one that needs a restart is only prepared when applied). FX thread.
 */
public final class RecommendationItem {

    private final ConfigRecommendation recommendation;
    private final BooleanProperty chosen;

    /** @param recommendation the advisor's recommendation */
    public RecommendationItem(ConfigRecommendation recommendation) {
        this.recommendation = recommendation;
        this.chosen = new SimpleBooleanProperty(this, "chosen", true);
    }

    /** @return the recommendation */
    public ConfigRecommendation recommendation() {
        return recommendation;
    }

    /** @return true when it is to be applied */
    public BooleanProperty chosenProperty() {
        return chosen;
    }

    /** @return e.g. "work_mem: 4MB → 10MB (reload)" */
    public String label() {
        return recommendation.parameter() + ": " + recommendation.current() + " → " + recommendation.recommended()
                + " (" + recommendation.applyMode().label() + ")";
    }
}
