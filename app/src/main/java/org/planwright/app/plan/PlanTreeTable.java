package org.planwright.app.plan;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * The plan as a tree table: node (type, join type / strategy, relation or index), rows estimated → actual
 * with the misestimate, loops, exclusive time with a bar of its share, inclusive time, shared buffers
 * hit / read. Rows of the costliest nodes carry the style class "cost-high" or "cost-medium"
 * ({@link PlanNodeFormat#costClass}). FX thread only.
 */
final class PlanTreeTable extends TreeTableView<PlanNode> {

    private Plan plan;

    PlanTreeTable() {
        setId("plan-tree");
        getStyleClass().add("plan-tree");
        setShowRoot(true);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("Press Ctrl+E to explain the statement under the cursor,\n"
                + "Ctrl+Shift+E to run it with EXPLAIN ANALYZE."));

        TreeTableColumn<PlanNode, PlanNode> node = new TreeTableColumn<>("Node");
        node.setPrefWidth(230);
        node.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        node.setCellFactory(c -> new NodeCell());

        TreeTableColumn<PlanNode, PlanNode> rows = new TreeTableColumn<>("Rows est → actual");
        rows.setPrefWidth(165);
        rows.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        rows.setCellFactory(c -> new RowsCell());

        TreeTableColumn<PlanNode, PlanNode> exclusive = new TreeTableColumn<>("Exclusive ms");
        exclusive.setPrefWidth(110);
        exclusive.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        exclusive.setCellFactory(c -> new ShareCell());

        getColumns().addAll(java.util.List.of(node, rows,
                text("Loops", 58, PlanNodeFormat::loops),
                exclusive,
                text("Inclusive ms", 88, n -> PlanNodeFormat.millis(n.inclusiveTime())),
                text("Buffers hit / read", 105, PlanNodeFormat::buffers)));

        setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(PlanNode item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("cost-high", "cost-medium");
                if (!empty && item != null && plan != null) {
                    String cls = PlanNodeFormat.costClass(PlanNodeFormat.share(plan, item));
                    if (cls != null) {
                        getStyleClass().add(cls);
                    }
                }
            }
        });
    }

    void plan(Plan p) {
        this.plan = p;
    }

    private static TreeTableColumn<PlanNode, String> text(String title, double width, Function<PlanNode, String> f) {
        TreeTableColumn<PlanNode, String> col = new TreeTableColumn<>(title);
        col.setPrefWidth(width);
        col.setStyle("-fx-alignment: center-right;");
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().getValue() == null ? "" : f.apply(c.getValue().getValue())));
        return col;
    }

    /** Node type in bold, relation / index below it. */
    private static final class NodeCell extends TreeTableCell<PlanNode, PlanNode> {
        @Override
        protected void updateItem(PlanNode item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label type = new Label(PlanNodeFormat.title(item));
            type.getStyleClass().add("node-type");
            String target = PlanNodeFormat.target(item);
            if (target.isEmpty()) {
                setGraphic(type);
            } else {
                Label on = new Label(target);
                on.getStyleClass().add("node-target");
                setGraphic(new VBox(0, type, on));
            }
            setText(null);
        }
    }

    /** Estimated → actual rows and the misestimate arrow. */
    private static final class RowsCell extends TreeTableCell<PlanNode, PlanNode> {
        @Override
        protected void updateItem(PlanNode item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("misestimate-under", "misestimate-over");
            if (empty || item == null) {
                setText(null);
                return;
            }
            String mis = PlanNodeFormat.misestimate(item);
            setText(PlanNodeFormat.rows(item) + (mis.isEmpty() ? "" : "  " + mis));
            if (mis.startsWith("↑")) {
                getStyleClass().add("misestimate-under");
            } else if (mis.startsWith("↓")) {
                getStyleClass().add("misestimate-over");
            }
        }
    }

    /** Exclusive time in ms over a bar of the node's share. */
    private final class ShareCell extends TreeTableCell<PlanNode, PlanNode> {
        @Override
        protected void updateItem(PlanNode item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || plan == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            double share = PlanNodeFormat.share(plan, item);
            ProgressBar bar = new ProgressBar(share);
            bar.getStyleClass().add("time-bar");
            bar.setMaxWidth(Double.MAX_VALUE);
            String ms = plan.analyzed() ? PlanNodeFormat.millis(item.exclusiveTime()) : "";
            Label label = new Label(ms + (share > 0 ? String.format(java.util.Locale.ROOT, "  %.0f%%", share * 100) : ""));
            StackPane.setAlignment(label, Pos.TOP_RIGHT);
            VBox box = new VBox(1, label, bar);
            box.setAlignment(Pos.CENTER_RIGHT);
            setGraphic(box);
            setText(null);
        }
    }
}
