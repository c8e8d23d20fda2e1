package org.planwright.store;

import java.time.Clock;
import java.util.Objects;

/**
 * A hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", OPODIS 2014), packed in one {@code long}:
 * the upper 48 bits are milliseconds since the epoch, the lower 16 a logical counter. {@link #tick()} never returns
 * a value below one it returned or {@link #observe observed}, whatever the wall clock does (a clock set back two
 * hours keeps counting from the last value); a clock ahead makes every device that hears of it move ahead too,
 * which is how HLC keeps causality. Thread-safe.
 */
final class HybridClock {

    private static final int LOGICAL_BITS = 16;

    private final Clock clock;
    private long last;

    /**
     * @param clock the wall clock
     * @param start the highest value already used (from the store's row versions), 0 for none
     */
    HybridClock(Clock clock, long start) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.last = start;
    }

    /** @return a new timestamp, greater than every one returned or observed before */
    synchronized long tick() {
        last = Math.max(last + 1, clock.millis() << LOGICAL_BITS);
        return last;
    }

    /** Moves past a timestamp received from another device. */
    synchronized void observe(long remote) {
        last = Math.max(last, remote);
    }

    /** @return the wall-clock milliseconds part of a timestamp */
    static long millis(long hlc) {
        return hlc >>> LOGICAL_BITS;
    }
}
