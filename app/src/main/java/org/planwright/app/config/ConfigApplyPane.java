package org.planwright.app.config;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.planwright.tuning.apply.ChangePlan;

/**
 * The Apply part of the configuration window: the recommendations with a box each, how to measure, Apply… (which
 * validates, then asks in a confirmation dialog listing parameter, old → new and reload/restart), a progress
 * indicator with the phase and Cancel while it runs, and the measured result. Binds to a
 * {@link ConfigApplyViewModel}; FX thread.
 */
public final class ConfigApplyPane extends VBox {

    private final ListView<RecommendationItem> list = new ListView<>();
    private Alert confirmation;
    /** held so that the bidirectional binding of the spinner to the view model lives as long as the pane */
    private final javafx.beans.property.ObjectProperty<Integer> secondsValue;

    /**
     * @param vm     the state
     * @param server the server's label, named in the confirmation
     */
    public ConfigApplyPane(ConfigApplyViewModel vm, String server) {
        super(6);
        secondsValue = vm.secondsProperty().asObject();
        setPadding(new Insets(6, 8, 8, 8));
        Label title = new Label("Apply recommendations to " + server);
        title.setStyle("-fx-font-weight: bold;");
        list.setId("config-recommendations");
        list.setItems(vm.recommendations());
        list.setPrefHeight(120);
        list.setPlaceholder(new Label("No change proposed: nothing in the workload's statistics shows one would help"));
        list.setCellFactory(v -> new CheckBoxListCell<>(RecommendationItem::chosenProperty) {
            @Override
            public void updateItem(RecommendationItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label() + "  —  " + item.recommendation().reason());
                setTooltip(empty || item == null ? null : new Tooltip(String.join("\n",
                        item.recommendation().evidence())));
            }
        });
        ComboBox<ConfigChanger.Measure.Kind> measure = new ComboBox<>();
        measure.setId("config-measure");
        measure.getItems().setAll(ConfigChanger.Measure.Kind.values());
        measure.valueProperty().bindBidirectional(vm.measureProperty());
        Spinner<Integer> seconds = new Spinner<>(2, 3600, vm.secondsProperty().get(), 5);
        seconds.setEditable(true);
        seconds.setPrefWidth(90);
        seconds.getValueFactory().valueProperty().bindBidirectional(secondsValue);
        Button apply = new Button("Apply…");
        apply.setId("config-apply");
        apply.disableProperty().bind(vm.canApplyBinding().not());
        apply.setOnAction(e -> vm.prepare());
        Button cancel = new Button("Cancel");
        cancel.setId("config-apply-cancel");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        ProgressIndicator busy = new ProgressIndicator(-1);
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.runningProperty().or(vm.loadingProperty()));
        busy.managedProperty().bind(busy.visibleProperty());
        Label phase = new Label();
        phase.setId("config-apply-progress");
        phase.textProperty().bind(vm.progressProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button trial = new Button("Try on statements…");
        trial.setId("config-trial");
        trial.setTooltip(new Tooltip("Try the session settings (work_mem, random_page_cost, jit, ...) on a folder of "
                + "SQL statements under SET LOCAL in rolled-back transactions; keep only those shown to help"));
        trial.disableProperty().bind(vm.runningProperty().or(vm.loadingProperty()));
        trial.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("Folder of SQL statements to try the settings on");
            java.io.File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                vm.trySettings(java.util.List.of(dir.toPath()));
            }
        });
        HBox bar = new HBox(8, new Label("Measure"), measure, new Label("window (s)"), seconds, apply, trial, busy,
                phase, cancel, grow);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label result = new Label();
        result.setId("config-apply-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());
        Label error = new Label();
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        getChildren().addAll(title, list, bar, result, error);
        VBox.setVgrow(list, Priority.ALWAYS);
        vm.pendingProperty().addListener((o, was, plan) -> {
            if (plan != null) {
                confirm(vm, server, plan);
            }
        });
    }

    private void confirm(ConfigApplyViewModel vm, String server, ChangePlan plan) {
        ButtonType applyNow = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, String.join("\n", vm.confirmationLines(plan)), applyNow,
                ButtonType.CANCEL);
        alert.setTitle("Apply configuration changes");
        alert.setHeaderText("Change the configuration of " + server + "?");
        alert.getDialogPane().setId("config-apply-confirmation");
        alert.getDialogPane().setMinWidth(620);
        if (vm.approvalRequiredProperty().get()) {
            // the store's admin-approval preference: who approved goes into the history with the change
            Label lines = new Label(String.join("\n", vm.confirmationLines(plan)));
            lines.setWrapText(true);
            lines.setMaxWidth(600);
            Label ask = new Label("Configuration changes here need an administrator's approval. Approved by:");
            TextField approver = new TextField();
            approver.setId("config-apply-approver");
            approver.setPromptText("name of the approving administrator");
            approver.textProperty().bindBidirectional(vm.approvedByProperty());
            alert.getDialogPane().setContent(new VBox(8, lines, ask, approver));
            alert.getDialogPane().lookupButton(applyNow).disableProperty().bind(javafx.beans.binding.Bindings
                    .createBooleanBinding(() -> vm.approvedByProperty().get() == null
                            || vm.approvedByProperty().get().isBlank(), vm.approvedByProperty()));
        }
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.resultProperty().addListener((o, a, b) -> {
            if (b == applyNow) {
                vm.confirm();
            } else {
                vm.dismiss();
            }
        });
        confirmation = alert;
        alert.show();
    }

    /** @return the recommendation list (tests) */
    public ListView<RecommendationItem> list() {
        return list;
    }

    /** @return the last confirmation dialog, or null (tests) */
    public Alert confirmation() {
        return confirmation;
    }
}
