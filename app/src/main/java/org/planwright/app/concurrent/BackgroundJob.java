package org.planwright.app.concurrent;

/** A handle to one piece of background work. Thread-safe. */
public interface BackgroundJob {

    /** A job that is already finished; cancelling it does nothing. */
    BackgroundJob DONE = new BackgroundJob() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    /** Drops the job's callbacks and interrupts its worker if it still runs. Idempotent. */
    void cancel();

    /** @return true once the job finished, failed or was cancelled */
    boolean isDone();
}
