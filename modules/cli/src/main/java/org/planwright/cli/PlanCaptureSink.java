package org.planwright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.planwright.plans.Plan;
import org.planwright.store.PlanCapture;
import org.planwright.store.PlanFormat;
import org.planwright.store.PlanMetrics;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ExplainResult;

/**
 * Captures each plan {@code planwright explain --workspace NAME} gets into that workspace, as the app's
 * {@code PlanCaptureRecorder} does: query, raw plan, EXPLAIN options, settings as JSON, server version, time and
 * summary metrics. Used by one thread. A failing capture throws {@link org.planwright.store.StoreException}.
 */
final class PlanCaptureSink {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WorkbenchStore store;
    private final Workspace workspace;
    private int captured;

    PlanCaptureSink(WorkbenchStore store, Workspace workspace) {
        this.store = store;
        this.workspace = workspace;
    }

    void capture(String sql, ExplainResult result, Plan plan) {
        PlanMetrics metrics = new PlanMetrics(plan.nodeCount(), plan.root().totalCost().isPresent()
                ? plan.root().totalCost().getAsDouble() : null,
                plan.executionTime().isPresent() ? plan.executionTime().getAsDouble() : null,
                plan.planningTime().isPresent() ? plan.planningTime().getAsDouble() : null);
        String settings;
        try {
            settings = MAPPER.writeValueAsString(result.settings());
        } catch (JsonProcessingException e) {
            settings = null;
        }
        PlanFormat format = result.format() == ExplainResult.PlanFormat.POSTGRES_JSON ? PlanFormat.JSON : PlanFormat.TEXT;
        store.planCaptures().save(PlanCapture.create(workspace.id(), null, sql, result.planText(), format,
                result.options().describe(), settings, result.serverVersion(), result.capturedAt(), metrics));
        captured++;
    }

    /** @return the plans captured so far */
    int captured() {
        return captured;
    }

    Workspace workspace() {
        return workspace;
    }

}
