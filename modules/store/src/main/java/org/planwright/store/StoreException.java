package org.planwright.store;

import java.io.Serial;
import java.util.Objects;

/**
 * A store operation that failed, with a message a user can act on (what happened, which file or record, what to
 * do). Never shown with a stack trace; the cause is kept for the log.
 *
 * <p>Thrown by {@link WorkbenchStore#open} and by every repository method. A failed write has been rolled back:
 * nothing of it is in the store.
 */
public final class StoreException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why an operation failed, so that callers can offer the right next step. */
    public enum Reason {
        /** Another running Planwright (another process) has the store file open; H2 error 90020. */
        LOCKED,
        /** The store was written by a newer Planwright (its schema has migrations this version does not know). */
        NEWER_SCHEMA,
        /** The store file is damaged or not an H2 database this version can read; it was left untouched. */
        DAMAGED,
        /** The store folder or file cannot be created, read or written (permissions, disk full...). */
        NOT_ACCESSIBLE,
        /** The input breaks a rule (blank name, text too long...); the message names the field. */
        INVALID,
        /** The record (or the workspace it belongs to) does not exist. */
        NOT_FOUND,
        /** The write clashes with an existing record (a workspace name in use, an id owned by another workspace). */
        CONFLICT,
        /**
         * The store is encrypted ({@link StoreEncryption}) and its key could not be had: no master password was given,
         * or it is wrong, or the OS keychain no longer holds the key.
         */
        ENCRYPTED,
        /** Anything else the database reported. */
        FAILED
    }

    private final Reason reason;

    /**
     * @param reason  why it failed
     * @param message what a user reads
     * @param cause   the underlying exception, or null
     */
    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason  why it failed
     * @param message what a user reads
     */
    public StoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** @return why the operation failed */
    public Reason reason() {
        return reason;
    }
}
