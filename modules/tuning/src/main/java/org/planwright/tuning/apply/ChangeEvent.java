package org.planwright.tuning.apply;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the change history: a change applied, kept, reverted or prepared, with what was measured.
 *
 * @param at        when
 * @param who       the database user (and workstation user) who made it
 * @param server    the server's label
 * @param parameter the parameter
 * @param oldValue  value before
 * @param newValue  value after this event
 * @param context   pg_settings.context of the parameter (restart/reload/new session)
 * @param action    what happened
 * @param result    the measured result in words, e.g. "p95 12.1 -> 31.0 ms (+156%), tps 82.1 -> 33.0 (-60%)",
 *                  or "" when nothing was measured
 * @param runId     the apply (or revert) run the event belongs to: the changes applied together share it, so that
 *                  "the last change" can be undone as a whole; null for events recorded before runs had ids
 */
public record ChangeEvent(Instant at, String who, String server, String parameter, String oldValue, String newValue,
                          String context, Action action, String result, UUID runId) {

    /** What happened to a change. */
    public enum Action {
        /** applied live with ALTER SYSTEM + reload */
        APPLIED,
        /** measured and kept */
        KEPT,
        /** measured, degraded beyond the threshold, and reverted */
        REVERTED,
        /** the validation was cancelled and the change reverted */
        CANCELLED,
        /** restart-only: statement prepared, not applied */
        PREPARED
    }

    public ChangeEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(action, "action");
    }

    /** An event without a run id. */
    public ChangeEvent(Instant at, String who, String server, String parameter, String oldValue, String newValue,
                       String context, Action action, String result) {
        this(at, who, server, parameter, oldValue, newValue, context, action, result, null);
    }

    /** @return this event recorded for another server label */
    public ChangeEvent withServer(String label) {
        return new ChangeEvent(at, who, label, parameter, oldValue, newValue, context, action, result, runId);
    }

    /** @return true for APPLIED and KEPT: after this event, the change is in effect on the server */
    public boolean inEffect() {
        return action == Action.APPLIED || action == Action.KEPT;
    }
}
