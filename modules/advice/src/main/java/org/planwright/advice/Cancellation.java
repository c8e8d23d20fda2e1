package org.planwright.advice;

import java.util.Objects;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * Lets another thread stop advice work: {@link #cancel()} marks the work cancelled and cancels the statement running
 * on the attached {@link TargetSession} (PgJDBC sends a cancel request). The worker checks {@link #check()} between
 * statements. Thread-safe; one instance per piece of work.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private volatile TargetSession session;

    /** @return a new, not yet cancelled token */
    public static Cancellation create() {
        return new Cancellation();
    }

    /** Marks the work cancelled and cancels the running statement, if any. Callable from any thread; idempotent. */
    public void cancel() {
        cancelled = true;
        TargetSession s = session;
        if (s != null) {
            s.cancel();
        }
    }

    /** @return true once {@link #cancel()} was called */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * The worker names the session whose statements {@link #cancel()} stops.
     *
     * @param session the session the work runs on
     */
    public void attach(TargetSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * @throws TargetException with {@link TargetException.Reason#CANCELLED} when cancelled
     */
    public void check() throws TargetException {
        if (cancelled) {
            throw new TargetException(TargetException.Reason.CANCELLED, "Cancelled", null, null, null);
        }
    }
}
