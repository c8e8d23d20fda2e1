package org.planwright.app.plan.graph;

/**
 * A parent → child connection drawn as an elbow: down from the parent's bottom centre to half the vertical
 * gap, across to the child's centre, down to the child's top. Layout pixels.
 *
 * @param parent the parent's box
 * @param child  the child's box
 */
public record GraphEdge(NodeBox parent, NodeBox child) {

    /** @return x where the edge leaves the parent */
    public double startX() {
        return parent.centerX();
    }

    /** @return y where the edge leaves the parent (its bottom) */
    public double startY() {
        return parent.y() + parent.height();
    }

    /** @return y of the horizontal run */
    public double elbowY() {
        return startY() + PlanGraphLayout.V_GAP / 2;
    }

    /** @return x where the edge enters the child */
    public double endX() {
        return child.centerX();
    }

    /** @return y where the edge enters the child (its top) */
    public double endY() {
        return child.y();
    }

    /** @return true if the edge's bounding rectangle overlaps the area */
    public boolean intersects(double left, double top, double right, double bottom) {
        double minX = Math.min(startX(), endX());
        double maxX = Math.max(startX(), endX());
        return minX <= right && maxX >= left && startY() <= bottom && endY() >= top;
    }
}
