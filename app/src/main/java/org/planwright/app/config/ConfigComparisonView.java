package org.planwright.app.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.planwright.tuning.compare.ComparisonLine;
import org.planwright.tuning.compare.ParameterGroup;

/**
 * The configuration comparison panes: two choosers, Compare, "only differences", the export menu; the parameters
 * side by side grouped (memory, WAL, planner, parallelism, autovacuum, logging, ...) with the differing values
 * highlighted; the change history timeline beside them. Binds to a {@link ConfigComparisonViewModel}; FX thread.
 */
public final class ConfigComparisonView extends BorderPane {

    private static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");
    private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");

    /** One row of the tree: a group heading or a parameter. */
    public record Row(String parameter, String left, String right, boolean differs, boolean group) {
    }

    private final TreeTableView<Row> table = new TreeTableView<>();
    private final ListView<HistoryItem> timeline = new ListView<>();

    /**
     * @param vm     the state
     * @param export called with the export kind chosen (the window saves or copies the text)
     */
    public ConfigComparisonView(ConfigComparisonViewModel vm, Consumer<ExportKind> export) {
        getStyleClass().add("config-comparison");
        getStylesheets().add("data:text/css," + (".config-comparison .tree-table-row-cell:differs .tree-table-cell"
                + "{-fx-background-color:rgba(255,170,0,0.22);-fx-font-weight:bold;}"
                + ".config-comparison .tree-table-row-cell:group .tree-table-cell{-fx-font-weight:bold;"
                + "-fx-background-color:rgba(128,128,128,0.12);}").replace(" ", "%20"));
        ComboBox<ConfigSource> left = chooser(vm, "left-config");
        left.valueProperty().bindBidirectional(vm.leftProperty());
        ComboBox<ConfigSource> right = chooser(vm, "right-config");
        right.valueProperty().bindBidirectional(vm.rightProperty());
        Button compare = new Button("Compare");
        compare.setId("compare-config");
        compare.setDefaultButton(true);
        compare.disableProperty().bind(vm.busyProperty());
        compare.setOnAction(e -> vm.compare());
        CheckBox only = new CheckBox("Only differences");
        only.setId("only-differences");
        only.selectedProperty().bindBidirectional(vm.onlyDifferencesProperty());
        MenuButton exportButton = new MenuButton("Export");
        exportButton.setId("export-config");
        for (ExportKind k : ExportKind.values()) {
            MenuItem item = new MenuItem(k.label() + "…");
            item.setOnAction(e -> export.accept(k));
            exportButton.getItems().add(item);
        }
        Label summary = new Label();
        summary.setId("config-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Left"), left, new Label("Right"), right, compare, only, grow, summary,
                exportButton);
        bar.setPadding(new Insets(8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(new VBox(bar, error));

        table.setId("config-table");
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<Row, String> name = column("Parameter", Row::parameter, 260);
        TreeTableColumn<Row, String> l = column("Left", Row::left, 220);
        l.textProperty().bind(vm.leftLabelProperty().map(s -> s.isEmpty() ? "Left" : s));
        TreeTableColumn<Row, String> r = column("Right", Row::right, 220);
        r.textProperty().bind(vm.rightLabelProperty().map(s -> s.isEmpty() ? "Right" : s));
        table.getColumns().addAll(List.of(name, l, r));
        table.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(DIFFERS, !empty && item != null && item.differs() && !item.group());
                pseudoClassStateChanged(GROUP, !empty && item != null && item.group());
            }
        });
        vm.lines().addListener((ListChangeListener<ComparisonLine>) c -> rebuild(vm.lines()));

        timeline.setId("config-history");
        timeline.setItems(vm.history());
        timeline.setPlaceholder(new Label("No configuration change recorded in this workspace"));
        timeline.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(HistoryItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.when() + "  " + item.action() + "  " + item.parameter()
                        + "  " + item.change() + (item.result().isEmpty() ? "" : "\n    " + item.result()));
                // who made it (and who approved it, where approval is required): in the tooltip, so that every
                // entry keeps to two lines
                setTooltip(empty || item == null || item.who().isEmpty() ? null : new Tooltip("By " + item.who()));
            }
        });
        Label historyTitle = new Label("Change history");
        historyTitle.setStyle("-fx-font-weight: bold;");
        VBox historyPane = new VBox(4, historyTitle, timeline);
        historyPane.setPadding(new Insets(0, 0, 0, 6));
        VBox.setVgrow(timeline, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, historyPane);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        setCenter(split);
    }

    /** Puts the Apply pane below the comparison (when connected). */
    public void showApply(ConfigApplyPane pane) {
        SplitPane outer = new SplitPane(getCenter(), pane);
        outer.setOrientation(Orientation.VERTICAL);
        outer.setDividerPositions(0.68);
        setCenter(outer);
    }

    /** @return the parameter tree (tests) */
    public TreeTableView<Row> table() {
        return table;
    }

    /** @return the history timeline (tests) */
    public ListView<HistoryItem> timeline() {
        return timeline;
    }

    private void rebuild(List<ComparisonLine> lines) {
        TreeItem<Row> root = new TreeItem<>(new Row("", "", "", false, true));
        Map<ParameterGroup, TreeItem<Row>> groups = new LinkedHashMap<>();
        for (ComparisonLine line : lines) {
            TreeItem<Row> g = groups.computeIfAbsent(line.group(), k -> {
                long n = lines.stream().filter(x -> x.group() == k && x.differs()).count();
                TreeItem<Row> item = new TreeItem<>(new Row(k.label() + "  (" + n + " differ)", "", "", n > 0, true));
                item.setExpanded(true);
                root.getChildren().add(item);
                return item;
            });
            g.getChildren().add(new TreeItem<>(new Row(line.parameter(), line.left(), line.right(), line.differs(),
                    false)));
        }
        table.setRoot(root);
    }

    private static ComboBox<ConfigSource> chooser(ConfigComparisonViewModel vm, String id) {
        ComboBox<ConfigSource> box = new ComboBox<>(vm.choices());
        box.setId(id);
        box.setPrefWidth(280);
        return box;
    }

    private static TreeTableColumn<Row, String> column(String title, java.util.function.Function<Row, String> value,
                                                       double width) {
        TreeTableColumn<Row, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().getValue() == null ? ""
                : value.apply(f.getValue().getValue())));
        return c;
    }
}
