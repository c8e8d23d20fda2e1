package org.planwright.tuning.apply;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag another thread sets to stop a validation run; the run reverts what it applied and stops. Thread-safe. */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Asks the run to stop. */
    public void cancel() {
        cancelled.set(true);
    }

    /** @return true once {@link #cancel()} was called */
    public boolean isCancelled() {
        return cancelled.get();
    }
}
