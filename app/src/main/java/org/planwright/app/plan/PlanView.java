package org.planwright.app.plan;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * The plan view: a header (execution/planning time, node count), the plan tree ({@link PlanTreeTable}) and
 * the insights list below it. Binds to {@link PlanViewModel}. FX thread only.
 */
public final class PlanView extends BorderPane {

    private final PlanViewModel vm;
    private final PlanTreeTable tree = new PlanTreeTable();
    private final Map<PlanNode, TreeItem<PlanNode>> items = new HashMap<>();

    /** @param vm the plan state */
    public PlanView(PlanViewModel vm) {
        this.vm = vm;
        setId("plan-view");
        Label title = new Label("Plan", new FontIcon(Feather.GIT_PULL_REQUEST));
        title.getStyleClass().add("title");
        Label header = new Label();
        header.setId("plan-header");
        header.textProperty().bind(vm.headerProperty());
        HBox top = new HBox(title, header);
        top.getStyleClass().add("plan-header");
        setTop(top);

        ListView<InsightItem> insights = new ListView<>(vm.insights());
        insights.setId("insights");
        insights.setCellFactory(l -> new InsightCell());
        insights.setPlaceholder(new Label("No insights"));
        insights.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> vm.selectedInsightProperty().set(now));
        Label insightsTitle = new Label("Insights", new FontIcon(Feather.ZAP));
        insightsTitle.getStyleClass().add("title");
        VBox insightsBox = new VBox(insightsTitle, insights);
        VBox.setVgrow(insights, javafx.scene.layout.Priority.ALWAYS);
        insightsBox.getStyleClass().add("insights-box");

        SplitPane split = new SplitPane(tree, insightsBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setCenter(split);

        vm.planProperty().addListener((obs, old, now) -> show(now));
        vm.selectedNodeProperty().addListener((obs, old, now) -> {
            TreeItem<PlanNode> item = now == null ? null : items.get(now);
            if (item != null && tree.getSelectionModel().getSelectedItem() != item) {
                tree.getSelectionModel().select(item);
                tree.scrollTo(Math.max(0, tree.getRow(item) - 2));
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                vm.selectedNodeProperty().set(now == null ? null : now.getValue()));
        show(vm.planProperty().get());
    }

    /** @return the tree of plan nodes (tests look at it) */
    public TreeTableView<PlanNode> tree() {
        return tree;
    }

    private void show(Plan plan) {
        items.clear();
        tree.plan(plan);
        if (plan == null) {
            tree.setRoot(null);
            return;
        }
        TreeItem<PlanNode> root = item(plan.root());
        tree.setRoot(root);
    }

    private TreeItem<PlanNode> item(PlanNode node) {
        TreeItem<PlanNode> item = new TreeItem<>(node);
        item.setExpanded(true);
        items.put(node, item);
        for (PlanNode c : node.children()) {
            item.getChildren().add(item(c));
        }
        return item;
    }

    /** A list cell: stars, title and explanation of an insight. */
    private static final class InsightCell extends ListCell<InsightItem> {
        @Override
        protected void updateItem(InsightItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label stars = new Label(item.stars());
            stars.getStyleClass().add("insight-stars");
            Label title = new Label(item.title());
            title.getStyleClass().add("insight-title");
            Label text = new Label(item.explanation());
            text.getStyleClass().add("insight-text");
            text.setWrapText(true);
            text.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            VBox box = new VBox(2, new HBox(8, stars, title), text);
            box.getStyleClass().add("insight-cell");
            setGraphic(box);
        }
    }
}
