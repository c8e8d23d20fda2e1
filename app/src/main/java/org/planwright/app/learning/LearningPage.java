package org.planwright.app.learning;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.planwright.learning.Accuracy;
import org.planwright.learning.LearningReport;
import org.planwright.learning.LearningSnapshot;
import org.planwright.store.TrialOutcome;

/**
 * The Learning page: accuracy over time (per-trial score and rolling mean, trend in the title), estimated vs actual
 * improvement with the ideal line, bias by recommendation kind, feedback statistics, top patterns with success
 * rates, model versions with metrics, the improvement report, and the recent trials with a Feedback button. Built
 * in code; binds to a {@link LearningPageViewModel}. Charts: the built-in {@code javafx.scene.chart} (hundreds of
 * points; issue 10). FX thread only.
 */
public final class LearningPage extends ScrollPane {

    private final LineChart<Number, Number> accuracy = new LineChart<>(axis("trial (in time order)"), percentAxis("accuracy score %"));
    private final LineChart<Number, Number> scatter = new LineChart<>(axis("estimated improvement %"), axis("actual improvement %"));
    private final BarChart<String, Number> bias = new BarChart<>(new CategoryAxis(), zeroAxis("mean estimated − actual (points)"));
    private final BarChart<String, Number> feedback = new BarChart<>(new CategoryAxis(), zeroAxis("% (rates, improvements)"));
    private final TableView<LearningReport.Pattern> patterns = new TableView<>();
    private final TableView<LearningReport.ModelVersion> models = new TableView<>();
    private final TableView<TrialOutcome> trials = new TableView<>();
    private final Label note = new Label();
    private final Label summary = new Label();
    private final VBox improvement = new VBox(4);

