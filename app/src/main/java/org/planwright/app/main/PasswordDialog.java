package org.planwright.app.main;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.planwright.app.connection.ConnectionViewModel;
import org.planwright.targetdb.ConnectionProfile;

/** Asks for a password for one session; it is never stored (docs/decisions/0004). FX thread only. */
final class PasswordDialog {

    private PasswordDialog() {
    }

    static Optional<char[]> ask(Window owner, ConnectionProfile profile) {
        Dialog<char[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Password");
        d.setHeaderText("Password for " + (profile.user() == null ? "" : profile.user() + " on ")
                + ConnectionViewModel.describe(profile));
        PasswordField field = new PasswordField();
        field.setPromptText("used for this session only, never stored");
        d.getDialogPane().setContent(new VBox(8, new Label("No password in ~/.pgpass or PGPASSWORD."), field));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setOnShown(e -> field.requestFocus());
        d.setResultConverter(b -> b == ButtonType.OK && !field.getText().isEmpty() ? field.getText().toCharArray() : null);
        return d.showAndWait();
    }
}
