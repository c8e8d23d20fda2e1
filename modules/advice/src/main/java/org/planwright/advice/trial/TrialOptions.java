package org.planwright.advice.trial;

import java.time.Duration;
import java.util.Objects;

/**
 * How a trial runs.
 *
 * @param warmups     runs before the measured ones on each side, not counted (fill the cache); at least 0
 * @param runs        measured runs on each side (before and after); at least 2 for a significance test
 * @param lockTimeout how long the change may wait for a table lock ({@code SET LOCAL lock_timeout}) before the trial
 *                    fails, so a busy table is never blocked behind a queue
 * @param lockConsent true when the DBA agreed that a change taking a lock (CREATE INDEX: SHARE lock; CREATE
 *                    STATISTICS, ANALYZE: SHARE UPDATE EXCLUSIVE) runs, rolled back, on a server that is not the
 *                    sandbox
 */
public record TrialOptions(int warmups, int runs, Duration lockTimeout, boolean lockConsent) {

    /** One warm-up and five measured runs per side (the default; a preference). */
    public static final int DEFAULT_WARMUPS = 1;
    /** See {@link #DEFAULT_WARMUPS}. */
    public static final int DEFAULT_RUNS = 5;

    public TrialOptions {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (warmups < 0 || runs < 2) {
            throw new IllegalArgumentException("a trial needs at least 2 runs and no negative warm-ups");
        }
    }

    /** @return 1 warm-up, 5 runs, lock timeout 5 s, no consent */
    public static TrialOptions defaults() {
        return new TrialOptions(DEFAULT_WARMUPS, DEFAULT_RUNS, Duration.ofSeconds(5), false);
    }

    /** @param consent the DBA's consent to a locking change @return a copy */
    public TrialOptions withLockConsent(boolean consent) {
        return new TrialOptions(warmups, runs, lockTimeout, consent);
    }

    /** @param warmups warm-up runs @param runs measured runs @return a copy */
    public TrialOptions withRuns(int warmups, int runs) {
        return new TrialOptions(warmups, runs, lockTimeout, lockConsent);
    }
}
