package org.planwright.app.plan.grid;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.planwright.app.plan.DeferredUpdate;
import org.planwright.app.plan.PlanNodeFormat;
import org.planwright.app.plan.PlanViewModel;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * All plan nodes in a sortable table: id, type, relation, index, exclusive ms and share, inclusive ms,
 * estimated and actual rows (per loop), misestimate, loops, exclusive shared buffers hit / read (8 kB blocks;
 * headers "Hit" / "Read" with tooltips), total cost; with a filter field ({@link NodeFilter}). Numeric columns sort by value. Selecting a row selects
 * the node in {@link PlanViewModel}. FX thread only.
 */
public final class PlanNodeGrid extends BorderPane {

    private final PlanViewModel vm;
    private final ObservableList<PlanNode> nodes = FXCollections.observableArrayList();
    private final FilteredList<PlanNode> filtered = new FilteredList<>(nodes);
    private final TableView<PlanNode> table = new TableView<>();
    private final TextField filter = new TextField();
    private final Label count = new Label();
    private boolean selecting;
    private final DeferredUpdate updates = new DeferredUpdate(this::update);

    /** @param vm the plan view's state */
    public PlanNodeGrid(PlanViewModel vm) {
        this.vm = vm;
        setId("plan-grid");
        getStyleClass().add("plan-grid");
        filter.setId("plan-grid-filter");
        filter.setPromptText("Filter nodes: type, table, index, condition, #id");
        filter.textProperty().addListener((obs, old, now) -> {
            filtered.setPredicate(n -> NodeFilter.matches(n, now));
            count.setText(filtered.size() + " of " + nodes.size() + " nodes");
        });
        HBox top = new HBox(8, filter, count);
        HBox.setHgrow(filter, Priority.ALWAYS);
        top.getStyleClass().add("plan-grid-top");
        setTop(top);

        SortedList<PlanNode> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("plan-grid-table");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setPlaceholder(new Label("No plan"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                number("#", 44, n -> n.id(), n -> String.valueOf(n.id())),
                text("Node type", 160, PlanNodeFormat::title),
                text("Relation", 130, n -> n.relationName().map(r -> n.schema().map(s -> s + ".").orElse("") + r)
                        .orElse(n.cteName().map(c -> "CTE " + c).orElse(n.functionName().orElse("")))),
                text("Index", 130, n -> n.indexName().orElse("")),
                number("Excl. ms", 86, PlanNode::exclusiveTime, n -> PlanNodeFormat.millis(n.exclusiveTime())),
                number("Excl. %", 78, this::share, n -> String.format(java.util.Locale.ROOT, "%.1f", share(n) * 100)),
                number("Incl. ms", 84, PlanNode::inclusiveTime, n -> PlanNodeFormat.millis(n.inclusiveTime())),
                number("Est. rows", 90, n -> or(n.planRows()), n -> opt(n.planRows())),
                number("Rows", 76, n -> or(n.actualRows()), n -> opt(n.actualRows())),
                number("Misest.", 80, n -> n.rowEstimate().map(e -> e.factor()).orElse(0.0),
                        PlanNodeFormat::misestimate),
                number("Loops", 70, n -> n.actualLoops().isPresent() ? n.actualLoops().getAsLong() : 0,
                        PlanNodeFormat::loops),
                number("Hit", 74, n -> n.exclusiveBuffers().sharedHit(),
                        n -> n.exclusiveBuffers().any() ? PlanNodeFormat.count(n.exclusiveBuffers().sharedHit()) : ""),
                number("Read", 70, n -> n.exclusiveBuffers().sharedRead(),
                        n -> n.exclusiveBuffers().any() ? PlanNodeFormat.count(n.exclusiveBuffers().sharedRead()) : ""),
                number("Cost", 86, n -> or(n.totalCost()), n -> opt(n.totalCost()))));
        String[] tips = {"Pre-order node id", "Node type as EXPLAIN prints it, with the join type",
            "Relation, CTE or function read", "Index used", "Exclusive time in ms (without children)",
            "Exclusive time as a percentage of the execution time (of the total cost without ANALYZE)",
            "Inclusive time in ms (with children)", "Planner's estimated rows per loop", "Actual rows per loop",
            "Row misestimate factor: ↑ under-estimated, ↓ over-estimated", "Actual loops",
            "Exclusive shared buffer hits (8 kB blocks)", "Exclusive shared buffer reads (8 kB blocks)",
            "Planner's total cost"};
        for (int i = 0; i < tips.length; i++) {
            TableColumn<PlanNode, ?> col = table.getColumns().get(i);
            Label header = new Label(col.getText());
            header.setMinWidth(Region.USE_PREF_SIZE);
            header.setTooltip(new javafx.scene.control.Tooltip(tips[i]));
            col.setGraphic(header);
            col.setText(null);
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PlanNode item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("cost-high", "cost-medium");
                Plan p = vm.planProperty().get();
                if (!empty && item != null && p != null) {
                    String cls = PlanNodeFormat.costClass(PlanNodeFormat.share(p, item));
                    if (cls != null) {
                        getStyleClass().add(cls);
                    }
                }
            }
        });
        setCenter(table);

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!selecting && now != null) {
                vm.selectedNodeProperty().set(now);
            }
        });
        vm.selectedNodeProperty().addListener((obs, old, now) -> {
            if (!updates.stale()) {
                select(now);
            }
        });
        vm.planProperty().addListener((obs, old, now) -> updates.request());
        updates.request();
    }

    /**
     * A grid out of sight (its tab not selected) only notes a new plan and fills itself when it becomes
     * active, so that showing a plan of thousands of nodes costs nothing here until someone looks.
     *
     * @param on true when the grid is shown
     */
    public void setActive(boolean on) {
        updates.setActive(on);
    }

    private void update() {
        show(vm.planProperty().get());
        select(vm.selectedNodeProperty().get());
    }

    /** @return the table (tests look at it) */
    public TableView<PlanNode> table() {
        return table;
    }

    /** @return the filter field */
    public TextField filterField() {
        return filter;
    }

    private void show(Plan plan) {
        table.getSortOrder().clear();
        nodes.setAll(plan == null ? List.of() : plan.nodes());
        table.scrollTo(0);
        count.setText(filtered.size() + " of " + nodes.size() + " nodes");
    }

    private void select(PlanNode node) {
        if (node == table.getSelectionModel().getSelectedItem()) {
            return;
        }
        selecting = true;
        try {
            if (node == null || !table.getItems().contains(node)) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(node);
                table.scrollTo(Math.max(0, table.getItems().indexOf(node) - 3));
            }
        } finally {
            selecting = false;
        }
    }

    private double share(PlanNode n) {
        Plan p = vm.planProperty().get();
        return p == null ? 0 : PlanNodeFormat.share(p, n);
    }

    private static double or(OptionalDouble d) {
        return d.orElse(0);
    }

    private static String opt(OptionalDouble d) {
        return d.isPresent() ? PlanNodeFormat.count(d.getAsDouble()) : "";
    }

    private static TableColumn<PlanNode, String> text(String title, double width, Function<PlanNode, String> f) {
        TableColumn<PlanNode, String> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(f.apply(c.getValue())));
        return col;
    }

    /** A column that shows text but sorts by a number. */
    private static TableColumn<PlanNode, PlanNode> number(String title, double width, ToDoubleFunction<PlanNode> value,
                                                          Function<PlanNode, String> shown) {
        TableColumn<PlanNode, PlanNode> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        col.setComparator(Comparator.comparingDouble(value));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(PlanNode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : shown.apply(item));
            }
        });
        col.getStyleClass().add("number-column");
        return col;
    }
}
