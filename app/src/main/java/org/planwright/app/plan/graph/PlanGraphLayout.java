package org.planwright.app.plan.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * A top-down tree layout of a plan's node graph: the root on top, children left to right below their parent.
 * Leaves take the next free slot from the left; a parent is centred over its first and last child, so
 * subtrees never overlap (a simple tidy-tree layout, linear in the number of laid-out nodes). Collapsed nodes
 * are laid out as leaves and their subtrees are left out.
 *
 * <p>Plain Java (no JavaFX): the graph view and the SVG export both draw from it. Immutable and thread-safe.
 * Sizes are layout pixels before zoom.
 */
public final class PlanGraphLayout {

    /** Box width in layout pixels. */
    public static final double BOX_WIDTH = 220;
    /** Box height in layout pixels. */
    public static final double BOX_HEIGHT = 86;
    /** Horizontal gap between neighbouring boxes. */
    public static final double H_GAP = 24;
    /** Vertical gap between a parent's bottom and its children's top (the edges run there). */
    public static final double V_GAP = 44;
    /** Empty border around the drawing. */
    public static final double MARGIN = 20;
    /**
     * An Append or Merge Append with more children than this starts collapsed, so that plans over thousands
     * of partitions open fast (the fix proposed in PEV2 issue #552, "collapse large Append nodes").
     */
    public static final int LARGE_APPEND_CHILDREN = 50;

    private final Plan plan;
    private final List<NodeBox> boxes;
    private final NodeBox[] byId;
    private final List<GraphEdge> edges;
    private final double width;
    private final double height;

    private PlanGraphLayout(Plan plan, List<NodeBox> boxes, NodeBox[] byId, double width, double height) {
        this.plan = plan;
        this.boxes = boxes;
        this.byId = byId;
        this.edges = edgesOf(plan, boxes, byId);
        this.width = width;
        this.height = height;
    }

    /**
     * Lays a plan out.
     *
     * @param plan      the plan; not null
     * @param collapsed pre-order ids of the nodes whose subtrees are folded away (ids of leaves are ignored)
     * @return the layout, with a box for every node that is not below a collapsed node
     */
    public static PlanGraphLayout of(Plan plan, Set<Integer> collapsed) {
        NodeBox[] byId = new NodeBox[plan.nodeCount()];
        List<NodeBox> boxes = new ArrayList<>();
        double[] cursor = {MARGIN};
        double[] maxY = {0};
        place(plan.root(), 0, collapsed, byId, boxes, cursor, maxY);
        boxes.sort((a, b) -> Integer.compare(a.nodeId(), b.nodeId()));
        double w = Math.max(cursor[0] - H_GAP + MARGIN, BOX_WIDTH + 2 * MARGIN);
        return new PlanGraphLayout(plan, Collections.unmodifiableList(boxes), byId, w, maxY[0] + MARGIN);
    }

    /**
     * @param plan a plan
     * @return ids of the Append / Merge Append nodes with more than {@value #LARGE_APPEND_CHILDREN} children,
     *     which the graph shows collapsed at first
     */
    public static Set<Integer> defaultCollapsed(Plan plan) {
        Set<Integer> ids = new HashSet<>();
        for (PlanNode n : plan.nodes()) {
            String type = n.nodeType();
            if (("Append".equals(type) || "Merge Append".equals(type)) && n.children().size() > LARGE_APPEND_CHILDREN) {
                ids.add(n.id());
            }
        }
        return ids;
    }

    private static double place(PlanNode node, int depth, Set<Integer> collapsed, NodeBox[] byId,
                                List<NodeBox> boxes, double[] cursor, double[] maxY) {
        boolean folded = !node.children().isEmpty() && collapsed.contains(node.id());
        double x;
        if (node.children().isEmpty() || folded) {
            x = cursor[0];
            cursor[0] += BOX_WIDTH + H_GAP;
        } else {
            double first = 0;
            double last = 0;
            List<PlanNode> kids = node.children();
            for (int i = 0; i < kids.size(); i++) {
                double cx = place(kids.get(i), depth + 1, collapsed, byId, boxes, cursor, maxY);
                if (i == 0) {
                    first = cx;
                }
                last = cx;
            }
            x = (first + last) / 2;
        }
        double y = MARGIN + depth * (BOX_HEIGHT + V_GAP);
        maxY[0] = Math.max(maxY[0], y + BOX_HEIGHT);
        NodeBox box = new NodeBox(node.id(), x, y, BOX_WIDTH, BOX_HEIGHT, depth, node.children().size(), folded,
                folded ? descendants(node) : 0);
        byId[node.id()] = box;
        boxes.add(box);
        return x;
    }

