package org.planwright.store;

import java.util.UUID;
import org.planwright.advice.trial.TrialResult;

/**
 * A trial as the workspace keeps it: every run, both plans, the settings snapshot.
 *
 * @param id               key
 * @param recommendationId the stored recommendation it tried
 * @param result           the trial, complete
 */
public record StoredTrial(UUID id, UUID recommendationId, TrialResult result) {
}
