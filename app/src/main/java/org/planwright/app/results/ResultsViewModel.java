package org.planwright.app.results;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.ResultColumn;
import org.planwright.targetdb.ServerNotice;

/**
 * The result of the last statement (columns and rows for the table), a summary line (row count, elapsed
 * ms) and the message area (errors with their editor position, server notices). FX thread only.
 */
public final class ResultsViewModel {

    private final ObjectProperty<List<ResultColumn>> columns = new SimpleObjectProperty<>(this, "columns", List.of());
    private final ObservableList<Object[]> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final ObservableList<Message> messages = FXCollections.observableArrayList();

    /** @return columns of the result shown; empty when the last statement had no result set */
    public ObjectProperty<List<ResultColumn>> columnsProperty() {
        return columns;
    }

    /** @return rows of the result shown, each parallel to {@link #columnsProperty()} */
    public ObservableList<Object[]> rows() {
        return rows;
    }

    /** @return e.g. "20 rows · 3.2 ms", "UPDATE: 3 rows · 1.0 ms", "first 1,000 rows (more not fetched)" */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** @return the message area's lines, oldest first */
    public ObservableList<Message> messages() {
        return messages;
    }

    /**
     * Shows a statement's result, replacing the table, and adds its notices to the messages.
     *
     * @param command the statement's command word, e.g. "SELECT", for the summary
     * @param result  what the session returned
     */
    public void show(String command, QueryResult result) {
        String line = summarize(command, result);
        if (result.hasResultSet()) {
            columns.set(result.columns());
            rows.setAll(result.rows());
        }
        summary.set(line);
        for (ServerNotice n : result.notices()) {
            messages.add(new Message(Message.Severity.NOTICE, n.toString(), 0, 0));
        }
        messages.add(new Message(Message.Severity.INFO, command + ": " + line, 0, 0));
    }

    /**
     * @param command command word
     * @param result  a result
     * @return the summary line for it
     */
    public static String summarize(String command, QueryResult result) {
        String ms = String.format(Locale.ROOT, "%.1f ms", result.elapsedMillis());
        if (result.hasResultSet()) {
            int n = result.rows().size();
            String count = String.format(Locale.ROOT, "%,d", n);
            return (result.truncated() ? "first " + count + " rows (more not fetched)" : count + (n == 1 ? " row" : " rows"))
                    + " · " + ms;
        }
        if (result.updateCount() >= 0) {
            return String.format(Locale.ROOT, "%s %,d %s · %s", command, result.updateCount(),
                    result.updateCount() == 1 ? "row" : "rows", ms);
        }
        return command + " done · " + ms;
    }

    /**
     * Adds an error to the message area; the table keeps the previous result.
     *
     * @param text   the user message
     * @param line   1-based editor line, or 0
     * @param column 1-based editor column, or 0
     */
    public void error(String text, int line, int column) {
        summary.set("Error");
        messages.add(new Message(Message.Severity.ERROR, text, line, column));
    }

    /**
     * Adds an informational line.
     *
     * @param text the message
     */
    public void info(String text) {
        messages.add(new Message(Message.Severity.INFO, text, 0, 0));
    }

    /** Empties the table and the summary (messages stay). */
    public void clearResult() {
        columns.set(List.of());
        rows.clear();
        summary.set("");
    }
}
