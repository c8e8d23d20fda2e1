package org.planwright.app.connection;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.planwright.targetdb.ConnectionProfile;

/**
 * The connection dialog: the workspace's profiles on the left, the form on the right ({@link
 * ConnectionFormViewModel}), a Test connection button that shows the result or the clear error, and Connect.
 * Returns the profile to connect (saved through {@code save}) and the typed password. FX thread only.
 */
public final class ConnectionDialog extends Dialog<ConnectionDialog.Choice> {

    /**
     * What the user chose.
     *
     * @param profile  the profile to connect
     * @param password typed password for this session, or null
     */
    public record Choice(ConnectionProfile profile, char[] password) {
    }

    /**
     * @param owner    the main window
     * @param form     the form's state
     * @param profiles the workspace's profiles
     * @param save     stores a profile (on Save and Connect)
     */
    public ConnectionDialog(Window owner, ConnectionFormViewModel form, List<ConnectionProfile> profiles,
                            Consumer<ConnectionProfile> save) {
        initOwner(owner);
        setTitle("Connections");
        setHeaderText("Choose a connection, or describe a new one");
        setResizable(true);

        ListView<ConnectionProfile> list = new ListView<>();
        list.getItems().setAll(profiles);
        list.setPrefWidth(200);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
                setGraphic(empty || p == null ? null : new FontIcon(Feather.DATABASE));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                form.load(now);
            }
        });
        Button add = new Button("New", new FontIcon(Feather.PLUS));
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            form.clear();
        });

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(0, 0, 0, 12));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // labels are never cut to "Datab..."
        grid.getColumnConstraints().addAll(labels, new ColumnConstraints());
        ChoiceBox<ConnectionProfile.Kind> kind = new ChoiceBox<>();
        kind.getItems().setAll(ConnectionProfile.Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConnectionProfile.Kind k) {
                return k == null ? "" : switch (k) {
                    case POSTGRESQL -> "PostgreSQL server";
                    case SANDBOX -> "Sandbox PostgreSQL";
                    case H2_FILE -> "H2 file";
                };
            }

            @Override
            public ConnectionProfile.Kind fromString(String text) {
                throw new UnsupportedOperationException("the kind is chosen, not typed");
            }
        });
        kind.valueProperty().bindBidirectional(form.kindProperty());
        ChoiceBox<String> ssl = new ChoiceBox<>();
        ssl.getItems().setAll("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
        ssl.valueProperty().bindBidirectional(form.sslModeProperty());
        PasswordField password = new PasswordField();
        password.setPromptText("asked per session, never stored");
        password.textProperty().bindBidirectional(form.passwordProperty());
        TextField connectionString = field(form.connectionStringProperty(), "connection-url");
        connectionString.setPromptText("paste postgresql://…, host=… dbname=…, or jdbc:postgresql://…");
        connectionString.setOnAction(e -> form.applyConnectionString());
        connectionString.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                form.applyConnectionString();
            }
        });
        int row = 0;
        grid.addRow(row++, new Label("Name"), field(form.nameProperty(), "connection-name"));
        grid.addRow(row++, new Label("Kind"), kind);
        grid.addRow(row++, new Label("Connection string"), connectionString);
        grid.addRow(row++, new Label("Host"), field(form.hostProperty(), "connection-host"));
        grid.addRow(row++, new Label("Port"), field(form.portProperty(), "connection-port"));
        grid.addRow(row++, new Label("Database / H2 file"), field(form.databaseProperty(), "connection-database"));
        grid.addRow(row++, new Label("User"), field(form.userProperty(), "connection-user"));
        grid.addRow(row++, new Label("SSL mode"), ssl);
        grid.addRow(row++, new Label("Password"), password);
        Button test = new Button("Test connection", new FontIcon(Feather.ZAP));
        test.setId("test-connection");
        test.setOnAction(e -> form.test());
        Label result = new Label();
        result.setId("test-result");
        result.setWrapText(true);
        result.setMaxWidth(380);
        result.setMinHeight(Region.USE_PREF_SIZE); // wraps onto more lines instead of ending in "..."
        result.textProperty().bind(form.testResultProperty());
        grid.add(new HBox(8, test), 1, row++);
        grid.add(result, 1, row);

        BorderPane left = new BorderPane(list);
        left.setBottom(add);
        BorderPane content = new BorderPane(grid);
        content.setLeft(left);
        getDialogPane().setContent(content);

        ButtonType saveType = new ButtonType("Save", ButtonBar.ButtonData.OTHER);
        ButtonType connectType = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(saveType, connectType, ButtonType.CANCEL);
        Button saveButton = (Button) getDialogPane().lookupButton(saveType);
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            validated(form).ifPresent(p -> {
                save.accept(p);
                if (!list.getItems().contains(p)) {
                    list.getItems().removeIf(x -> x.id().equals(p.id()));
                    list.getItems().add(p);
                }
                form.testResultProperty().set("Saved " + p.name());
            });
        });
        Button connectButton = (Button) getDialogPane().lookupButton(connectType);
        connectButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (validated(form).isEmpty()) {
                e.consume();
            }
        });
        setResultConverter(b -> {
            if (b != connectType) {
                return null;
            }
            ConnectionProfile p = form.toProfile();
            save.accept(p);
            return new Choice(p, form.password());
        });
        if (!profiles.isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    private static Optional<ConnectionProfile> validated(ConnectionFormViewModel form) {
        Optional<String> error = form.validationError();
        if (error.isPresent()) {
            form.testResultProperty().set(error.get());
            return Optional.empty();
        }
        return Optional.of(form.toProfile());
    }

    private static TextField field(javafx.beans.property.StringProperty p, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(24);
        f.textProperty().bindBidirectional(p);
        return f;
    }
}
