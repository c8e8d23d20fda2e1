package org.planwright.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC wall clock a test moves by hand (ahead, or back with a negative duration), so that timestamps do not depend
 * on how fast the machine is. Thread-safe: readers on other threads see the last {@link #advance}.
 */
public final class ManualClock extends Clock {

    private volatile Instant now;

    /** @param start the first instant it reads */
    public ManualClock(Instant start) {
        this.now = start;
    }

    /** @param by how far to move it (negative: back) */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** @return this clock: it always reads UTC */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
