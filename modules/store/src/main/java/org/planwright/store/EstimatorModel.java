package org.planwright.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a workspace's improvement estimator, with its metrics. Errors are mean absolute errors in
 * percentage points of improvement.
 *
 * @param id                the model's id
 * @param workspaceId       its workspace
 * @param version           1, 2, ... per workspace (the store numbers them)
 * @param algorithm         e.g. {@code smile.regression.GradientTreeBoost(ntrees=200, maxDepth=4)}
 * @param libraryVersion    e.g. {@code smile-core 6.2.5}
 * @param trainingSize      trial outcomes it was trained on
 * @param cvMae             cross-validated MAE on the training outcomes, or null
 * @param holdoutMae        MAE on the held-out outcomes, or null
 * @param baselineMae       the estimator it competed with (deployed model, else cost-only) on the same held-out
 *                          outcomes, or null
 * @param intervalHalfWidth half-width of its 80 % interval, percentage points (split-conformal), or null
 * @param deployed          true for the one in use (at most one per workspace)
 * @param modelBytes        the serialised model, or null for a record of a rejected candidate
 * @param createdAt         set by the store
 */
public record EstimatorModel(UUID id, UUID workspaceId, int version, String algorithm, String libraryVersion,
                             int trainingSize, Double cvMae, Double holdoutMae, Double baselineMae,
                             Double intervalHalfWidth, boolean deployed, byte[] modelBytes, Instant createdAt) {

    public EstimatorModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
    }
}
