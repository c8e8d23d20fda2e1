package org.planwright.app.compare;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.planwright.plans.PlanNode;
import org.planwright.plans.compare.Delta;
import org.planwright.plans.compare.NodePair;
import org.planwright.plans.compare.PlanChange;
import org.planwright.plans.compare.PlanComparison;
import org.planwright.plans.report.ReportLabels;
import org.planwright.plans.report.ReportText;

/**
 * The comparison window's content: pickers for the before and after plan, the verdict and totals on top, the
 * changes on the left and both plans side by side on the right (one row per matched pair, unmatched nodes in
 * grey), deltas coloured green (better) or red (worse). Binds to {@link ComparisonViewModel}. FX thread only.
 */
public final class ComparisonView extends BorderPane {

    private final ComparisonViewModel vm;
    private final TableView<ComparisonRow> table = new TableView<>();
    private final ListView<PlanChange> changeList;
    private final GridPane totalsGrid = new GridPane();

    /**
     * @param vm     the comparison state
     * @param onOpen opens a plan file (the window shows the file chooser)
     */
    public ComparisonView(ComparisonViewModel vm, Runnable onOpen) {
        this.vm = vm;
        setId("comparison-view");
        getStyleClass().add("comparison-view");
        getStylesheets().add(ComparisonView.class.getResource("compare.css").toExternalForm());

        ComboBox<PlanSource> before = picker("before-picker", vm.beforeProperty());
        ComboBox<PlanSource> after = picker("after-picker", vm.afterProperty());
        Button open = new Button("Open plan file…");
        open.setOnAction(e -> onOpen.run());
        Button compare = new Button("Compare");
        compare.setId("compare-button");
        compare.setDefaultButton(true);
        compare.disableProperty().bind(vm.busyProperty().or(vm.beforeProperty().isNull()).or(vm.afterProperty().isNull()));
        compare.setOnAction(e -> vm.compare());
        HBox pickers = new HBox(new Label("Before"), before, new Label("After"), after, open, compare);
        pickers.getStyleClass().add("pickers");

        Label verdict = new Label();
        verdict.setId("verdict");
        verdict.getStyleClass().add("verdict");
        verdict.textProperty().bind(vm.verdictProperty());
        vm.comparisonProperty().addListener((obs, old, now) -> {
            verdict.getStyleClass().removeAll("better", "worse");
            if (now != null && now.verdict() != PlanComparison.Verdict.SAME) {
                verdict.getStyleClass().add(now.verdict() == PlanComparison.Verdict.FASTER ? "better" : "worse");
            }
        });
        Label error = new Label();
        error.setId("compare-error");
        error.getStyleClass().add("compare-error");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        totalsGrid.getStyleClass().add("totals");
        vm.totals().addListener((ListChangeListener<TotalRow>) c -> fillTotals());
        setTop(new VBox(pickers, verdict, error, totalsGrid));

        changeList = new ListView<>(vm.changes());
        changeList.setId("changes");
        changeList.setPlaceholder(new Label("No changes"));
        changeList.setCellFactory(l -> new ChangeCell());
        changeList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectedChangeProperty().set(now));
        Label changesTitle = new Label("Changes");
        changesTitle.getStyleClass().add("title");
        VBox left = new VBox(changesTitle, changeList);
        VBox.setVgrow(changeList, Priority.ALWAYS);