    private static int descendants(PlanNode node) {
        int n = 0;
        for (PlanNode c : node.children()) {
            n += 1 + descendants(c);
        }
        return n;
    }

    /** @return parent → child connections between laid-out boxes, in pre-order of the child */
    public List<GraphEdge> edges() {
        return edges;
    }

    private static List<GraphEdge> edgesOf(Plan plan, List<NodeBox> boxes, NodeBox[] byId) {
        List<GraphEdge> out = new ArrayList<>(boxes.size());
        for (NodeBox b : boxes) {
            PlanNode n = plan.node(b.nodeId());
            if (n.parent().isPresent()) {
                out.add(new GraphEdge(byId[n.parent().get().id()], b));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * A straight piece of the edges, in layout pixels.
     *
     * @param x1 start x
     * @param y1 start y
     * @param x2 end x
     * @param y2 end y
     */
    public record Segment(double x1, double y1, double x2, double y2) {
    }

    /**
     * The edges inside an area as straight segments, clipped to the area's width: per parent one stub down, one
     * horizontal bar across its children, one stub down into each child. An Append over 2,000 partitions gives
     * a handful of short segments on screen instead of 2,000 overlapping elbows.
     *
     * @return segments overlapping [left, right] x [top, bottom]
     */
    public List<Segment> segments(double left, double top, double right, double bottom) {
        List<Segment> out = new ArrayList<>();
        for (NodeBox b : boxes) {
            PlanNode n = plan.node(b.nodeId());
            if (b.collapsed() || n.children().isEmpty()) {
                continue;
            }
            double elbow = b.y() + b.height() + V_GAP / 2;
            double childTop = elbow + V_GAP / 2;
            if (elbow < top || b.y() + b.height() > bottom) {
                continue;
            }
            double first = byId[n.children().getFirst().id()].centerX();
            double last = byId[n.children().getLast().id()].centerX();
            double minX = Math.min(first, b.centerX());
            double maxX = Math.max(last, b.centerX());
            if (maxX < left || minX > right) {
                continue;
            }
            if (b.centerX() >= left && b.centerX() <= right) {
                out.add(new Segment(b.centerX(), b.y() + b.height(), b.centerX(), elbow));
            }
            out.add(new Segment(Math.max(minX, left), elbow, Math.min(maxX, right), elbow));
            for (PlanNode c : n.children()) {
                double cx = byId[c.id()].centerX();
                if (cx >= left && cx <= right) {
                    out.add(new Segment(cx, elbow, cx, childTop));
                }
            }
        }
        return out;
    }

    /** @return the plan laid out */
    public Plan plan() {
        return plan;
    }

    /** @return the boxes of all laid-out nodes, in pre-order */
    public List<NodeBox> boxes() {
        return boxes;
    }

    /**
     * @param nodeId a pre-order node id
     * @return the node's box, or null when the node is hidden below a collapsed node
     */
    public NodeBox box(int nodeId) {
        return nodeId >= 0 && nodeId < byId.length ? byId[nodeId] : null;
    }

    /** @return width of the drawing including margins */
    public double width() {
        return width;
    }

    /** @return height of the drawing including margins */
    public double height() {
        return height;
    }

    /**
     * The boxes overlapping an area; a linear scan (a 2,000-node plan takes microseconds).
     *
     * @return boxes in pre-order whose rectangle overlaps [left, right) x [top, bottom)
     */
    public List<NodeBox> visible(double left, double top, double right, double bottom) {
        List<NodeBox> out = new ArrayList<>();
        for (NodeBox b : boxes) {
            if (b.intersects(left, top, right, bottom)) {
                out.add(b);
            }
        }
        return out;
    }
}
