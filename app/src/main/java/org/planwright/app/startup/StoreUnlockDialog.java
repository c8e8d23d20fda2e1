package org.planwright.app.startup;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.planwright.app.concurrent.FxThread;
import org.kordamp.ikonli.javafx.FontIcon;
import org.planwright.store.StoreEncryption;

/**
 * The window that asks for the master password of an encrypted store before the main window opens (binds to
 * {@link StoreUnlockViewModel}). It shows itself only when there is something to ask or say: while the key is tried
 * from the OS keychain it stays hidden. Enter unlocks, Esc or closing the window quits. FX thread only.
 */
public final class StoreUnlockDialog extends Stage {

    private final StoreUnlockViewModel vm;
    private final PasswordField password = new PasswordField();

    /**
     * @param vm    the unlock state and commands
     * @param store the store folder, shown so the user knows which store is meant
     */
    public StoreUnlockDialog(StoreUnlockViewModel vm, Path store) {
        this.vm = vm;
        setTitle("Planwright — encrypted store");
        FontIcon lock = new FontIcon(Feather.LOCK);
        lock.getStyleClass().add("store-unlock-icon");
        Label title = new Label("The workbench store is encrypted");
        title.getStyleClass().add(Styles.TITLE_4);
        Label where = new Label(store.toAbsolutePath().toString());
        where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label explain = new Label(vm.keySource() == StoreEncryption.KeySource.MASTER_PASSWORD
                ? "Type its master password to open your workspaces. It is not stored anywhere."
                : "Its key is kept in this user's OS keychain.");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        VBox heading = new VBox(2, title, where);
        HBox head = new HBox(14, lock, heading);
        head.setAlignment(Pos.CENTER_LEFT);

        password.setId("store-unlock-password");
        password.setPromptText("master password");
        Label message = new Label();
        message.setId("store-unlock-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.getStyleClass().add(Styles.DANGER);
        // the window grows with the message (and shrinks back) instead of cutting off its buttons
        message.textProperty().addListener((o, was, now) -> FxThread.later(this::fitHeight));

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        Label opening = new Label("Opening the store…");
        opening.getStyleClass().add(Styles.TEXT_MUTED);
        opening.visibleProperty().bind(vm.busyProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button quit = new Button("Quit");
        quit.setId("store-unlock-quit");
        quit.setCancelButton(true);
        quit.setOnAction(e -> vm.cancel());
        Button ok = new Button();
        ok.setId("store-unlock-ok");
        ok.setDefaultButton(true);
        ok.getStyleClass().add(Styles.ACCENT);
        ok.textProperty().bind(Bindings.when(vm.phaseProperty().isEqualTo(StoreUnlockViewModel.Phase.FAILED))
                .then("Retry").otherwise("Unlock"));
        ok.disableProperty().bind(vm.busyProperty());
        ok.setOnAction(e -> {
            if (vm.phaseProperty().get() == StoreUnlockViewModel.Phase.FAILED) {
                vm.retry();
            } else {
                vm.unlock(password.getText().toCharArray());
            }
        });
        HBox buttons = new HBox(8, progress, opening, spring, quit, ok);
        buttons.setAlignment(Pos.CENTER_LEFT);

        // a password field only for a master-password store, and not beside a failure that Retry answers
        if (vm.keySource() == StoreEncryption.KeySource.MASTER_PASSWORD) {
            password.visibleProperty().bind(vm.phaseProperty().isNotEqualTo(StoreUnlockViewModel.Phase.FAILED));
        } else {
            password.setVisible(false);
        }
        password.managedProperty().bind(password.visibleProperty());
        password.disableProperty().bind(vm.busyProperty());

        VBox root = new VBox(14, head, explain, password, message, buttons);
        root.setPadding(new Insets(22, 24, 18, 24));
        root.setPrefWidth(480);
        root.getStyleClass().add("store-unlock");
        setScene(new Scene(root));
        setMinWidth(420);
        setOnCloseRequest(e -> vm.cancel());

        // shown only when there is something to ask or say; after a wrong password the field is emptied for the next
        vm.phaseProperty().addListener((o, was, now) -> {
            if (now == StoreUnlockViewModel.Phase.ASKING || now == StoreUnlockViewModel.Phase.FAILED) {
                if (was == StoreUnlockViewModel.Phase.OPENING) {
                    password.clear();
                }
                if (!isShowing()) {
                    show();
                    fitHeight();
                }
                password.requestFocus();
            }
        });
    }

    /**
     * Sizes the window to its content at the current width. Stage.sizeToScene asks for the preferred height at no
     * particular width, where wrapping labels count one line each, so the buttons would be cut off.
     */
    private void fitHeight() {
        if (!isShowing()) {
            return;
        }
        Region root = (Region) getScene().getRoot();
        root.applyCss();
        double decorations = getHeight() - getScene().getHeight();
        setHeight(Math.ceil(root.prefHeight(getScene().getWidth())) + (Double.isNaN(decorations) ? 0 : decorations));
    }

    /** @return the password field (tests type into it) */
    public PasswordField passwordField() {
        return password;
    }

    /** Starts the unlocking: the window appears when the master password is needed or something went wrong. */
    public void start() {
        vm.start();
    }
}
