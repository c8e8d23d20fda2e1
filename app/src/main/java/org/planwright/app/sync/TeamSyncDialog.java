package org.planwright.app.sync;

import java.time.Duration;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Workspace ▸ Team sync…: the team server's connection string, the role that syncs and the minutes between
 * background rounds. An empty server turns sync off. The password is never asked: it comes from PGPASSWORD or
 * ~/.pgpass, as for {@code planwright sync}. A bad entry keeps the dialog open with the reason. FX thread only.
 */
public final class TeamSyncDialog extends Dialog<TeamSyncSettings> {

    /**
     * @param owner   the main window
     * @param current the settings in force
     */
    public TeamSyncDialog(Window owner, TeamSyncSettings current) {
        initOwner(owner);
        setTitle("Team sync");
        setHeaderText("Sync the active workspace with the team PostgreSQL (docs/sync.md)");
        TextField remote = new TextField(current.remote());
        remote.setId("sync-remote");
        remote.setPromptText("postgresql://team-db:5432/planwright");
        remote.setPrefColumnCount(36);
        TextField role = new TextField(current.role());
        role.setId("sync-role");
        role.setPromptText("alice");
        Spinner<Integer> minutes = new Spinner<>(0, 24 * 60, (int) current.interval().toMinutes());
        minutes.setId("sync-minutes");
        minutes.setEditable(true);
        Label note = new Label("Password from PGPASSWORD or ~/.pgpass. Empty server: sync off. 0 minutes: only when"
                + " you click the status-bar item.");
        note.setWrapText(true);
        Label error = new Label();
        error.setId("sync-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        GridPane grid = new GridPane(8, 8);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label("Team server"), remote);
        grid.addRow(1, new Label("Role"), role);
        grid.addRow(2, new Label("Minutes between rounds"), minutes);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Minutes between rounds" stays whole
        grid.getColumnConstraints().addAll(names, new javafx.scene.layout.ColumnConstraints());
        grid.add(note, 0, 3, 2, 1);
        grid.add(error, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("sync-ok");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            Optional<String> problem = read(remote.getText(), role.getText(), minutes.getValue()).problem;
            problem.ifPresent(p -> {
                error.setText(p);
                e.consume(); // keep the dialog open
            });
        });
        setResultConverter(b -> b == ButtonType.OK
                ? read(remote.getText(), role.getText(), minutes.getValue()).settings : null);
    }

    private record Read(TeamSyncSettings settings, Optional<String> problem) {
    }

    private static Read read(String remote, String role, Integer minutes) {
        try {
            return new Read(new TeamSyncSettings(remote, role, Duration.ofMinutes(minutes == null ? 0 : minutes)),
                    Optional.empty());
        } catch (IllegalArgumentException e) {
            return new Read(null, Optional.of(e.getMessage()));
        }
    }
}
