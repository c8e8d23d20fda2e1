package org.planwright.app.workload;

import java.time.Duration;

/** Which part of a server's workload the Workload window shows. */
public enum WorkloadPeriod {
    /** The counters now, since pg_stat_statements was last reset (live, from the active connection). */
    SINCE_RESET("Live: since the last statistics reset", Duration.ZERO),
    /** Stored windows of the last 24 hours. */
    LAST_DAY("Recorded: last 24 hours", Duration.ofDays(1)),
    /** Stored windows of the last 7 days. */
    LAST_WEEK("Recorded: last 7 days", Duration.ofDays(7)),
    /** Stored windows of the last 30 days. */
    LAST_MONTH("Recorded: last 30 days", Duration.ofDays(30));

    private final String label;
    private final Duration length;

    WorkloadPeriod(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    /** @return how far back stored windows count; zero for the live counters */
    public Duration length() {
        return length;
    }

    @Override
    public String toString() {
        return label;
    }
}
