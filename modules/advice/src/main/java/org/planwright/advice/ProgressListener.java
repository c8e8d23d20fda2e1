package org.planwright.advice;

/**
 * Receives progress of long advice work (verifying rewrites, trial runs). Called on the worker thread that does the
 * work: a UI hops to its own thread itself.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (fraction, message) -> { };

    /**
     * @param fraction done so far, in [0, 1]
     * @param message  what happens now, in a DBA's words, e.g. "after 3 of 5: 12.4 ms"
     */
    void progress(double fraction, String message);
}
