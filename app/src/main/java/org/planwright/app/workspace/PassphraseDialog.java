package org.planwright.app.workspace;

import java.util.Arrays;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the passphrase of a workspace file: twice for an export (they must match, at least 8 characters), once
 * for an import. The passphrase is never stored. FX thread only.
 */
final class PassphraseDialog {

    /** Shortest passphrase accepted for an export, as the store requires. */
    static final int MIN_LENGTH = 8;

    private PassphraseDialog() {
    }

    static Optional<char[]> ask(Window owner, String header, boolean confirm) {
        Dialog<char[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Passphrase");
        d.setHeaderText(header);
        PasswordField first = new PasswordField();
        first.setId("passphrase");
        first.setPromptText(confirm ? "at least " + MIN_LENGTH + " characters; a few words are best" : "passphrase");
        PasswordField second = new PasswordField();
        second.setId("passphrase-again");
        second.setPromptText("the same again");
        Label hint = new Label(confirm ? "Keep it safe: without it the file cannot be opened." : "");
        VBox box = new VBox(8, first);
        if (confirm) {
            box.getChildren().add(second);
        }
        box.getChildren().add(hint);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(confirm
                ? first.textProperty().length().lessThan(MIN_LENGTH).or(first.textProperty().isNotEqualTo(second.textProperty()))
                : first.textProperty().isEmpty());
        d.setOnShown(e -> first.requestFocus());
        d.setResultConverter(b -> b == ButtonType.OK ? first.getText().toCharArray() : null);
        Optional<char[]> result = d.showAndWait();
        first.clear();
        second.clear();
        return result.filter(p -> p.length > 0 || clear(p));
    }

    private static boolean clear(char[] p) {
        Arrays.fill(p, '\0');
        return false;
    }
}
