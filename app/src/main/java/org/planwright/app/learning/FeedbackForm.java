package org.planwright.app.learning;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The feedback form's window: stars, would-apply-again, before/after times (pre-filled, editable), comment; Submit
 * validates; closing keeps a draft. Binds to a {@link FeedbackFormViewModel}. FX thread only.
 */
public final class FeedbackForm {

    private final Stage stage = new Stage();

    public FeedbackForm(Window owner, FeedbackFormViewModel vm) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        FeedbackFormViewModel.Subject s = vm.subject();
        stage.setTitle("Feedback on the " + s.recommendationKind() + " recommendation");
        ToggleGroup stars = new ToggleGroup();
        HBox starBox = new HBox(4);
        for (int i = 1; i <= 5; i++) {
            ToggleButton b = new ToggleButton("★".repeat(i));
            b.setId("stars-" + i);
            b.setUserData(i);
            b.setToggleGroup(stars);
            starBox.getChildren().add(b);
        }
        stars.selectedToggleProperty().addListener((o, a, t) -> vm.ratingProperty().set(t == null ? null : (Integer) t.getUserData()));
        vm.ratingProperty().addListener((o, a, r) -> stars.getToggles().forEach(t -> t.setSelected(r != null && r.equals(t.getUserData()))));
        CheckBox again = new CheckBox("I would apply it again");
        again.setAllowIndeterminate(true);
        again.setIndeterminate(true);
        again.selectedProperty().addListener((o, a, v) -> vm.applyAgainProperty().set(again.isIndeterminate() ? null : v));
        again.indeterminateProperty().addListener((o, a, v) -> vm.applyAgainProperty().set(v ? null : again.isSelected()));
        TextField before = new TextField();
        before.setId("before-ms");
        before.textProperty().bindBidirectional(vm.beforeMsProperty());
        TextField after = new TextField();
        after.setId("after-ms");
        after.textProperty().bindBidirectional(vm.afterMsProperty());
        Label change = new Label();
        before.textProperty().addListener(o -> change.setText(vm.improvementText()));
        after.textProperty().addListener(o -> change.setText(vm.improvementText()));
        TextArea comment = new TextArea();
        comment.setPrefRowCount(3);
        comment.textProperty().bindBidirectional(vm.commentProperty());
        Label ratingProblem = problem();
        Label beforeProblem = problem();
        Label afterProblem = problem();
        Label commentProblem = problem();
        vm.problems().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            ratingProblem.setText(vm.problemFor("rating"));
            beforeProblem.setText(vm.problemFor("beforeMs"));
            afterProblem.setText(vm.problemFor("afterMs"));
            commentProblem.setText(vm.problemFor("comment"));
        });
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        Button submit = new Button("Submit");
        submit.setDefaultButton(true);
        submit.setId("submit-feedback");
        submit.disableProperty().bind(vm.busyProperty().or(vm.submittedProperty()));
        submit.setOnAction(e -> vm.submit());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        vm.submittedProperty().addListener((o, a, v) -> {
            if (v) {
                stage.close();
            }
        });

        GridPane g = new GridPane(10, 6);
        g.setPadding(new Insets(14));
        int row = 0;
        String est = s.estimatedPercent() == null ? "–" : String.format(Locale.ROOT, "%.0f %%", s.estimatedPercent());
        g.addRow(row++, new Label("Estimated improvement"), new Label(est));
        g.addRow(row++, new Label("Rating"), starBox);
        g.add(ratingProblem, 1, row++);
        g.addRow(row++, new Label(""), again);
        g.addRow(row++, new Label("Before (median, ms)"), before);
        g.add(beforeProblem, 1, row++);
        g.addRow(row++, new Label("After (median, ms)"), after);
        g.add(afterProblem, 1, row++);
        g.addRow(row++, new Label(""), change);
        g.addRow(row++, new Label("Comment"), comment);
        g.add(commentProblem, 1, row++);
        g.add(status, 0, row, 2, 1);
        g.add(new HBox(8, submit, close), 1, ++row);
        stage.setScene(new Scene(g));
        stage.setOnHidden(e -> vm.close());
        vm.open();
    }

    private static Label problem() {
        Label l = new Label();
        l.setStyle("-fx-text-fill: #c0392b;");
        l.setWrapText(true);
        return l;
    }

    /**
     * Makes the form modeless (before {@link #show()}): the Advice pane offers it after each trial without blocking
     * the main window.
     *
     * @return this form
     */
    public FeedbackForm modeless() {
        stage.initModality(Modality.NONE);
        return this;
    }

    public void show() {
        stage.show();
    }
}
