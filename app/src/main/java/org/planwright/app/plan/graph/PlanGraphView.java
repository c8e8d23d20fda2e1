package org.planwright.app.plan.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.transform.Scale;
import org.planwright.app.concurrent.FxThread;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * The node graph: boxes from {@link PlanGraphLayout} joined by elbow edges in a scroll pane, zoomed by
 * Ctrl+wheel or the tool bar ({@link GraphToolBar}). Only the boxes and edges inside the visible area exist as
 * JavaFX nodes; scrolling or zooming replaces them, so a plan of thousands of nodes costs what a screenful
 * costs. Clicking a box selects its node; selecting a node anywhere centres and highlights its box.
 * FX thread only.
 */
public final class PlanGraphView extends BorderPane {

    /** Extra layout pixels drawn around the visible area, so that small scrolls need no new boxes. */
    private static final double OVERSCAN = 200;

    private final PlanGraphViewModel vm;
    private final ScrollPane scroll = new ScrollPane();
    private final Pane canvas = new Pane();
    private final Group world = new Group();
    private final Path edges = new Path();
    private final Pane boxesLayer = new Pane();
    private final Scale scale = new Scale(1, 1);
    private final Map<Integer, GraphBoxNode> shown = new HashMap<>();
    private PlanGraphLayout drawn;
    private boolean refreshQueued;

