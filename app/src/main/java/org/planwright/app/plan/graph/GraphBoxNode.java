package org.planwright.app.plan.graph;

import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * One plan node's box in the graph: type, relation/index, exclusive time and share, rows estimated → actual
 * with the misestimate arrow, and for nodes with children a toggle ("−" to collapse, "+N" to expand). Style
 * classes: "graph-box", "heat-0".."heat-4" ({@link GraphColouring}), "selected". FX thread only.
 */
final class GraphBoxNode extends VBox {

    private final NodeBox box;

    GraphBoxNode(Plan plan, NodeBox box, IntConsumer onToggle) {
        this.box = box;
        PlanNode node = plan.node(box.nodeId());
        GraphBoxText t = GraphBoxText.of(plan, node);
        setId("graph-node-" + box.nodeId());
        getStyleClass().add("graph-box");
        setLayoutX(box.x());
        setLayoutY(box.y());
        setPrefSize(box.width(), box.height());
        setMinSize(box.width(), box.height());
        setMaxSize(box.width(), box.height());

        Label title = label(t.title(), "graph-title");
        HBox head = new HBox(4, title);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        if (box.childCount() > 0) {
            Label toggle = label(box.collapsed() ? "+" + box.hiddenNodes() : "−", "graph-toggle");
            toggle.setId("graph-toggle-" + box.nodeId());
            toggle.setMinWidth(Region.USE_PREF_SIZE);
            toggle.setOnMouseClicked(e -> {
                e.consume();
                onToggle.accept(box.nodeId());
            });
            head.getChildren().add(toggle);
        }
        head.setAlignment(Pos.CENTER_LEFT);
        Label rows = label(t.rows(), "graph-rows");
        HBox rowLine = new HBox(6, rows);
        if (!t.misestimate().isEmpty()) {
            Label mis = label(t.misestimate(), t.misestimate().startsWith("↑") ? "misestimate-under" : "misestimate-over");
            mis.setMinWidth(Region.USE_PREF_SIZE);
            rowLine.getChildren().add(mis);
        }
        getChildren().addAll(head, label(t.target(), "graph-target"), label(t.cost(), "graph-cost"), rowLine);
    }

    /** @return the layout box drawn */
    NodeBox box() {
        return box;
    }

    /** Sets the colour level and the selection mark. */
    void style(int level, boolean selected) {
        getStyleClass().removeIf(c -> c.startsWith("heat-"));
        getStyleClass().add(GraphColouring.styleClass(level));
        if (selected && !getStyleClass().contains("selected")) {
            getStyleClass().add("selected");
        } else if (!selected) {
            getStyleClass().remove("selected");
        }
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        return l;
    }
}
