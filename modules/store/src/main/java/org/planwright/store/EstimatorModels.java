package org.planwright.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The versioned improvement estimators of each workspace. Obtain from {@link LearningRecords#estimatorModels()}.
 * Thread-safe; blocking; {@link StoreException} on failure.
 */
public final class EstimatorModels {

    private static final String COLUMNS = "id, workspace_id, version, algorithm, library_version, training_size,"
            + " cv_mae, holdout_mae, baseline_mae, interval_half_width, deployed, model_bytes, created_at";

    private final Jdbc jdbc;

    EstimatorModels(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new version (the {@code version} and {@code createdAt} given are ignored: the store numbers it one
     * past the workspace's highest). When it is deployed, the previously deployed one is not any more.
     *
     * @return the model as stored
     * @throws StoreException NOT_FOUND for a missing workspace
     */
    public EstimatorModel add(EstimatorModel m) {
        Check.required(m, "model");
        return jdbc.write("store the estimator model", c -> {
            WorkspaceRows.requireWorkspace(c, m.workspaceId());
            int version = Jdbc.one(c, rs -> rs.getInt(1), "SELECT COALESCE(MAX(version), 0) + 1 FROM estimator_model"
                    + " WHERE workspace_id = ?", m.workspaceId()).orElse(1);
            Instant now = jdbc.now();
            if (m.deployed()) {
                Jdbc.update(c, "UPDATE estimator_model SET deployed = FALSE, updated_at = ? WHERE workspace_id = ?"
                        + " AND deployed", now, m.workspaceId());
            }
            Jdbc.update(c, "INSERT INTO estimator_model (" + COLUMNS + ", updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", m.id(), m.workspaceId(), version,
                    m.algorithm(), m.libraryVersion(), m.trainingSize(), m.cvMae(), m.holdoutMae(), m.baselineMae(),
                    m.intervalHalfWidth(), m.deployed(), m.modelBytes(), now, now);
            return Jdbc.one(c, EstimatorModels::map, "SELECT " + COLUMNS + " FROM estimator_model WHERE id = ?", m.id())
                    .orElseThrow();
        });
    }

    /** @return the workspace's versions, oldest first, without their bytes (use {@link #deployed} for those) */
    public List<EstimatorModel> list(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("list the estimator models", c -> Jdbc.list(c, EstimatorModels::map,
                "SELECT " + COLUMNS.replace("model_bytes", "NULL AS model_bytes") + " FROM estimator_model"
                        + " WHERE workspace_id = ? AND deleted_at IS NULL ORDER BY version", workspaceId));
    }

    /** @return the deployed model with its bytes, or empty while the cost-only estimate is in use */
    public Optional<EstimatorModel> deployed(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("read the deployed estimator", c -> Jdbc.one(c, EstimatorModels::map, "SELECT " + COLUMNS
                + " FROM estimator_model WHERE workspace_id = ? AND deployed AND deleted_at IS NULL", workspaceId));
    }

    private static EstimatorModel map(ResultSet rs) throws SQLException {
        return new EstimatorModel(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "workspace_id"), rs.getInt("version"),
                rs.getString("algorithm"), rs.getString("library_version"), rs.getInt("training_size"),
                Jdbc.doubleOrNull(rs, "cv_mae"), Jdbc.doubleOrNull(rs, "holdout_mae"), Jdbc.doubleOrNull(rs, "baseline_mae"),
                Jdbc.doubleOrNull(rs, "interval_half_width"), rs.getBoolean("deployed"), rs.getBytes("model_bytes"),
                Jdbc.instant(rs, "created_at"));
    }
}
