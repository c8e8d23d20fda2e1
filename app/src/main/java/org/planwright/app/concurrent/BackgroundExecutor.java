package org.planwright.app.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the app runs background work (after JabRef's {@code TaskExecutor}): blocking work (JDBC
 * through the services, file I/O, the sandbox start) runs off the FX thread, and its result or failure is
 * handed to a callback on the UI thread.
 *
 * <p>Thread rules: every method may be called from any thread. {@code onSuccess}/{@code onFailure} and
 * {@link #runLater} actions run on the UI thread ({@link FxBackgroundExecutor}: the FX application thread;
 * {@link SameThreadExecutor}: the calling thread, for view-model tests). A cancelled job never calls back.
 */
public interface BackgroundExecutor extends AutoCloseable {

    /**
     * Runs {@code work} in the background.
     *
     * @param work      blocking work; its exceptions go to {@code onFailure}
     * @param onSuccess receives the result on the UI thread
     * @param onFailure receives the exception on the UI thread
     * @param <T>       result type
     * @return a handle to cancel the job (interrupts the worker and drops the callbacks)
     */
    <T> BackgroundJob submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /**
     * Runs {@code action} on the UI thread once {@code delay} has passed (debouncing, e.g. syntax checks
     * ~300 ms after the last key stroke).
     *
     * @param delay  how long to wait
     * @param action runs on the UI thread
     * @return a handle; cancelling it before the delay ends drops the action
     */
    BackgroundJob runLater(Duration delay, Runnable action);

    /**
     * Runs {@code action} on the UI thread (now if already there).
     *
     * @param action UI work
     */
    void onUiThread(Runnable action);

    /** Stops accepting work and interrupts running jobs. Idempotent. */
    @Override
    void close();
}
