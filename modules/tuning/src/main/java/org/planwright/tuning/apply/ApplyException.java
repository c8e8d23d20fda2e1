package org.planwright.tuning.apply;

/** Applying, verifying or reverting a change failed; the message names the parameter and what happened. */
public final class ApplyException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, for the DBA */
    public ApplyException(String message) {
        super(message);
    }

    /** @param message what failed; @param cause the underlying error */
    public ApplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
