package org.planwright.app.results;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.planwright.targetdb.ResultColumn;

/**
 * Below the editor: a virtualized {@link TableView} of the last result with its summary (row count, elapsed
 * ms), and the message area (double-click an error to jump to its line). Binds to {@link ResultsViewModel}.
 * FX thread only.
 */
public final class ResultsView extends TabPane {

    private final TableView<Object[]> table = new TableView<>();
    private final Tab messagesTab;

    /**
     * @param vm     the results state
     * @param jumpTo moves the editor caret to a message's position
     */
    public ResultsView(ResultsViewModel vm, Consumer<Message> jumpTo) {
        setId("results");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        table.setId("result-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("Press Ctrl+Enter to run the statement under the cursor"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.columnsProperty().addListener((obs, old, now) -> columns(now));
        Label summary = new Label();
        summary.setId("result-summary");
        summary.getStyleClass().add("result-summary");
        summary.textProperty().bind(vm.summaryProperty());
        BorderPane resultPane = new BorderPane(table);
        resultPane.setBottom(summary);
        Tab resultTab = new Tab("Result", resultPane);
        resultTab.setGraphic(new FontIcon(Feather.GRID));

        ListView<Message> messages = new ListView<>(vm.messages());
        messages.setId("messages");
        messages.getStyleClass().add("message-area");
        messages.setCellFactory(l -> new MessageCell());
        messages.setOnMouseClicked(e -> {
            Message m = messages.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && m != null && m.hasPosition()) {
                jumpTo.accept(m);
            }
        });
        messagesTab = new Tab("Messages", messages);
        messagesTab.setGraphic(new FontIcon(Feather.MESSAGE_SQUARE));
        vm.messages().addListener((ListChangeListener<Message>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    messages.scrollTo(vm.messages().size() - 1);
                    if (c.getAddedSubList().stream().anyMatch(m -> m.severity() == Message.Severity.ERROR)) {
                        getSelectionModel().select(messagesTab);
                    }
                }
            }
        });
        vm.rows().addListener((ListChangeListener<Object[]>) c -> getSelectionModel().select(resultTab));
        getTabs().addAll(resultTab, messagesTab);
    }

    /** @return the result table (tests look at it) */
    public TableView<Object[]> table() {
        return table;
    }

    private void columns(List<ResultColumn> cols) {
        table.getColumns().clear();
        for (int i = 0; i < cols.size(); i++) {
            int index = i;
            TableColumn<Object[], String> col = new TableColumn<>(cols.get(i).name());
            col.setPrefWidth(Math.max(80, Math.min(260, cols.get(i).name().length() * 10 + 30)));
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                    index < c.getValue().length ? display(c.getValue()[index]) : ""));
            table.getColumns().add(col);
        }
    }

    private static String display(Object value) {
        return value == null ? "NULL" : value.toString();
    }

    /** A message line; errors in the danger colour. */
    private static final class MessageCell extends ListCell<Message> {
        @Override
        protected void updateItem(Message item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("message-error");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.toString());
            setGraphic(new FontIcon(switch (item.severity()) {
                case ERROR -> Feather.ALERT_TRIANGLE;
                case NOTICE -> Feather.INFO;
                case INFO -> Feather.CHECK;
            }));
            if (item.severity() == Message.Severity.ERROR) {
                getStyleClass().add("message-error");
            }
        }
    }
}
