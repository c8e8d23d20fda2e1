package org.planwright.app.status;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the status bar shows: a message, the connection, and the progress of one long task (the sandbox
 * start, demo data generation, a running statement) with its cancel command. FX thread only.
 */
public final class StatusViewModel {

    /** Progress value meaning "no task runs": the progress bar is hidden. */
    public static final double IDLE = Double.NaN;

    private final StringProperty message = new SimpleStringProperty(this, "message", "Ready");
    private final StringProperty connection = new SimpleStringProperty(this, "connection", "Not connected");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", IDLE);
    private final ObjectProperty<Runnable> cancelAction = new SimpleObjectProperty<>(this, "cancelAction");
    private final BooleanBinding busy = Bindings.createBooleanBinding(() -> !Double.isNaN(progress.get()), progress);
    private final BooleanBinding cancellable = cancelAction.isNotNull();

    /** @return the latest status message */
    public StringProperty messageProperty() {
        return message;
    }

    /** @return a description of the active connection, e.g. "Sandbox · demo" */
    public StringProperty connectionProperty() {
        return connection;
    }

    /** @return task progress: fraction 0..1, -1 for indeterminate, {@link #IDLE} (NaN) when no task runs */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** @return true while a task runs */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** @return true when the running task can be cancelled */
    public BooleanBinding cancellableProperty() {
        return cancellable;
    }

    /**
     * Shows a running task.
     *
     * @param text     what runs, e.g. "Starting the sandbox PostgreSQL…"
     * @param fraction 0..1, or -1 for indeterminate
     * @param onCancel what the cancel button does; null when the task cannot be cancelled
     */
    public void task(String text, double fraction, Runnable onCancel) {
        message.set(text);
        progress.set(fraction);
        cancelAction.set(onCancel);
    }

    /**
     * Ends the running task and shows a final message.
     *
     * @param text e.g. "12 rows in 4 ms"
     */
    public void done(String text) {
        message.set(text);
        progress.set(IDLE);
        cancelAction.set(null);
    }

    /** Runs the current task's cancel command, if any. */
    public void cancel() {
        Runnable r = cancelAction.get();
        if (r != null) {
            r.run();
        }
    }
}
