package org.planwright.sandbox;

/**
 * The sandbox PostgreSQL could not be prepared, started or used. The message is written for the user: it names
 * the directory, port or step that failed and what to do; the cause (if any) carries the technical detail for
 * the log.
 */
public class SandboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what the user can do, in one or two sentences
     */
    public SandboxException(String message) {
        super(message);
    }

    /**
     * @param message what failed and what the user can do, in one or two sentences
     * @param cause   the underlying error, for the log
     */
    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
