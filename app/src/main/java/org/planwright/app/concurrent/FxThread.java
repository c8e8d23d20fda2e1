package org.planwright.app.concurrent;

import javafx.application.Platform;

/**
 * The one place outside {@link FxBackgroundExecutor} that posts work to the JavaFX application thread, for views
 * and start-up code that have no executor at hand (an error dialog from any thread, a refresh coalesced to the
 * next pulse, start-up work after the first frame). View models use their {@link BackgroundExecutor} instead,
 * so that tests can run them on one thread.
 *
 * <p>Thread rules: every method may be called from any thread; the actions run on the FX application thread.
 */
public final class FxThread {

    private FxThread() {
    }

    /**
     * Runs {@code action} on the FX application thread: at once when already there, else as soon as the thread
     * is free ({@link Platform#runLater}).
     *
     * @param action UI work
     */
    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /**
     * Runs {@code action} on the FX application thread after the events already queued (also when called on the
     * FX thread: the action runs after the current event handler returns).
     *
     * @param action UI work
     */
    public static void later(Runnable action) {
        Platform.runLater(action);
    }
}
