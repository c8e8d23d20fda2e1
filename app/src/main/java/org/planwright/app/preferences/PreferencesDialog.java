package org.planwright.app.preferences;

import atlantafx.base.theme.Styles;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.planwright.plans.InsightThreshold;
import org.planwright.plans.InsightThresholds;

/**
 * The preferences dialog: every insight threshold with its unit and source, "Reset to defaults", and OK, which
 * stays refused while a value is not valid (the problem shows under the grid). Returns the thresholds typed, to be
 * applied to the next analysis. Fields have ids {@link #fieldId} for tests. FX thread only.
 */
public final class PreferencesDialog extends Dialog<InsightThresholds> {

    /**
     * @param t a threshold
     * @return the id of its field: "threshold-" and the key with dashes for dots (ids are CSS selectors), e.g.
     *         "threshold-removed-rows-fraction"
     */
    public static String fieldId(InsightThreshold t) {
        return "threshold-" + t.key().replace('.', '-');
    }

    /**
     * @param owner the main window (null in tests that show the dialog alone)
     * @param model the dialog's state
     */
    public PreferencesDialog(Window owner, PreferencesViewModel model) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Preferences");
        setHeaderText("Insight thresholds — applied to the next analysis");
        setResizable(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(4, 8, 4, 0));
        // labels, fields and units are never cut; the source column takes what is left
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints units = new ColumnConstraints();
        units.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints sources = new ColumnConstraints();
        sources.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, units, sources);
        Label head = new Label("Source of the shipped value");
        head.getStyleClass().add(Styles.TEXT_MUTED);
        grid.add(head, 3, 0);
        int row = 1;
        for (InsightThreshold t : InsightThreshold.values()) {
            TextField field = new TextField();
            field.setId(fieldId(t));
            field.setPrefColumnCount(7);
            field.setMinWidth(Region.USE_PREF_SIZE);
            field.textProperty().bindBidirectional(model.textProperty(t));
            field.setTooltip(new Tooltip("Shipped value: " + PreferencesViewModel.display(t, t.defaultValue())
                    + " " + PreferencesViewModel.unitOf(t)));
            Label source = new Label(t.source());
            source.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            source.setTooltip(new Tooltip(t.source()));
            grid.addRow(row++, new Label(t.label()), field, new Label(PreferencesViewModel.unitOf(t)), source);
        }
        Label error = new Label();
        error.setId("preferences-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.setMaxWidth(640);
        error.textProperty().bind(model.errorProperty());

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        javafx.scene.control.CheckBox approval = new javafx.scene.control.CheckBox(
                "Configuration changes need an administrator's approval (Apply asks who approved; the name is recorded"
                        + " in the config history)");
        approval.setId("preferences-config-approval");
        approval.setWrapText(true);
        approval.selectedProperty().bindBidirectional(model.configApprovalRequiredProperty());
        javafx.scene.layout.VBox bottom = new javafx.scene.layout.VBox(8, approval, error);
        BorderPane content = new BorderPane(scroll);
        content.setBottom(bottom);
        BorderPane.setMargin(bottom, new Insets(8, 0, 0, 0));
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(980);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE); // the sources column stays readable

        ButtonType resetType = new ButtonType("Reset to defaults", ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().addAll(resetType, ButtonType.OK, ButtonType.CANCEL);
        Button reset = (Button) getDialogPane().lookupButton(resetType);
        reset.setId("reset-defaults");
        reset.setGraphic(new FontIcon(Feather.ROTATE_CCW));
        reset.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // keep the dialog open
            model.resetToDefaults();
        });
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("preferences-ok");
        ok.disableProperty().bind(model.errorProperty().isNotEmpty());
        setResultConverter(b -> b == ButtonType.OK ? model.toThresholds() : null);
    }
}
