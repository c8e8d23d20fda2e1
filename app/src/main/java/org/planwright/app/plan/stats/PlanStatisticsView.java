package org.planwright.app.plan.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.planwright.app.plan.DeferredUpdate;
import org.planwright.app.plan.PlanNodeFormat;
import org.planwright.app.plan.PlanViewModel;
import org.planwright.plans.Plan;

/**
 * Plan statistics ({@link PlanStatistics}) in three sortable tables: per table, per index, per node type.
 * Selecting a row selects the group's costliest node. FX thread only.
 */
public final class PlanStatisticsView extends BorderPane {

    private final PlanViewModel vm;
    private final TableView<StatRow> tables = table("stats-tables", "Table");
    private final TableView<StatRow> indexes = table("stats-indexes", "Index");
    private final TableView<StatRow> nodeTypes = table("stats-node-types", "Node type");
    private final DeferredUpdate updates = new DeferredUpdate(this::update);

    /** @param vm the plan view's state */
    public PlanStatisticsView(PlanViewModel vm) {
        this.vm = vm;
        setId("plan-statistics");
        getStyleClass().add("plan-statistics");
        SplitPane split = new SplitPane(titled("Per table", tables), titled("Per index", indexes),
                titled("Per node type", nodeTypes));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.34, 0.62);
        setCenter(split);
        for (TableView<StatRow> t : List.of(tables, indexes, nodeTypes)) {
            t.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
                Plan p = vm.planProperty().get();
                if (now != null && p != null && !now.nodeIds().isEmpty()) {
                    vm.selectedNodeProperty().set(p.node(now.nodeIds().getFirst()));
                }
            });
        }
        vm.planProperty().addListener((obs, old, now) -> updates.request());
        updates.request();
    }

    /**
     * Statistics out of sight (their tab not selected) are computed only when they become active.
     *
     * @param on true when the view is shown
     */
    public void setActive(boolean on) {
        updates.setActive(on);
    }

    private void update() {
        show(vm.planProperty().get());
    }

    /** @return the per-table statistics table */
    public TableView<StatRow> tablesTable() {
        return tables;
    }

    /** @return the per-index statistics table */
    public TableView<StatRow> indexesTable() {
        return indexes;
    }

    /** @return the per-node-type statistics table */
    public TableView<StatRow> nodeTypesTable() {
        return nodeTypes;
    }

    private void show(Plan plan) {
        PlanStatistics s = plan == null ? null : PlanStatistics.of(plan);
        tables.getItems().setAll(s == null ? List.of() : s.tables());
        indexes.getItems().setAll(s == null ? List.of() : s.indexes());
        nodeTypes.getItems().setAll(s == null ? List.of() : s.nodeTypes());
    }

    private static VBox titled(String title, TableView<StatRow> table) {
        Label l = new Label(title);
        l.getStyleClass().add("title");
        VBox box = new VBox(2, l, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("stats-box");
        return box;
    }

    private static TableView<StatRow> table(String id, String name) {
        TableView<StatRow> t = new TableView<>();
        t.setId(id);
        t.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        t.setPlaceholder(new Label("None in this plan"));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StatRow, String> first = new TableColumn<>(name);
        first.setPrefWidth(200);
        first.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        t.getColumns().setAll(List.of(first,
                number("Nodes", r -> r.count(), r -> String.valueOf(r.count())),
                number("Exclusive ms", StatRow::exclusiveMs, r -> PlanNodeFormat.millis(r.exclusiveMs())),
                number("Share %", StatRow::share, r -> String.format(Locale.ROOT, "%.1f", r.share() * 100)),
                number("Rows", StatRow::actualRows, r -> PlanNodeFormat.count(r.actualRows())),
                number("Shared hit", r -> r.sharedHit(), r -> PlanNodeFormat.count(r.sharedHit())),
                number("Shared read", r -> r.sharedRead(), r -> PlanNodeFormat.count(r.sharedRead()))));
        return t;
    }

    private static TableColumn<StatRow, StatRow> number(String title, ToDoubleFunction<StatRow> value,
                                                        Function<StatRow, String> shown) {
        TableColumn<StatRow, StatRow> col = new TableColumn<>(title);
        col.setPrefWidth(90);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        col.setComparator(Comparator.comparingDouble(value));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(StatRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : shown.apply(item));
            }
        });
        col.getStyleClass().add("number-column");
        return col;
    }
}
