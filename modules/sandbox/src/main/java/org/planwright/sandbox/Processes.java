package org.planwright.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Process checks that treat a zombie as dead. A stopped postmaster is not a child of this JVM (pg_ctl started
 * it), so it stays a zombie until the system's init reaps it, which in containers can take a second or more;
 * {@link ProcessHandle#isAlive()} reports a zombie as alive.
 */
final class Processes {

    private Processes() {
    }

    /**
     * @param pid a process id
     * @return true when a process with that id exists and is not a zombie (Linux: state {@code Z} in
     *         {@code /proc/<pid>/stat}; elsewhere {@link ProcessHandle#isAlive()})
     */
    static boolean isRunning(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return !isZombie(pid);
        }
        return false;
    }

    /**
     * Polls every 50 ms ({@link ProcessHandle#onExit()} polls a non-child process with long back-off and waits
     * for the reaping).
     *
     * @param pid  a process id
     * @param wait the longest wait
     * @return true when the process stopped running within {@code wait}
     */
    static boolean awaitExit(long pid, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (isRunning(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(pid);
            }
        }
        return true;
    }

    private static boolean isZombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat, StandardCharsets.US_ASCII);
            int end = text.lastIndexOf(')');
            return end > 0 && end + 2 < text.length() && text.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
