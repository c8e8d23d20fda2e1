package org.planwright.app.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.app.connection.ConnectionViewModel;
import org.planwright.app.editor.EditorPosition;
import org.planwright.app.editor.EditorTabViewModel;
import org.planwright.app.editor.EditorTabsViewModel;
import org.planwright.app.error.ErrorReporter;
import org.planwright.app.status.StatusViewModel;
import org.planwright.app.results.ResultsViewModel;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.StatementKind;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.TargetException;

/**
 * The Query commands: run the statement under the caret (Ctrl+Enter), run all (Ctrl+Shift+Enter) and cancel
 * (Esc). Data-changing statements ({@link StatementKind#mayChangeData()}) are confirmed first. Results go to
 * {@link ResultsViewModel}; errors go to the message area with their editor position. Each statement is
 * recorded in the query history. FX thread only; the statements run in the background.
 */
public final class QueryViewModel {

    /** Rows kept per result (the table is virtualized; more are not fetched). */
    public static final int MAX_ROWS = 10_000;

    private final EditorTabsViewModel editors;
    private final ConnectionViewModel connection;
    private final ResultsViewModel results;
    private final StatusViewModel status;
    private final BackgroundExecutor executor;
    private final HistoryRecorder history;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private Confirmer confirmer = (h, q) -> false;

    /**
     * @param editors    the editor tabs (the selected one is run)
     * @param connection the active connection
     * @param results    where results and messages go
     * @param status     status bar state
     * @param executor   background work
     * @param history    records what ran
     */
    public QueryViewModel(EditorTabsViewModel editors, ConnectionViewModel connection, ResultsViewModel results,
                          StatusViewModel status, BackgroundExecutor executor, HistoryRecorder history) {
        this.editors = editors;
        this.connection = connection;
        this.results = results;
        this.status = status;
        this.executor = executor;
        this.history = history;
    }

    /** @param confirmer asks before data-changing statements (the view sets a dialog-based one) */
    public void setConfirmer(Confirmer confirmer) {
        this.confirmer = confirmer;
    }

    /** @return true while a statement or EXPLAIN runs */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Runs the statement under the caret of the selected tab. */
    public void runStatement() {
        editors.selected().flatMap(EditorTabViewModel::statementAtCaret)
                .ifPresentOrElse(s -> run(List.of(s)), () -> status.done("No statement under the cursor"));
    }

    /** Runs every statement of the selected tab in order, stopping at the first error. */
    public void runAll() {
        List<SqlStatement> all = editors.selected().map(EditorTabViewModel::allStatements).orElse(List.of())
                .stream().filter(s -> s.kind() != StatementKind.EMPTY).toList();
        if (all.isEmpty()) {
            status.done("Nothing to run");
            return;
        }
        run(all);
    }

    /** Asks the server to stop the running statement. */
    public void cancel() {
        connection.active().ifPresent(c -> executor.submit(c::cancel,
                asked -> status.task(asked ? "Cancelling…" : "Nothing to cancel", -1, null),
                e -> status.done("Cancel failed: " + ErrorReporter.describe(e))));
    }

    /**
     * Marks the start of a background statement (also used by the EXPLAIN commands).
     *
     * @param text status text
     * @return false when something already runs or there is no connection (the status says so)
     */
    boolean begin(String text) {
        if (running.get()) {
            status.done("A statement is still running: press Esc to cancel it");
            return false;
        }
        if (connection.active().isEmpty()) {
            status.done("Not connected: choose a connection first (Connection menu)");
            return false;
        }
        running.set(true);
        status.task(text, -1, this::cancel);
        return true;
    }

    void end(String text) {
        running.set(false);
        status.done(text);
    }

    private void run(List<SqlStatement> statements) {
        List<SqlStatement> changing = statements.stream().filter(s -> s.kind().mayChangeData()).toList();
        if (!changing.isEmpty() && !confirmer.confirm("Run a data-changing statement?",
                describeChanging(changing))) {
            status.done("Not run");
            return;
        }
        if (!begin(statements.size() == 1 ? "Running " + statements.getFirst().command() + "…"
                : "Running " + statements.size() + " statements…")) {
            return;
        }
        ActiveConnection c = connection.active().orElseThrow();
        executor.submit(() -> runInBackground(c, statements), this::finished,
                e -> end("Failed: " + ErrorReporter.describe(e)));
    }

    private List<Outcome> runInBackground(ActiveConnection c, List<SqlStatement> statements) {
        List<Outcome> outcomes = new ArrayList<>();
        for (SqlStatement s : statements) {
            long t0 = System.nanoTime();
            try {
                QueryResult r = c.with(session -> session.execute(s.text(), MAX_ROWS));
                outcomes.add(new Outcome(s, r, null));
                history.succeeded(c, s.text(), r.elapsedMillis(), r.hasResultSet() ? r.rows().size() : r.updateCount());
            } catch (TargetException e) {
                outcomes.add(new Outcome(s, null, e));
                history.failed(c, s.text(), (System.nanoTime() - t0) / 1e6, e.userMessage());
                break;
            }
        }
        return outcomes;
    }

    private void finished(List<Outcome> outcomes) {
        String last = "Done";
        for (Outcome o : outcomes) {
            if (o.result() != null) {
                results.show(o.statement().command(), o.result());
                last = ResultsViewModel.summarize(o.statement().command(), o.result());
            } else {
                showError(o.statement(), o.error());
                last = o.error().reason() == TargetException.Reason.CANCELLED ? "Cancelled" : "Error";
            }
        }
        end(last);
    }

    /**
     * Puts a statement's error into the message area at its editor position and moves the caret there.
     *
     * @param statement the statement that failed
     * @param error     the service's exception
     */
    void showError(SqlStatement statement, TargetException error) {
        Optional<EditorPosition> at = error.position().map(p -> EditorPosition.of(statement, p));
        int line = at.map(EditorPosition::line).orElse(statement.line());
        int column = at.map(EditorPosition::column).orElse(statement.column());
        results.error(error.userMessage(), line, column);
        if (at.isPresent()) {
            editors.selected().ifPresent(t -> t.jumpTo(line, column));
        }
    }

    private static String describeChanging(List<SqlStatement> changing) {
        SqlStatement first = changing.getFirst();
        String text = first.text().length() > 160 ? first.text().substring(0, 160) + "…" : first.text();
        return (changing.size() == 1 ? "This statement may change data or the schema:"
                : changing.size() + " statements may change data or the schema, the first:")
                + "\n\n" + text + "\n\nRun it?";
    }

    private record Outcome(SqlStatement statement, QueryResult result, TargetException error) {
    }
}
