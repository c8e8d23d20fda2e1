package org.planwright.app.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessStartTest {

    /** A /proc/pid/stat line as proc(5) shows it; the command name holds spaces and parentheses. */
    private static String statLine(String command, long startTicks) {
        return "4242 (" + command + ") S 1 4242 4242 0 -1 4194560 1612 0 0 0 12 3 0 0 20 0 31 0 " + startTicks
                + " 5238042624 41231 18446744073709551615 1 1 0 0 0 0 0 4096 16796879 0 0 0 17 1 0 0 0 0 0\n";
    }

    @Test
    void elapsedIsUptimeMinusTheStartInClockTicks() {
        // started 1234.56 s after boot (123456 ticks of 1/100 s), read at 1300.07 s after boot
        Duration elapsed = ProcessStart.elapsed(statLine("java", 123_456), "1300.07 2511.90\n");

        assertThat(elapsed).isEqualTo(Duration.ofMillis(1_300_070 - 1_234_560));
    }

    @Test
    void theCommandNameMayHoldSpacesAndParentheses() {
        Duration elapsed = ProcessStart.elapsed(statLine("Planwright (1) x) S 9", 500), "6.00 1.00");

        assertThat(elapsed).isEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void textsOfAnotherShapeAreRefused() {
        assertThatThrownBy(() -> ProcessStart.elapsed("4242 java S 1", "6.00 1.00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parentheses");
        assertThatThrownBy(() -> ProcessStart.elapsed("4242 (java) S 1 2 3", "6.00 1.00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fields");
        assertThatThrownBy(() -> ProcessStart.elapsed(statLine("java", 500), "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/proc/uptime");
    }

    /**
     * This JVM's own process: the figure is at least the JVM's uptime (the process starts before the JVM), and
     * ProcessHandle's start instant, built from /proc/stat's whole-second boot time, is earlier by less than a
     * second (the error this class exists to avoid).
     */
    @Test
    void thisProcessAgreesWithTheJvmClockAndProcessHandleWithinItsTruncation() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only: no /proc/self/stat here");
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        Instant handleStart = ProcessHandle.current().info().startInstant().orElseThrow();

        Duration ours = ProcessStart.elapsed().orElseThrow();
        Duration handle = Duration.between(handleStart, Instant.now());

        // 10 ms ticks on each end of ours, 1 ms clocks elsewhere
        assertThat(ours.toMillis()).isGreaterThanOrEqualTo(jvmUptime - 25);
        assertThat(handle.minus(ours).toMillis()).isBetween(-25L, 1_025L);
    }
}
