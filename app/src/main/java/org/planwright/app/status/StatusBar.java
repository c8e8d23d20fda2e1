package org.planwright.app.status;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.planwright.app.sync.TeamSyncViewModel;

/**
 * The status bar: message, task progress with a cancel button, team sync state, connection. Binds to
 * {@link StatusViewModel} and {@link TeamSyncViewModel}.
 */
public final class StatusBar extends HBox {

    /** How often "Synced 2 min ago" is brought up to date. */
    private static final Duration SYNC_TEXT_REFRESH = Duration.seconds(30);

    /** @param vm status state */
    public StatusBar(StatusViewModel vm) {
        this(vm, null);
    }

    /**
     * @param vm   status state
     * @param sync team sync state, or null for no sync item; clicking the item syncs now
     */
    public StatusBar(StatusViewModel vm, TeamSyncViewModel sync) {
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
        getChildren().addAll(message, progress, cancel, spacer);
        if (sync != null) {
            Label syncItem = new Label();
            syncItem.setId("status-sync");
            syncItem.getStyleClass().add("sync-label");
            syncItem.setGraphic(new FontIcon(Feather.REFRESH_CW));
            syncItem.textProperty().bind(sync.textProperty());
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(sync.detailProperty());
            tip.setWrapText(true);
            tip.setMaxWidth(480);
            syncItem.setTooltip(tip);
            syncItem.setOnMouseClicked(e -> sync.syncNow());
            syncItem.setMinWidth(Region.USE_PREF_SIZE);
            Timeline ticker = new Timeline(new KeyFrame(SYNC_TEXT_REFRESH, e -> sync.refresh()));
            ticker.setCycleCount(Animation.INDEFINITE);
            ticker.play();
            getChildren().add(syncItem);
        }
        getChildren().add(connection);
    }
}
