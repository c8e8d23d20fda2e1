package org.planwright.app.concurrent;

/**
 * Work started before the JavaFX toolkit and the background executor exist (the launcher's), kept here with the
 * app's other thread rules. Any thread may call it.
 */
public final class StartupThreads {

    private StartupThreads() {
    }

    /**
     * Runs {@code work} on a new daemon platform thread, e.g. configuring logging on another core while JavaFX
     * starts.
     *
     * @param name the thread's name
     * @param work what to run; its exceptions end the thread (logged by the JVM)
     */
    public static void startDaemon(String name, Runnable work) {
        Thread.ofPlatform().daemon().name(name).start(work);
    }
}
