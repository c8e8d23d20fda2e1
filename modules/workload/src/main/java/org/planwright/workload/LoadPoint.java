package org.planwright.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The load of one window: how much execution time the statements took and how many calls they made.
 *
 * @param start  window start
 * @param end    window end, after start
 * @param execMs execution time of all statements in the window (ms)
 * @param calls  calls of all statements in the window
 */
public record LoadPoint(Instant start, Instant end, double execMs, long calls) {

    public LoadPoint {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a load window must end after it starts: " + start + " .. " + end);
        }
    }

    /**
     * @param window a window with a known start
     * @return its load (Planwright's own statistics queries left out)
     */
    public static LoadPoint of(WorkloadWindow window) {
        double exec = 0;
        long calls = 0;
        for (StatementCounters s : window.statements()) {
            if (!s.query().contains(WorkloadAnalyzer.OWN_MARKER)) {
                exec += s.totalExecMs();
                calls += s.calls();
            }
        }
        return new LoadPoint(window.start(), window.end(), exec, calls);
    }

    /** @return the window's length in ms */
    public double lengthMs() {
        return Duration.between(start, end).toNanos() / 1e6;
    }

    /**
     * @return average active statements: execution time per wall-clock time in the window (a fraction or more:
     *         2.0 means two statements were running on average), the "AAS" of pganalyze and Oracle's ASH
     */
    public double averageActive() {
        return execMs / lengthMs();
    }

    /** @return calls per second in the window */
    public double callsPerSecond() {
        return calls / (lengthMs() / 1000);
    }
}
