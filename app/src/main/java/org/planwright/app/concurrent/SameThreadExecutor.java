package org.planwright.app.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link BackgroundExecutor} for view-model tests: runs the work and its callback at once on the calling
 * thread, and {@link #runLater} actions immediately (the delay is ignored), so tests need no FX thread and
 * no waiting.
 */
public final class SameThreadExecutor implements BackgroundExecutor {

    @Override
    public <T> BackgroundJob submit(Callable<T> work, Consumer<? super T> onSuccess,
                                    Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return BackgroundJob.DONE;
        }
        onSuccess.accept(result);
        return BackgroundJob.DONE;
    }

    @Override
    public BackgroundJob runLater(Duration delay, Runnable action) {
        action.run();
        return BackgroundJob.DONE;
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
    }
}
