package org.planwright.app.concurrent;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production {@link BackgroundExecutor}: work on virtual threads (one per job), callbacks on the JavaFX
 * application thread through {@link FxThread#run} ({@code Platform.runLater}), delays on one small platform scheduler thread.
 * Thread-safe.
 */
public final class FxBackgroundExecutor implements BackgroundExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundExecutor.class);

    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("planwright-worker-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("planwright-timer").factory());

    @Override
    public <T> BackgroundJob submit(Callable<T> work, Consumer<? super T> onSuccess,
                                    Consumer<? super Throwable> onFailure) {
        Objects.requireNonNull(work, "work");
        Job job = new Job();
        job.future = workers.submit(() -> {
            try {
                T result = work.call();
                job.finish(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                if (!job.cancelled.get()) {
                    LOG.debug("Background job failed", e);
                }
                job.finish(() -> onFailure.accept(e));
            }
            return null;
        });
        return job;
    }

    @Override
    public BackgroundJob runLater(Duration delay, Runnable action) {
        Job job = new Job();
        job.future = timer.schedule(() -> job.finish(action), delay.toMillis(), TimeUnit.MILLISECONDS);
        return job;
    }

    @Override
    public void onUiThread(Runnable action) {
        FxThread.run(action);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private final class Job implements BackgroundJob {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Future<?> future;

        void finish(Runnable uiAction) {
            if (cancelled.get()) {
                done.set(true);
                return;
            }
            onUiThread(() -> {
                done.set(true);
                if (!cancelled.get()) {
                    uiAction.run();
                }
            });
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                Future<?> f = future;
                if (f != null) {
                    f.cancel(true);
                }
                done.set(true);
            }
        }

        @Override
        public boolean isDone() {
            return done.get();
        }
    }
}