    /**
     * @param vm          the page's view model
     * @param onFeedback  opens the feedback form for a trial
     */
    public LearningPage(LearningPageViewModel vm, Consumer<TrialOutcome> onFeedback) {
        setId("learning-page");
        setFitToWidth(true);
        accuracy.setTitle("Accuracy over time");
        accuracy.setCreateSymbols(false);
        scatter.setTitle("Estimated vs actual");
        bias.setTitle("Bias by recommendation kind");
        bias.setLegendVisible(false);
        feedback.setTitle("Feedback");
        for (var c : List.of(accuracy, scatter, bias, feedback)) {
            c.setAnimated(false);
            c.setPrefHeight(300);
        }
        note.setWrapText(true);
        note.setId("estimator-note");
        summary.setId("learning-summary");
        summary.textProperty().bind(vm.messageProperty());
        patterns.getColumns().setAll(List.of(
                column("pattern", LearningReport.Pattern::signature, 330), column("kind", LearningReport.Pattern::kind, 80),
                column("trials", p -> String.valueOf(p.attempts()), 50),
                column("success", p -> pct(p.successRate()), 60),
                column("median %", p -> num(p.medianImprovementPercent()), 70)));
        models.getColumns().setAll(List.of(column("version", m -> "v" + m.version(), 60),
                column("trained on", m -> String.valueOf(m.trainingSize()), 70),
                column("CV MAE", m -> num(m.cvMae()), 60), column("held-out MAE", m -> num(m.holdoutMae()), 85),
                column("baseline MAE", m -> num(m.baselineMae()), 85),
                column("deployed", m -> m.deployed() ? "yes" : "no", 65)));
        trials.getColumns().setAll(List.of(column("finished", t -> t.finishedAt().toString().replace('T', ' ').replace("Z", ""), 140),
                column("kind", TrialOutcome::recommendationKind, 80),
                column("estimated %", t -> num(t.estimatedImprovementPercent()), 80),
                column("actual %", t -> num(t.actualImprovementPercent()), 70),
                column("pattern", TrialOutcome::patternSignature, 260)));
        for (TableView<?> t : List.of(patterns, models, trials)) {
            t.setPrefHeight(190);
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
        Button give = new Button("Feedback on the selected trial…");
        give.setId("give-feedback");
        give.disableProperty().bind(trials.getSelectionModel().selectedItemProperty().isNull());
        give.setOnAction(e -> onFeedback.accept(trials.getSelectionModel().getSelectedItem()));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());

        GridPane grid = new GridPane(12, 12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().setAll(half, half);
        grid.add(accuracy, 0, 0);
        grid.add(scatter, 1, 0);
        grid.add(bias, 0, 1);
        grid.add(feedback, 1, 1);
        grid.add(titled("Top patterns", patterns), 0, 2);
        grid.add(titled("Model versions", models), 1, 2);
        grid.add(titled("Improvement report", improvement), 0, 3);
        grid.add(titled("Recent trials", trials, new HBox(8, give, refresh)), 1, 3);
        VBox root = new VBox(8, summary, note, grid);
        root.setPadding(new Insets(12));
        setContent(root);
        vm.snapshotProperty().addListener((o, a, s) -> show(s));
        if (vm.snapshotProperty().get() != null) {
            show(vm.snapshotProperty().get());
        }
    }

    private void show(LearningSnapshot s) {
        LearningReport r = s.report();
        note.setText(s.estimatorNote());
        accuracy.setTitle("Accuracy over time — trend: " + r.trend().name().toLowerCase(Locale.ROOT)
                + (r.trendPValue() == null ? "" : String.format(Locale.ROOT, " (Mann-Kendall p = %.3f)", r.trendPValue())));
        XYChart.Series<Number, Number> score = new XYChart.Series<>();
        score.setName("per trial");
        XYChart.Series<Number, Number> rolling = new XYChart.Series<>();
        rolling.setName("mean of last 10");
        int i = 1;
        for (Accuracy.Point p : s.accuracy()) {
            score.getData().add(new XYChart.Data<>(i, 100 * p.score()));
            rolling.getData().add(new XYChart.Data<>(i, 100 * p.rolling()));
            i++;
        }
        accuracy.getData().setAll(List.of(score, rolling));
        score.getNode().setStyle("-fx-stroke-width: 1px; -fx-opacity: 0.45;");
        rolling.getNode().setStyle("-fx-stroke-width: 3px;");

        Map<String, XYChart.Series<Number, Number>> byKind = new TreeMap<>();
        double lo = 0;
        double hi = 100;
        for (LearningSnapshot.EstimatePoint p : s.estimates()) {
            byKind.computeIfAbsent(p.kind(), k -> {
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName(k);
                return series;
            }).getData().add(new XYChart.Data<>(p.estimatedPercent(), p.actualPercent()));
            lo = Math.min(lo, Math.min(p.estimatedPercent(), p.actualPercent()));
        }
        XYChart.Series<Number, Number> ideal = new XYChart.Series<>();
        ideal.setName("ideal (actual = estimated)");
        ideal.getData().add(new XYChart.Data<>(lo, lo));
        ideal.getData().add(new XYChart.Data<>(hi, hi));
        scatter.getData().setAll(byKind.values());
        scatter.getData().add(ideal);
        for (XYChart.Series<Number, Number> series : byKind.values()) {
            series.getNode().setStyle("-fx-stroke: transparent;"); // points only
        }
        ideal.getNode().setStyle("-fx-stroke: #666666; -fx-stroke-dash-array: 6 4; -fx-stroke-width: 1.5px;");
        for (XYChart.Data<Number, Number> d : ideal.getData()) {
            d.getNode().setVisible(false);
        }

        XYChart.Series<String, Number> b = new XYChart.Series<>();
        for (LearningReport.KindBias k : r.bias()) {
            b.getData().add(new XYChart.Data<>(k.kind() + (k.significant() ? " *" : ""),
                    k.meanErrorPercent() == null ? 0 : k.meanErrorPercent()));
        }
        bias.getData().setAll(List.of(b));

        XYChart.Series<String, Number> f = new XYChart.Series<>();
        f.setName(r.feedbackOverall().total() + " submitted, average rating " + num(r.feedbackOverall().averageRating()));
        LearningReport.Stats st = r.feedbackOverall();
        f.getData().add(new XYChart.Data<>("rated", pctValue(st.ratedShare())));
        f.getData().add(new XYChart.Data<>("success rate", pctValue(st.successRate())));
        f.getData().add(new XYChart.Data<>("approval (≥ 4★)", pctValue(st.approvalRate())));
        f.getData().add(new XYChart.Data<>("avg estimated %", st.averageEstimatedPercent() == null ? 0 : st.averageEstimatedPercent()));
        f.getData().add(new XYChart.Data<>("avg actual %", st.averageActualPercent() == null ? 0 : st.averageActualPercent()));
        feedback.getData().setAll(List.of(f));

        patterns.getItems().setAll(r.topPatterns());
        models.getItems().setAll(r.models());
        trials.getItems().setAll(s.recentTrials());
        improvement.getChildren().clear();
        section("What works", r.whatWorks());
        section("What does not", r.whatDoesNot());
        section("Findings", r.findings());
        if (r.learnedHoldoutMae() != null) {
            improvement.getChildren().add(wrapped(String.format(Locale.ROOT,
                    "Learned vs cost-only error on held-out trials: %.1f vs %.1f points", r.learnedHoldoutMae(),
                    r.costOnlyHoldoutMae())));
        }
    }

    private void section(String title, List<String> lines) {
        Label t = new Label(title);
        t.setStyle("-fx-font-weight: bold;");
        improvement.getChildren().add(t);
        if (lines.isEmpty()) {
            improvement.getChildren().add(wrapped("(none yet)"));
        }
        for (String l : lines.subList(0, Math.min(6, lines.size()))) {
            improvement.getChildren().add(wrapped("• " + l));
        }
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static VBox titled(String title, javafx.scene.Node... content) {
        Label t = new Label(title);
        t.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold;");
        VBox box = new VBox(6, t);
        box.getChildren().addAll(content);
        for (javafx.scene.Node n : content) {
            VBox.setVgrow(n, Priority.ALWAYS);
        }
        return box;
    }

    private static NumberAxis percentAxis(String label) {
        NumberAxis a = new NumberAxis(label, 0, 100, 10);
        a.setAutoRanging(false);
        return a;
    }

    private static NumberAxis zeroAxis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(true);
        return a;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(false);
        return a;
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static String num(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }

    private static double pctValue(Double v) {
        return v == null ? 0 : 100 * v;
    }
}
