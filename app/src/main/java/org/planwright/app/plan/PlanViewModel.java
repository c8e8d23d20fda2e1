package org.planwright.app.plan;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.planwright.app.plan.graph.PlanGraphViewModel;
import org.planwright.app.plan.source.PlanSourceLines;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * The plan shown beside the editor: the parsed plan, its header line, its insights and the selected node.
 * Selecting an insight selects its node. FX thread only.
 */
public final class PlanViewModel {

    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", "No plan yet");
    private final ReadOnlyStringWrapper statement = new ReadOnlyStringWrapper(this, "statement", "");
    private final ReadOnlyStringWrapper rawText = new ReadOnlyStringWrapper(this, "rawText", "");
    private PlanSourceLines sourceLines;
    private final ObservableList<InsightItem> insights = FXCollections.observableArrayList();
    private final ObjectProperty<PlanNode> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ObjectProperty<InsightItem> selectedInsight = new SimpleObjectProperty<>(this, "selectedInsight");
    private final PlanGraphViewModel graph;

    /** Creates an empty plan view model; selecting an insight selects its node. */
    public PlanViewModel() {
        selectedInsight.addListener((obs, old, now) -> {
            Plan p = plan.get();
            if (now != null && p != null && now.nodeId() >= 0 && now.nodeId() < p.nodeCount()) {
                selectedNode.set(p.node(now.nodeId()));
            }
        });
        graph = new PlanGraphViewModel(this);
    }

    /** @return the node graph's state (layout, collapsed nodes, zoom, colouring) */
    public PlanGraphViewModel graph() {
        return graph;
    }

    /**
     * Shows a plan.
     *
     * @param newPlan   the parsed plan
     * @param sql       the statement it explains (for the header tooltip)
     * @param items     its insights, most severe first
     */
    public void show(Plan newPlan, String sql, List<InsightItem> items) {
        show(newPlan, sql, items, null);
    }

    /**
     * Shows a plan together with its original text, so the raw view can show it and find each node in it.
     *
     * @param newPlan   the parsed plan
     * @param sql       the statement it explains, or null/"" when unknown (a pasted plan)
     * @param items     its insights, most severe first
     * @param planText  the plan as pasted or as the server returned it; null when not kept
     */
    public void show(Plan newPlan, String sql, List<InsightItem> items, String planText) {
        selectedInsight.set(null);
        selectedNode.set(null);
        rawText.set(planText == null ? "" : planText);
        sourceLines = null;
        plan.set(newPlan);
        statement.set(sql == null ? "" : sql);
        header.set(headerOf(newPlan));
        insights.setAll(items);
    }

    /** Clears the view. */
    public void clear() {
        selectedInsight.set(null);
        selectedNode.set(null);
        plan.set(null);
        rawText.set("");
        sourceLines = null;
        statement.set("");
        header.set("No plan yet");
        insights.clear();
    }

    /**
     * @param p a plan
     * @return e.g. "Execution 12.3 ms · Planning 0.4 ms · 14 nodes", or "Estimated cost 1,234 · 14 nodes"
     *     for a plan without ANALYZE
     */
    public static String headerOf(Plan p) {
        StringBuilder sb = new StringBuilder();
        if (p.analyzed()) {
            p.executionTime().ifPresent(t -> sb.append("Execution ").append(ms(t)).append(" · "));
        } else {
            p.root().totalCost().ifPresent(c -> sb.append("Estimated cost ")
                    .append(PlanNodeFormat.count(c)).append(" · "));
        }
        p.planningTime().ifPresent(t -> sb.append("Planning ").append(ms(t)).append(" · "));
        sb.append(p.nodeCount()).append(p.nodeCount() == 1 ? " node" : " nodes");
        return sb.toString();
    }

    private static String ms(double t) {
        return String.format(Locale.ROOT, t < 10 ? "%.2f ms" : "%,.1f ms", t);
    }

    /** @return the plan shown, or null */
    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** @return the header line */
    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** @return the explained statement's text */
    public ReadOnlyStringProperty statementProperty() {
        return statement.getReadOnlyProperty();
    }

    /** @return the plan's original text ("" when not kept) */
    public ReadOnlyStringProperty rawTextProperty() {
        return rawText.getReadOnlyProperty();
    }

    /**
     * @return where each node of the plan shown is written in {@link #rawTextProperty()}; found on first use
     *     after a plan is shown (a scan of the text), then kept
     */
    public PlanSourceLines sourceLines() {
        if (sourceLines == null) {
            sourceLines = PlanSourceLines.of(rawText.get(), plan.get());
        }
        return sourceLines;
    }

    /** @return insights of the plan shown, most severe first */
    public ObservableList<InsightItem> insights() {
        return insights;
    }

    /**
     * The one selected plan node every view of the plan selects through (tree, graph, grid, statistics, raw
     * text, insights).
     *
     * @return the selected node, or null
     */
    public ObjectProperty<PlanNode> selectedNodeProperty() {
        return selectedNode;
    }

    /** @return the selected insight (the list binds to it) */
    public ObjectProperty<InsightItem> selectedInsightProperty() {
        return selectedInsight;
    }
}
