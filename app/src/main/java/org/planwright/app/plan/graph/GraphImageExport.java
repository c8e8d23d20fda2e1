package org.planwright.app.plan.graph;

import java.io.IOException;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.planwright.plans.Plan;

/**
 * Draws a whole {@link PlanGraphLayout} off screen (every box, not only the visible ones) and writes it as a
 * PNG through a JavaFX snapshot, {@code SwingFXUtils} and ImageIO. Images are scaled down so that neither
 * side exceeds {@value #MAX_SIDE} pixels. FX thread only.
 */
public final class GraphImageExport {

    /** Longest image side in pixels; larger graphs are scaled down to fit. */
    public static final int MAX_SIDE = 16_384;

    private GraphImageExport() {
    }

    /**
     * @param layout      the laid-out graph
     * @param colouring   what the box colours show
     * @param stylesheets style sheets of the app's scene (box styles)
     * @param file        the PNG file to write (replaced)
     * @return the image written
     * @throws IOException if the file cannot be written
     */
    public static WritableImage writePng(PlanGraphLayout layout, GraphColouring colouring, List<String> stylesheets,
                                         java.nio.file.Path file) throws IOException {
        WritableImage image = snapshot(layout, colouring, stylesheets);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
        return image;
    }

    /**
     * @return an image of the whole graph
     */
    static WritableImage snapshot(PlanGraphLayout layout, GraphColouring colouring, List<String> stylesheets) {
        Pane pane = new Pane();
        pane.getStyleClass().addAll("plan-graph", "graph-canvas");
        Path edges = new Path();
        edges.getStyleClass().add("graph-edge");
        for (GraphEdge e : layout.edges()) {
            edges.getElements().addAll(new MoveTo(e.startX(), e.startY()), new LineTo(e.startX(), e.elbowY()),
                    new LineTo(e.endX(), e.elbowY()), new LineTo(e.endX(), e.endY()));
        }
        pane.getChildren().add(edges);
        Plan plan = layout.plan();
        for (NodeBox b : layout.boxes()) {
            GraphBoxNode node = new GraphBoxNode(plan, b, id -> { });
            node.style(colouring.level(plan, plan.node(b.nodeId())), false);
            pane.getChildren().add(node);
        }
        pane.setPrefSize(layout.width(), layout.height());
        Scene scene = new Scene(pane, layout.width(), layout.height());
        scene.getStylesheets().setAll(stylesheets);
        pane.applyCss();
        pane.layout();
        double s = Math.min(1.0, MAX_SIDE / Math.max(layout.width(), layout.height()));
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(s, s));
        return pane.snapshot(params, null);
    }
}
