package org.planwright.app.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Time since this process started: the figure of the "First window shown … after process start" log line.
 *
 * <p>On Linux {@link ProcessHandle.Info#startInstant()} is the boot time from {@code /proc/stat}'s
 * {@code btime}, which the kernel gives in whole seconds (truncated), plus the process's start in clock ticks
 * since boot; so it reads up to one second early, by the same fraction for every process of one boot (the
 * first-window figure read 0.9 s more than the wall clock on one machine). Here both ends come from the same
 * clock instead: {@code /proc/uptime} (seconds since boot, 10 ms resolution) minus field 22 of
 * {@code /proc/self/stat} ({@code starttime}, clock ticks since boot; {@code USER_HZ} = 100 ticks per second on
 * Linux, see proc(5)). Other systems report the start precisely; there {@code startInstant()} is used.
 *
 * <p>Thread-safe (no state).
 */
public final class ProcessStart {

    /** Clock ticks per second of {@code /proc/<pid>/stat} times: {@code USER_HZ}, 100 on Linux (proc(5)). */
    static final int USER_HZ = 100;

    private ProcessStart() {
    }

    /**
     * @return time since this process started, 10 ms resolution on Linux; empty when the system tells neither
     *         {@code /proc} nor a process start time
     */
    public static Optional<Duration> elapsed() {
        Path stat = Path.of("/proc/self/stat");
        Path uptime = Path.of("/proc/uptime");
        if (Files.isReadable(stat) && Files.isReadable(uptime)) {
            try {
                // uptime first: read after the stat, it would include the read of the stat
                String up = Files.readString(uptime);
                return Optional.of(elapsed(Files.readString(stat), up));
            } catch (IOException | IllegalArgumentException e) {
                // fall through to ProcessHandle
            }
        }
        return ProcessHandle.current().info().startInstant()
                .map(started -> Duration.between(started, Instant.now()));
    }

    /**
     * Time between a process's start and the moment {@code procUptime} was read.
     *
     * @param procSelfStat the text of {@code /proc/<pid>/stat}: pid, command name in parentheses (may hold
     *                     spaces and parentheses itself), then space-separated fields, the 22nd of the line
     *                     being the start in clock ticks since boot
     * @param procUptime   the text of {@code /proc/uptime}: seconds since boot, then idle seconds
     * @return uptime minus start time, never negative
     * @throws IllegalArgumentException when either text is not in that shape
     */
    public static Duration elapsed(String procSelfStat, String procUptime) {
        long startTicks = startTicks(procSelfStat);
        long uptimeMillis = uptimeMillis(procUptime);
        return Duration.ofMillis(Math.max(0, uptimeMillis - startTicks * 1000 / USER_HZ));
    }

    /** "12345.67 ..." as 12345670 (no BigDecimal: this runs before the first window). */
    private static long uptimeMillis(String procUptime) {
        String seconds = procUptime.strip().split("\\s+")[0];
        if (!seconds.matches("\\d{1,12}(\\.\\d+)?")) {
            throw new IllegalArgumentException("not /proc/uptime: " + procUptime.strip());
        }
        int dot = seconds.indexOf('.');
        long millis = Long.parseLong(dot < 0 ? seconds : seconds.substring(0, dot)) * 1000;
        if (dot >= 0) {
            millis += Integer.parseInt((seconds.substring(dot + 1) + "000").substring(0, 3));
        }
        return millis;
    }

    /** Field 22 of /proc/pid/stat; the command name (field 2) ends at the line's last ')'. */
    private static long startTicks(String procSelfStat) {
        int end = procSelfStat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not /proc/<pid>/stat: no command name in parentheses");
        }
        // after ") ": field 3 (state) is at index 0, so field 22 (starttime) is at index 19
        String[] fields = procSelfStat.substring(end + 1).strip().split("\\s+");
        if (fields.length < 20) {
            throw new IllegalArgumentException("not /proc/<pid>/stat: " + fields.length + " fields after the name");
        }
        try {
            return Long.parseLong(fields[19]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not /proc/<pid>/stat: starttime " + fields[19], e);
        }
    }
}
