package org.planwright.app.error;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.planwright.app.concurrent.FxThread;
import org.planwright.targetdb.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into short messages a person can act on, logs the full trace once, and shows a dialog.
 * Never shows a stack trace. Also the JVM-wide uncaught-exception handler of the app.
 */
public final class ErrorReporter implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    private final Window owner;

    /** @param owner dialog owner; null before the main window exists */
    public ErrorReporter(Window owner) {
        this.owner = owner;
    }

    /**
     * The short message for an exception: {@link TargetException#userMessage()} for target errors, else the
     * message of the exception or of its first cause that has one.
     *
     * @param error any throwable
     * @return one or a few lines, never a stack trace
     */
    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof TargetException te) {
            return te.userMessage();
        }
        String msg = e.getMessage();
        Throwable cause = e;
        while ((msg == null || msg.isBlank()) && cause.getCause() != null) {
            cause = cause.getCause();
            msg = cause.getMessage();
        }
        if (msg == null || msg.isBlank()) {
            msg = e.getClass().getSimpleName();
        }
        return msg.strip();
    }

    /**
     * @param error a throwable possibly wrapped by executors
     * @return the interesting exception inside
     */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** @return true when the error only says that work was cancelled or interrupted */
    public static boolean isCancellation(Throwable error) {
        Throwable e = unwrap(error);
        return e instanceof CancellationException || e instanceof InterruptedException;
    }

    /**
     * Logs and shows an error dialog (on the FX thread).
     *
     * @param title what failed, e.g. "Could not open the file"
     * @param error the cause
     */
    public void show(String title, Throwable error) {
        LOG.warn("{}: {}", title, describe(error), error);
        showMessage(title, describe(error));
    }

    /**
     * Shows an error dialog with a message (on the FX thread).
     *
     * @param title   what failed
     * @param message what to do about it
     */
    public void showMessage(String title, String message) {
        Runnable r = () -> {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            if (owner != null && owner.isShowing()) {
                alert.initOwner(owner);
            }
            alert.setTitle("Planwright");
            alert.setHeaderText(title);
            alert.setContentText(message);
            alert.show();
        };
        FxThread.run(r);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception on {}", thread.getName(), error);
        if (Platform.isFxApplicationThread() || thread.isVirtual() || thread.isDaemon()) {
            showMessage("Something went wrong", describe(error)
                    + "\n\nThe details are in the log. Your work is unchanged.");
        }
    }
}
