package org.planwright.app.plan.graph;

import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.planwright.app.plan.PlanViewModel;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * State of the node graph: its layout, which subtrees are collapsed, the zoom factor and what the colours
 * show. Selection is the plan view model's {@link PlanViewModel#selectedNodeProperty()}: selecting a node
 * hidden in a collapsed subtree expands its ancestors. A new plan starts with large Append / Merge Append
 * nodes collapsed ({@link PlanGraphLayout#defaultCollapsed}). FX thread only.
 */
public final class PlanGraphViewModel {

    /** Smallest zoom factor; below it the boxes would be unreadable and too many to draw. */
    public static final double MIN_ZOOM = 0.1;
    /** Largest zoom factor. */
    public static final double MAX_ZOOM = 3.0;

    private final PlanViewModel plan;
    private final Set<Integer> collapsed = new HashSet<>();
    private final ReadOnlyObjectWrapper<PlanGraphLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ObjectProperty<GraphColouring> colouring =
            new SimpleObjectProperty<>(this, "colouring", GraphColouring.EXCLUSIVE_TIME);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0) {
        @Override
        public void set(double v) {
            super.set(Math.clamp(v, MIN_ZOOM, MAX_ZOOM));
        }
    };

    /** @param plan the plan view's state (plan and selected node) */
    public PlanGraphViewModel(PlanViewModel plan) {
        this.plan = plan;
        plan.planProperty().addListener((obs, old, now) -> {
            collapsed.clear();
            if (now != null) {
                collapsed.addAll(PlanGraphLayout.defaultCollapsed(now));
            }
            relayout();
        });
        plan.selectedNodeProperty().addListener((obs, old, now) -> reveal(now));
        if (plan.planProperty().get() != null) {
            collapsed.addAll(PlanGraphLayout.defaultCollapsed(plan.planProperty().get()));
        }
        relayout();
    }

    /** @return the plan view's state */
    public PlanViewModel plan() {
        return plan;
    }

    /** @return the current layout; null without a plan */
    public ReadOnlyObjectProperty<PlanGraphLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** @return what the box colours show */
    public ObjectProperty<GraphColouring> colouringProperty() {
        return colouring;
    }

    /** @return zoom factor, clamped to [{@value #MIN_ZOOM}, {@value #MAX_ZOOM}] */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /**
     * @param nodeId a pre-order node id
     * @return true if that node's subtree is collapsed
     */
    public boolean isCollapsed(int nodeId) {
        return collapsed.contains(nodeId);
    }

    /**
     * Collapses an expanded subtree or expands a collapsed one, and lays the graph out again.
     *
     * @param nodeId a pre-order node id; leaves are ignored
     */
    public void toggle(int nodeId) {
        Plan p = plan.planProperty().get();
        if (p == null || nodeId < 0 || nodeId >= p.nodeCount() || p.node(nodeId).children().isEmpty()) {
            return;
        }
        if (!collapsed.remove(nodeId)) {
            collapsed.add(nodeId);
        }
        relayout();
    }

    /** Expands every subtree. */
    public void expandAll() {
        collapsed.clear();
        relayout();
    }

    /** Multiplies the zoom by a factor (e.g. 1.25 in, 0.8 out). */
    public void zoomBy(double factor) {
        zoom.set(zoom.get() * factor);
    }

    private void reveal(PlanNode node) {
        if (node == null) {
            return;
        }
        boolean changed = false;
        for (PlanNode p = node.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
            changed |= collapsed.remove(p.id());
        }
        if (changed) {
            relayout();
        }
    }

    private void relayout() {
        Plan p = plan.planProperty().get();
        layout.set(p == null ? null : PlanGraphLayout.of(p, Set.copyOf(collapsed)));
    }
}
