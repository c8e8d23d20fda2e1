package org.planwright.app.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.function.Supplier;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.plans.Plan;
import org.planwright.store.PlanCapture;
import org.planwright.store.PlanCaptures;
import org.planwright.store.PlanFormat;
import org.planwright.store.PlanMetrics;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ExplainResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures each explained plan in the workbench store (query, raw plan JSON, EXPLAIN options, settings as a
 * JSON object, server version, timestamp, summary metrics). A failure to store is logged, never shown: the
 * plan still shows. Called on worker threads.
 */
public final class PlanCaptureRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(PlanCaptureRecorder.class);

    private final Supplier<Optional<PlanCaptures>> captures;
    private final Supplier<Workspace> workspace;

    /**
     * @param captures  the store's plan captures once the store is open (empty before)
     * @param workspace the active workspace (null while the store is not open: nothing is captured)
     */
    public PlanCaptureRecorder(Supplier<Optional<PlanCaptures>> captures, Supplier<Workspace> workspace) {
        this.captures = captures;
        this.workspace = workspace;
    }

    /** Jackson's mapper, made on the first capture (a worker thread), not with the main window. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    void capture(ActiveConnection c, String sql, ExplainResult result, Plan plan) {
        Workspace ws = workspace.get();
        Optional<PlanCaptures> store = captures.get();
        if (ws == null || store.isEmpty()) {
            return;
        }
        try {
            PlanMetrics metrics = new PlanMetrics(plan.nodeCount(), plan.root().totalCost().isPresent()
                    ? plan.root().totalCost().getAsDouble() : null,
                    plan.executionTime().isPresent() ? plan.executionTime().getAsDouble() : null,
                    plan.planningTime().isPresent() ? plan.planningTime().getAsDouble() : null);
            String options = result.options().describe();
            store.get().save(PlanCapture.create(ws.id(), c.session().profile().id(),
                    sql, result.planText(), PlanFormat.JSON, options, Json.MAPPER.writeValueAsString(result.settings()),
                    result.serverVersion(), result.capturedAt(), metrics));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Could not capture the plan in the store: {}", e.getMessage());
        }
    }
}
