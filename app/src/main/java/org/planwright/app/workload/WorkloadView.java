package org.planwright.app.workload;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.planwright.advice.index.IndexAdvice;
import org.planwright.workload.IndexCounters;
import org.planwright.workload.LoadHistory;
import org.planwright.workload.StatementFigures;
import org.planwright.workload.TableCounters;

/**
 * The Workload page: server and period on top; the class, read/write ratio and totals; the hourly load with the
 * next day's forecast (recorded periods); the top statements by total time, mean time and I/O. Binds to a
 * {@link WorkloadViewModel}. FX thread only.
 */
public final class WorkloadView extends BorderPane {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00", Locale.ROOT);

    private final WorkloadViewModel vm;
    private final ZoneId zone;
    private final LineChart<Number, Number> chart;

    /**
     * @param vm   the page's state
     * @param zone the zone the hours are shown in
     */
    public WorkloadView(WorkloadViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
        setId("workload-view");

        ComboBox<String> server = new ComboBox<>(vm.servers());
        server.setId("workload-server");
        server.valueProperty().bindBidirectional(vm.serverProperty());
        server.setPrefWidth(320);
        ComboBox<WorkloadPeriod> period = new ComboBox<>();
        period.getItems().setAll(WorkloadPeriod.values());
        period.setId("workload-period");
        period.valueProperty().bindBidirectional(vm.periodProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("workload-refresh");
        refresh.setOnAction(e -> vm.refresh());
        server.setOnAction(e -> vm.refresh());
        period.setOnAction(e -> vm.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        MenuItem adviseTop = new MenuItem("Top statements by total time");
        adviseTop.setId("workload-advise-top");
        MenuItem adviseFolder = new MenuItem("A folder of .sql files…");
        adviseFolder.setId("workload-advise-folder");
        MenuButton advise = new MenuButton("Advise indexes", null, adviseTop, adviseFolder);
        advise.setId("workload-advise");
        advise.disableProperty().bind(vm.adviceBusyProperty());
        setTop(new ToolBar(new Label("Server"), server, new Label("Period"), period, refresh, busy, advise));

        Label message = new Label();
        message.setId("workload-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label summary = new Label();
        summary.setId("workload-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        Label history = new Label();
        history.setId("workload-history");
        history.textProperty().bind(vm.historyTextProperty());
        history.setWrapText(true);
        VBox text = new VBox(8, message, summary, history);
        text.setPadding(new Insets(10));
        text.setPrefWidth(520);

        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setLabel("hour");
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number hours) {
                return HOUR.format(Instant.ofEpochSecond(hours.longValue() * 3600).atZone(zone));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel("average active statements");
        chart = new LineChart<>(x, y);
        chart.setId("workload-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setTitle("Load by hour, and the next day's forecast");
        chart.visibleProperty().bind(vm.historyProperty().isNotNull());
        chart.managedProperty().bind(chart.visibleProperty());
        vm.historyProperty().addListener((o, a, h) -> fillChart(h));
        HBox upper = new HBox(text, chart);
        HBox.setHgrow(chart, Priority.ALWAYS);

        TabPane tops = new TabPane(
                new Tab("Top by total time", table("workload-top-total", vm.topByTotalTime())),
                new Tab("Top by mean time", table("workload-top-mean", vm.topByMeanTime())),
                new Tab("Top by I/O", table("workload-top-io", vm.topByIo())),
                new Tab("Tables", tablesTable(vm.tables())),
                new Tab("Unused indexes", unusedIndexes(vm.unusedIndexes())));
        Tab adviceTab = new Tab("Index advice", advicePane(vm));
        adviceTab.setId("workload-advice-tab");
        tops.getTabs().add(adviceTab);
        tops.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        adviseTop.setOnAction(e -> {
            tops.getSelectionModel().select(adviceTab);
            vm.adviseTopStatements();
        });
        adviseFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A folder of .sql files to advise indexes for");
            java.io.File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                tops.getSelectionModel().select(adviceTab);
                vm.adviseFolder(dir.toPath());
            }
        });
        SplitPane split = new SplitPane(upper, tops);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        setCenter(split);
    }

    private static BorderPane advicePane(WorkloadViewModel vm) {
        Button cancel = new Button("Cancel");
        cancel.setId("workload-advice-cancel");
        cancel.setOnAction(e -> vm.cancelAdvice());
        cancel.visibleProperty().bind(vm.adviceBusyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        ProgressIndicator running = new ProgressIndicator();
        running.setPrefSize(18, 18);
        running.visibleProperty().bind(vm.adviceBusyProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label progress = new Label();
        progress.setId("workload-advice-progress");
        progress.textProperty().bind(vm.adviceProgressProperty());
        CheckBox locking = new CheckBox("Without HypoPG, build candidates in a rolled-back transaction (locks tables)");
        locking.setId("workload-advice-locking");
        locking.selectedProperty().bindBidirectional(vm.allowLockingBuildsProperty());
        locking.disableProperty().bind(vm.adviceBusyProperty());
        HBox bar = new HBox(8, running, progress, cancel);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("workload-advice-summary");
        summary.textProperty().bind(vm.adviceSummaryProperty());
        summary.setWrapText(true);
        VBox top = new VBox(6, locking, bar, summary);
        top.setPadding(new Insets(8));

        TableView<IndexAdvice.ChosenIndex> indexes = new TableView<>(vm.adviceIndexes());
        indexes.setId("workload-advice-indexes");
        TableColumn<IndexAdvice.ChosenIndex, String> sqlColumn = generic("index", c -> "CREATE INDEX CONCURRENTLY "
                + c.candidate().name() + " ON " + c.candidate().definition() + ";", 760);
        indexes.getColumns().add(sqlColumn);
        indexes.getColumns().add(generic("size", c -> String.format(Locale.ROOT, "%,.1f MB",
                c.sizeBytes() / 1048576.0), 90));
        indexes.getColumns().add(generic("cost cut", c -> String.format(Locale.ROOT, "%.0f%%",
                c.improvementPercent()), 80));
        indexes.getColumns().add(generic("helps", c -> String.join(", ", c.helps()), 360));
        sqlColumn.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String sql, boolean empty) {
                super.updateItem(sql, empty);
                setText(empty ? null : sql);
                setTooltip(empty || sql == null ? null : new javafx.scene.control.Tooltip(sql));
            }
        });
        indexes.setPlaceholder(new Label("Advise indexes for the top statements or a folder of .sql files"));
        TableView<IndexAdvice.Skipped> skipped = new TableView<>(vm.adviceSkipped());
        skipped.setId("workload-advice-skipped");
        skipped.getColumns().add(generic("skipped statement", IndexAdvice.Skipped::label, 220));
        skipped.getColumns().add(generic("reason", IndexAdvice.Skipped::reason, 900));
        skipped.setPlaceholder(new Label("No statement skipped"));
        SplitPane tables = new SplitPane(indexes, skipped);
        tables.setOrientation(javafx.geometry.Orientation.VERTICAL);
        tables.setDividerPositions(0.6);
        BorderPane pane = new BorderPane(tables);
        pane.setTop(top);
        return pane;
    }

    private void fillChart(LoadHistory h) {
        chart.getData().clear();
        if (h == null) {
            return;
        }
        XYChart.Series<Number, Number> load = new XYChart.Series<>();
        load.setName("recorded");
        h.hourly().forEach((hour, v) -> load.getData().add(new XYChart.Data<>(hour.getEpochSecond() / 3600, v)));
        XYChart.Series<Number, Number> forecast = new XYChart.Series<>();
        forecast.setName("forecast");
        for (LoadHistory.HourForecast f : h.forecastNextDay()) {
            forecast.getData().add(new XYChart.Data<>(f.hour().getEpochSecond() / 3600, f.averageActive()));
        }
        chart.getData().add(load);
        if (!forecast.getData().isEmpty()) {
            chart.getData().add(forecast);
        }
    }

    private static TableView<StatementFigures> table(String id, ObservableList<StatementFigures> rows) {
        TableView<StatementFigures> t = new TableView<>(rows);
        t.setId(id);
        t.getColumns().add(column("total ms", f -> String.format(Locale.ROOT, "%,.1f", f.totalExecMs()), 100));
        t.getColumns().add(column("share", f -> String.format(Locale.ROOT, "%.1f%%", 100 * f.shareOfTotal()), 60));
        t.getColumns().add(column("calls", f -> String.format(Locale.ROOT, "%,d", f.calls()), 90));
        t.getColumns().add(column("mean ms", f -> String.format(Locale.ROOT, "%,.2f", f.meanExecMs()), 90));
        t.getColumns().add(column("stddev ms", f -> String.format(Locale.ROOT, "%,.2f", f.stddevExecMs()), 90));
        t.getColumns().add(column("rows/call", f -> String.format(Locale.ROOT, "%,.1f", f.rowsPerCall()), 80));
        t.getColumns().add(column("hit %", f -> String.format(Locale.ROOT, "%.1f", 100 * f.hitRatio()), 60));
        t.getColumns().add(column("temp blocks", f -> String.format(Locale.ROOT, "%,d", f.tempBlksWritten()), 90));
        t.getColumns().add(column("query", f -> f.query().replaceAll("\\s+", " ").strip(), 700));
        t.setPlaceholder(new Label("No statements"));
        return t;
    }

    private static TableView<TableCounters> tablesTable(ObservableList<TableCounters> rows) {
        TableView<TableCounters> t = new TableView<>(rows);
        t.setId("workload-tables");
        t.getColumns().add(generic("table", TableCounters::qualifiedName, 260));
        t.getColumns().add(generic("seq scans", c -> String.format(Locale.ROOT, "%,d", c.seqScan()), 90));
        t.getColumns().add(generic("rows read by seq scans", c -> String.format(Locale.ROOT, "%,d", c.seqTupRead()), 160));
        t.getColumns().add(generic("index scans", c -> String.format(Locale.ROOT, "%,d", c.idxScan()), 100));
        t.getColumns().add(generic("inserted", c -> String.format(Locale.ROOT, "%,d", c.nTupIns()), 90));
        t.getColumns().add(generic("updated (HOT)", c -> String.format(Locale.ROOT, "%,d (%,d)", c.nTupUpd(),
                c.nTupHotUpd()), 130));
        t.getColumns().add(generic("deleted", c -> String.format(Locale.ROOT, "%,d", c.nTupDel()), 90));
        t.getColumns().add(generic("live rows", c -> String.format(Locale.ROOT, "%,d", c.nLiveTup()), 100));
        t.getColumns().add(generic("dead rows", c -> String.format(Locale.ROOT, "%,d", c.nDeadTup()), 100));
        t.setPlaceholder(new Label("No table statistics (live or recorded windows of the connected database have them)"));
        return t;
    }

    private static TableView<IndexCounters> unusedIndexes(ObservableList<IndexCounters> rows) {
        TableView<IndexCounters> t = new TableView<>(rows);
        t.setId("workload-unused-indexes");
        t.getColumns().add(generic("index", IndexCounters::qualifiedName, 320));
        t.getColumns().add(generic("table", IndexCounters::table, 260));
        t.setPlaceholder(new Label("Every index was scanned in this period"));
        return t;
    }

    private static <R> TableColumn<R, String> generic(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static TableColumn<StatementFigures, String> column(String title, Function<StatementFigures, String> value,
                                                               double width) {
        return generic(title, value, width);
    }
}
