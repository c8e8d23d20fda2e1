package org.planwright.app.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.planwright.app.plan.graph.PlanGraphView;
import org.planwright.app.plan.grid.PlanNodeGrid;
import org.planwright.app.plan.source.PlanTextView;
import org.planwright.app.plan.stats.PlanStatisticsView;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * The plan view: a header (execution/planning time, node count), the plan's views in tabs (Tree
 * {@link PlanTreeTable}, Graph, Grid, Statistics, Raw plan, Query) and the insights list below them. Every view
 * selects through {@link PlanViewModel#selectedNodeProperty()}. Binds to {@link PlanViewModel}. FX thread only.
 */
public final class PlanView extends BorderPane {

    private final PlanViewModel vm;
    private final PlanTreeTable tree = new PlanTreeTable();
    private final Map<PlanNode, TreeItem<PlanNode>> items = new HashMap<>();
    // the views behind the tabs other than Tree are built when first shown (or asked for): a short first frame
    private final Tab graphTab = tab("Graph", Feather.SHARE_2, null);
    private final Tab gridTab = tab("Grid", Feather.GRID, null);
    private final Tab statisticsTab = tab("Statistics", Feather.BAR_CHART_2, null);
    private final Tab rawTab = tab("Raw", Feather.FILE_TEXT, null);
    private final Tab queryTab = tab("Query", Feather.DATABASE, null);
    private PlanGraphView graph;
    private PlanNodeGrid grid;
    private PlanStatisticsView statistics;
    private PlanTextView raw;
    private PlanTextView query;
    private final TabPane views;

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

        views = new TabPane(tab("Tree", Feather.LIST, tree), graphTab, gridTab, statisticsTab, rawTab, queryTab);
        views.setId("plan-views");
        // a view out of sight does not follow plan changes; it catches up when its tab is selected again
        graphTab.selectedProperty().addListener((obs, old, now) -> {
            if (now) {
                graph();
            }
        });
        gridTab.selectedProperty().addListener((obs, old, now) -> {
            if (now || grid != null) {
                grid().setActive(now);
            }
        });
        statisticsTab.selectedProperty().addListener((obs, old, now) -> {
            if (now || statistics != null) {
                statistics().setActive(now);
            }
        });
        rawTab.selectedProperty().addListener((obs, old, now) -> {
            if (now || raw != null) {
                raw().setActive(now);
            }
        });
        queryTab.selectedProperty().addListener((obs, old, now) -> {
            if (now || query != null) {
                query().setActive(now);
            }
        });
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(views, insightsBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setCenter(split);

        vm.planProperty().addListener((obs, old, now) -> show(now));
        vm.selectedNodeProperty().addListener((obs, old, now) -> {
            TreeItem<PlanNode> item = now == null ? null : items.get(now);
            if (now == null) {
                tree.getSelectionModel().clearSelection();
            } else if (item != null && tree.getSelectionModel().getSelectedItem() != item) {
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

    /** @return the node graph, built on first use */
    public PlanGraphView graph() {
        if (graph == null) {
            graph = new PlanGraphView(vm.graph());
            graphTab.setContent(graph);
        }
        return graph;
    }

    /** @return the node grid, built on first use (it follows the plan only while its tab is selected) */
    public PlanNodeGrid grid() {
        if (grid == null) {
            grid = new PlanNodeGrid(vm);
            grid.setActive(gridTab.isSelected());
            gridTab.setContent(grid);
        }
        return grid;
    }

    /** @return the statistics view, built on first use (it follows the plan only while its tab is selected) */
    public PlanStatisticsView statistics() {
        if (statistics == null) {
            statistics = new PlanStatisticsView(vm);
            statistics.setActive(statisticsTab.isSelected());
            statisticsTab.setContent(statistics);
        }
        return statistics;
    }

    /** @return the raw plan text view, built on first use (it follows the plan only while its tab is selected) */
    public PlanTextView raw() {
        if (raw == null) {
            raw = new PlanTextView(vm, PlanTextView.Kind.RAW_PLAN);
            raw.setActive(rawTab.isSelected());
            rawTab.setContent(raw);
        }
        return raw;
    }

    /** @return the query text view, built on first use (it follows the plan only while its tab is selected) */
    public PlanTextView query() {
        if (query == null) {
            query = new PlanTextView(vm, PlanTextView.Kind.QUERY);
            query.setActive(queryTab.isSelected());
            queryTab.setContent(query);
        }
        return query;
    }

    /** @return the tabs of the plan's views: Tree, Graph, Grid, Statistics, Raw, Query */
    public TabPane views() {
        return views;
    }

    private static Tab tab(String title, Feather icon, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId("plan-tab-" + title.toLowerCase(java.util.Locale.ROOT));
        t.setGraphic(new FontIcon(icon));
        return t;
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
        items.put(node, item);
        List<TreeItem<PlanNode>> kids = new ArrayList<>(node.children().size());
        for (PlanNode c : node.children()) {
            kids.add(item(c));
        }
        item.getChildren().setAll(kids); // one change event, not one per child (2,000 partitions)
        item.setExpanded(true);
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
