package org.planwright.app.plan.graph;

/**
 * Where one plan node's box sits in a {@link PlanGraphLayout}, in layout pixels (before zoom), origin top-left.
 *
 * @param nodeId          pre-order id of the plan node
 * @param x               left edge
 * @param y               top edge
 * @param width           box width
 * @param height          box height
 * @param depth           0 for the root, parent depth + 1 below it
 * @param childCount      number of children the node has in the plan
 * @param collapsed       true when the node's subtree is folded away (children not laid out)
 * @param hiddenNodes     number of plan nodes below a collapsed node (0 when expanded)
 */
public record NodeBox(int nodeId, double x, double y, double width, double height, int depth, int childCount,
                      boolean collapsed, int hiddenNodes) {

    /** @return horizontal centre */
    public double centerX() {
        return x + width / 2;
    }

    /** @return vertical centre */
    public double centerY() {
        return y + height / 2;
    }

    /**
     * @param left   visible area's left edge
     * @param top    visible area's top edge
     * @param right  visible area's right edge
     * @param bottom visible area's bottom edge
     * @return true if the box overlaps that area
     */
    public boolean intersects(double left, double top, double right, double bottom) {
        return x < right && x + width > left && y < bottom && y + height > top;
    }
}
