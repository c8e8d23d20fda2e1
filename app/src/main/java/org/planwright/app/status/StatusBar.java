package org.planwright.app.status;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The status bar: message, task progress with a cancel button, connection. Binds to {@link StatusViewModel}. */
public final class StatusBar extends HBox {

    /** @param vm status state */
    public StatusBar(StatusViewModel vm) {
        getStyleClass().add("status-bar");
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(vm.messageProperty());
        message.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar();
        progress.setId("status-progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("status-cancel");
        cancel.getStyleClass().add("small");
        cancel.visibleProperty().bind(vm.cancellableProperty());
        cancel.managedProperty().bind(vm.cancellableProperty());
        cancel.setOnAction(e -> vm.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label connection = new Label();
        connection.setId("status-connection");
        connection.getStyleClass().add("connection-label");
        connection.setGraphic(new FontIcon(Feather.DATABASE));
        connection.textProperty().bind(vm.connectionProperty());
        getChildren().addAll(message, progress, cancel, spacer, connection);
    }
}
