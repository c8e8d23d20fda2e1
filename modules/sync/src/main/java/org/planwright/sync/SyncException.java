package org.planwright.sync;

import java.util.Objects;

/**
 * A sync round or a team-server command that could not be done, with a one-line message naming the cause and the
 * remedy (never a password, never a stack trace). Nothing is lost when it is thrown: unacknowledged batches stay in
 * the outbox and are sent again; a download page is applied with its cursor or not at all.
 */
public final class SyncException extends Exception {

    /** Why. */
    public enum Reason {
        /** The server cannot be reached (refused, timed out, connection cut). Retry later; work goes on offline. */
        UNREACHABLE,
        /** Wrong user name or password. */
        AUTHENTICATION,
        /** The role may not sync this workspace (no grant), or the workspace does not exist on the server. */
        NOT_ALLOWED,
        /** The team schema is missing or newer than this client understands. */
        INCOMPATIBLE,
        /** The server's sequence for this device is behind what this store acknowledged (server restored). */
        SEQUENCE_GAP,
        /** The caller cancelled the round (between batches or pages). */
        CANCELLED,
        /** Anything else. */
        FAILED
    }

    private final Reason reason;

    public SyncException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public SyncException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }
}