    /** @param vm the graph's state */
    public PlanGraphView(PlanGraphViewModel vm) {
        this.vm = vm;
        setId("plan-graph");
        getStyleClass().add("plan-graph");
        edges.getStyleClass().add("graph-edge");
        boxesLayer.setManaged(false);
        world.getChildren().addAll(edges, boxesLayer);
        world.getTransforms().add(scale);
        world.setManaged(false);
        canvas.getChildren().add(world);
        canvas.getStyleClass().add("graph-canvas");
        scroll.setContent(canvas);
        scroll.setPannable(true);
        scroll.getStyleClass().add("graph-scroll");
        setTop(new GraphToolBar(vm, this));
        setCenter(scroll);

        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() || e.isControlDown()) {
                e.consume();
                vm.zoomBy(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1);
            }
        });
        scroll.hvalueProperty().addListener(o -> queueRefresh());
        scroll.vvalueProperty().addListener(o -> queueRefresh());
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            PlanNode selected = vm.plan().selectedNodeProperty().get();
            if (old.getWidth() <= 0 && now.getWidth() > 0 && selected != null) {
                centreOn(selected.id()); // first shown: the selection made while hidden comes into view
            } else {
                queueRefresh();
            }
        });
        vm.layoutProperty().addListener(o -> {
            clear();
            refresh();
        });
        vm.zoomProperty().addListener(o -> refresh());
        vm.colouringProperty().addListener(o -> restyle());
        vm.plan().selectedNodeProperty().addListener((obs, old, now) -> {
            restyle();
            if (now != null) {
                centreOn(now.id());
            }
        });
        refresh();
    }

    /** @return the graph's state */
    public PlanGraphViewModel viewModel() {
        return vm;
    }

    /** @return the box of a node if it is currently drawn (tests look at it), else null */
    public javafx.scene.layout.Region boxOf(int nodeId) {
        return shown.get(nodeId);
    }

    /** @return the number of boxes currently drawn as JavaFX nodes */
    public int drawnBoxCount() {
        return shown.size();
    }

    /** Sets the zoom so the whole graph fits the visible area (not below the minimum zoom). */
    public void fit() {
        PlanGraphLayout l = vm.layoutProperty().get();
        Bounds vp = scroll.getViewportBounds();
        if (l == null || vp.getWidth() <= 0) {
            return;
        }
        vm.zoomProperty().set(Math.min(1.0, Math.min(vp.getWidth() / l.width(), vp.getHeight() / l.height())));
    }

    /**
     * Scrolls so that a node's box is in the middle of the visible area (nothing if it is not laid out).
     *
     * @param nodeId a pre-order node id
     */
    public void centreOn(int nodeId) {
        PlanGraphLayout l = vm.layoutProperty().get();
        NodeBox b = l == null ? null : l.box(nodeId);
        if (b == null) {
            return;
        }
        double z = vm.zoomProperty().get();
        Bounds vp = scroll.getViewportBounds();
        double spareW = l.width() * z - vp.getWidth();
        double spareH = l.height() * z - vp.getHeight();
        if (spareW > 0) {
            scroll.setHvalue(Math.clamp((b.centerX() * z - vp.getWidth() / 2) / spareW, 0, 1));
        }
        if (spareH > 0) {
            scroll.setVvalue(Math.clamp((b.centerY() * z - vp.getHeight() / 2) / spareH, 0, 1));
        }
        refresh();
    }

    private void queueRefresh() {
        if (!refreshQueued) {
            refreshQueued = true;
            FxThread.later(() -> {
                refreshQueued = false;
                refresh();
            });
        }
    }

    private void clear() {
        shown.clear();
        boxesLayer.getChildren().clear();
        edges.getElements().clear();
    }

    /** Creates the boxes and edges of the visible area and drops the others. */
    void refresh() {
        PlanGraphLayout l = vm.layoutProperty().get();
        if (l != drawn) {
            clear();
            drawn = l;
        }
        if (l == null) {
            canvas.setPrefSize(0, 0);
            return;
        }
        double z = vm.zoomProperty().get();
        scale.setX(z);
        scale.setY(z);
        double w = l.width() * z;
        double h = l.height() * z;
        canvas.setMinSize(w, h);
        canvas.setPrefSize(w, h);
        Bounds vp = scroll.getViewportBounds();
        double vw = vp.getWidth() > 0 ? vp.getWidth() : 1200;
        double vh = vp.getHeight() > 0 ? vp.getHeight() : 800;
        double left = Math.max(0, w - vw) * scroll.getHvalue() / z - OVERSCAN;
        double top = Math.max(0, h - vh) * scroll.getVvalue() / z - OVERSCAN;
        double right = left + vw / z + 2 * OVERSCAN;
        double bottom = top + vh / z + 2 * OVERSCAN;

        List<NodeBox> visible = l.visible(left, top, right, bottom);
        Set<Integer> keep = new HashSet<>();
        Plan plan = l.plan();
        PlanNode selected = vm.plan().selectedNodeProperty().get();
        GraphColouring colouring = vm.colouringProperty().get();
        for (NodeBox b : visible) {
            keep.add(b.nodeId());
            if (!shown.containsKey(b.nodeId())) {
                GraphBoxNode node = new GraphBoxNode(plan, b, vm::toggle);
                node.style(colouring.level(plan, plan.node(b.nodeId())), selected != null && selected.id() == b.nodeId());
                node.setOnMouseClicked(e -> vm.plan().selectedNodeProperty().set(plan.node(b.nodeId())));
                shown.put(b.nodeId(), node);
                boxesLayer.getChildren().add(node);
            }
        }
        shown.entrySet().removeIf(e -> {
            if (!keep.contains(e.getKey())) {
                boxesLayer.getChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
        edges.getElements().setAll(edgePath(l, left, top, right, bottom));
    }

    private static List<PathElement> edgePath(PlanGraphLayout l, double left, double top, double right, double bottom) {
        List<PathElement> els = new java.util.ArrayList<>();
        for (PlanGraphLayout.Segment s : l.segments(left, top, right, bottom)) {
            els.add(new MoveTo(s.x1(), s.y1()));
            els.add(new LineTo(s.x2(), s.y2()));
        }
        return els;
    }

    private void restyle() {
        PlanGraphLayout l = vm.layoutProperty().get();
        if (l == null) {
            return;
        }
        PlanNode selected = vm.plan().selectedNodeProperty().get();
        GraphColouring colouring = vm.colouringProperty().get();
        for (GraphBoxNode b : shown.values()) {
            int id = b.box().nodeId();
            b.style(colouring.level(l.plan(), l.plan().node(id)), selected != null && selected.id() == id);
        }
    }
}
