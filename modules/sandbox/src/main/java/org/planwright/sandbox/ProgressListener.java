package org.planwright.sandbox;

/**
 * Receives the progress of a long task such as {@link DemoDataset#generate}. Called on the working thread:
 * hand the values to the UI thread yourself.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (fraction, message) -> { };

    /**
     * @param fraction done so far, 0..1 (a fraction, not percent); never decreases within one task
     * @param message  what is being done now, a short sentence for a progress bar
     */
    void progress(double fraction, String message);
}
