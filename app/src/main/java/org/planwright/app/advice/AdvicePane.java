package org.planwright.app.advice;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.planwright.advice.Recommendation;
import org.planwright.advice.trial.TrialResult;

/**
 * The Advice pane beside the plan: a tool bar (Advise, Try, Apply, Compare plans, Cancel, progress), the ranked
 * recommendations, and the selected one's evidence and SQL with the last trial's before/after numbers. Binds to an
 * {@link AdviceViewModel}; "Compare plans" hands the trial to the host, which opens the comparison view.
 */
public final class AdvicePane extends BorderPane {

    private final ListView<Recommendation> list = new ListView<>();

    /**
     * @param vm        the view model
     * @param query     supplies the statement to advise on (the editor's statement under the caret)
     * @param compare   opens the comparison view for a trial's before and after plans
     */
    public AdvicePane(AdviceViewModel vm, java.util.function.Supplier<String> query, Consumer<TrialResult> compare) {
        this(vm, query, compare, null);
    }

    /**
     * @param vm        the view model
     * @param query     supplies the statement to advise on (the editor's statement under the caret)
     * @param compare   opens the comparison view for a trial's before and after plans
     * @param feedback  opens the feedback form for a finished trial (non-modal, pre-filled); it opens by itself
     *                  when a trial finishes, and the Feedback… button opens it again (its draft kept); null for
     *                  none (no store)
     */
    public AdvicePane(AdviceViewModel vm, java.util.function.Supplier<String> query, Consumer<TrialResult> compare,
                      Consumer<TrialResult> feedback) {
        setId("advice-pane");
        Button advise = new Button("Advise");
        advise.setId("advise-button");
        advise.setOnAction(e -> vm.advise(query.get()));
        Button tryIt = new Button("Try");
        tryIt.setId("try-button");
        tryIt.setOnAction(e -> vm.trySelected());
        Button apply = new Button("Apply…");
        apply.setId("apply-button");
        apply.setOnAction(e -> vm.applySelected());
        Button comparePlans = new Button("Compare plans");
        comparePlans.setId("compare-plans-button");
        comparePlans.setOnAction(e -> {
            if (vm.trialProperty().get() != null) {
                compare.accept(vm.trialProperty().get());
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        advise.disableProperty().bind(vm.busyProperty());
        tryIt.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
        apply.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
        comparePlans.disableProperty().bind(vm.trialProperty().isNull());
        cancel.disableProperty().bind(vm.busyProperty().not());
        ToolBar tools = new ToolBar(advise, tryIt, apply, comparePlans, cancel, bar);
        if (feedback != null) {
            Button feedbackButton = new Button("Feedback…");
            feedbackButton.setId("feedback-button");
            feedbackButton.setOnAction(e -> {
                if (vm.trialProperty().get() != null) {
                    feedback.accept(vm.trialProperty().get());
                }
            });
            feedbackButton.disableProperty().bind(vm.trialProperty().isNull());
            tools.getItems().add(4, feedbackButton);
            vm.setOnTrialFinished(feedback);
        }
        setTop(tools);

        list.setItems(vm.recommendations());
        list.setId("recommendations");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Recommendation r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : vm.label(r));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(b);
            }
        });
        TextArea details = new TextArea();
        details.setId("advice-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.textProperty().bind(vm.detailsProperty());
        Label trial = new Label();
        trial.setId("trial-summary");
        trial.setWrapText(true);
        trial.textProperty().bind(vm.trialSummaryProperty());
        VBox right = new VBox(6, trial, details);
        VBox.setVgrow(details, Priority.ALWAYS);
        right.setPadding(new Insets(4));
        setCenter(new SplitPane(list, right));
        Label status = new Label();
        status.setId("advice-status");
        status.textProperty().bind(vm.statusProperty());
        status.setPadding(new Insets(2, 6, 2, 6));
        setBottom(status);
    }

    /** @return the recommendation list (tests) */
    public ListView<Recommendation> list() {
        return list;
    }
}
