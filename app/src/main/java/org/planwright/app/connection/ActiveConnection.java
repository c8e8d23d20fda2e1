package org.planwright.app.connection;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * The open {@link TargetSession} and the lock that keeps it to one thread at a time (the session's own rule):
 * statements and EXPLAINs wait for it; as-you-type syntax checks only try it and skip when a statement runs.
 * {@link #cancel()} needs no lock. Thread-safe.
 */
public final class ActiveConnection implements AutoCloseable {

    /** Work done with the session while holding the lock. */
    @FunctionalInterface
    public interface SessionWork<T> {
        /**
         * @param session the open session
         * @return the result
         * @throws TargetException as the session throws it
         */
        T apply(TargetSession session) throws TargetException;
    }

    private final TargetSession session;
    private final ReentrantLock lock = new ReentrantLock();

    /** @param session an open session; closed with this object */
    public ActiveConnection(TargetSession session) {
        this.session = session;
    }

    /** @return the session (for its profile and server info; use {@link #with} to run statements) */
    public TargetSession session() {
        return session;
    }

    /**
     * Runs {@code work} with the session, waiting while another statement runs. Blocking; worker threads only.
     *
     * @param work what to do
     * @param <T>  result type
     * @return its result
     * @throws TargetException as {@code work} throws it
     */
    public <T> T with(SessionWork<T> work) throws TargetException {
        lock.lock();
        try {
            return work.apply(session);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} only when no statement runs now. Blocking; worker threads only.
     *
     * @param work what to do
     * @param <T>  result type
     * @return its result, or empty when the session was busy
     * @throws TargetException as {@code work} throws it
     */
    public <T> Optional<T> ifIdle(SessionWork<T> work) throws TargetException {
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.apply(session));
        } finally {
            lock.unlock();
        }
    }

    /** Asks the server to stop the running statement; any thread. @return true when one was running */
    public boolean cancel() {
        return session.cancel();
    }

    /** Closes the session (cancelling a running statement). */
    @Override
    public void close() {
        session.close();
    }
}