        buildTable();
        SplitPane split = new SplitPane(left, table);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.2);
        setCenter(split);
        fillTotals();
    }

    /** @return the side-by-side table (tests look at it) */
    public TableView<ComparisonRow> table() {
        return table;
    }

    /** @return the list of changes (tests look at it) */
    public ListView<PlanChange> changeList() {
        return changeList;
    }

    private ComboBox<PlanSource> picker(String id, javafx.beans.property.ObjectProperty<PlanSource> value) {
        ComboBox<PlanSource> box = new ComboBox<>(vm.choices());
        box.setId(id);
        box.setPrefWidth(330);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private void fillTotals() {
        totalsGrid.getChildren().clear();
        String[] head = {"", "Before", "After", "Change"};
        for (int c = 0; c < head.length; c++) {
            Label h = new Label(head[c]);
            h.getStyleClass().add("head");
            totalsGrid.add(h, c, 0);
        }
        int r = 1;
        for (TotalRow t : vm.totals()) {
            Label change = new Label(t.change());
            trendStyle(change.getStyleClass(), t.trend());
            totalsGrid.addRow(r++, new Label(t.label()), new Label(t.before()), new Label(t.after()), change);
        }
    }

    private void buildTable() {
        table.setId("comparison-table");
        table.getStyleClass().add("comparison-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("Pick a before and an after plan, then Compare"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("Before", 320, r -> r.before() == null ? "" : indent(r, r.before())));
        table.getColumns().add(text("ms", 70, r -> r.before() == null ? "" : ReportText.number(r.before().exclusiveTime(), 3)));
        table.getColumns().add(delta("Δ ms", 80, NodePair::exclusiveTime, 3, PlanComparison.TIME_FLOOR_MS));
        table.getColumns().add(text("ms ", 70, r -> r.after() == null ? "" : ReportText.number(r.after().exclusiveTime(), 3)));
        table.getColumns().add(text("After", 320, r -> r.after() == null ? "" : indent(r, r.after())));
        table.getColumns().add(text("Rows", 120, r -> r.pair() == null ? "" : arrow(r.pair().actualRows(), 0)));
        table.getColumns().add(delta("Δ read", 90, NodePair::sharedReadBlocks, 0, 0));
        for (int i : new int[] {1, 2, 3}) {
            table.getColumns().get(i).setStyle("-fx-alignment: center-right;");
        }
        table.getColumns().get(1).setText("ms");
        table.getColumns().get(6).setStyle("-fx-alignment: center-right;");
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ComparisonRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("unmatched", "changed");
                if (!empty && row != null) {
                    if (!row.matched()) {
                        getStyleClass().add("unmatched");
                    } else if (!row.pair().sameOperation()) {
                        getStyleClass().add("changed");
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectedRowProperty().set(now));
        vm.selectedRowProperty().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
                if (now != null) {
                    table.scrollTo(Math.max(0, table.getItems().indexOf(now) - 2));
                }
            }
        });
    }

    private static String indent(ComparisonRow r, PlanNode n) {
        return " ".repeat(2 * ReportText.depth(n)) + n.id() + " " + ReportText.nodeName(n);
    }

    private static String arrow(Delta d, int digits) {
        return d.unchanged() ? ReportText.number(d.before(), digits)
                : ReportText.number(d.before(), digits) + " → " + ReportText.number(d.after(), digits);
    }

    private static TableColumn<ComparisonRow, String> text(String title, double width, Function<ComparisonRow, String> f) {
        TableColumn<ComparisonRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        return c;
    }

    private static TableColumn<ComparisonRow, ComparisonRow> delta(String title, double width,
                                                                 Function<NodePair, Delta> which, int digits,
                                                                 double floor) {
        TableColumn<ComparisonRow, ComparisonRow> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new javafx.beans.property.SimpleObjectProperty<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ComparisonRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("delta-better", "delta-worse");
                if (empty || row == null || row.pair() == null) {
                    setText(null);
                    return;
                }
                Delta d = which.apply(row.pair());
                setText(digits == 0 && d.unchanged() ? ReportText.number(d.before(), 0) : ReportText.signed(d.difference(), digits));
                trendStyle(getStyleClass(), d.trend(PlanComparison.NOISE_FRACTION, floor));
            }
        });
        return c;
    }

    private static void trendStyle(javafx.collections.ObservableList<String> classes, Delta.Trend trend) {
        classes.removeAll("delta-better", "delta-worse");
        if (trend == Delta.Trend.BETTER) {
            classes.add("delta-better");
        } else if (trend == Delta.Trend.WORSE) {
            classes.add("delta-worse");
        }
    }

    /** A change: its kind in bold, then its description. */
    private static final class ChangeCell extends ListCell<PlanChange> {
        @Override
        protected void updateItem(PlanChange ch, boolean empty) {
            super.updateItem(ch, empty);
            if (empty || ch == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label kind = new Label(ReportLabels.kind(ch.kind()));
            kind.getStyleClass().add("change-kind");
            Label what = new Label(ch.description());
            what.setWrapText(true);
            what.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            setGraphic(new VBox(1, kind, what));
        }
    }
}
