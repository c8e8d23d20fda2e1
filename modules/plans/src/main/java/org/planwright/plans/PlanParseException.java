package org.planwright.plans;

/**
 * A plan text could not be read. Carries the 1-based position in the text given to {@link PlanParser#parse}
 * where reading stopped, and a message that says what was expected there. Unchecked: callers that show plans
 * to a person catch it and show {@link #getMessage()} (which already includes the position), never a stack
 * trace.
 */
public final class PlanParseException extends RuntimeException {

    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param line   1-based line in the source text (at least 1)
     * @param column 1-based column in that line (at least 1)
     * @param reason what was expected or found, without the position
     */
    public PlanParseException(int line, int column, String reason) {
        this(line, column, reason, null);
    }

    /**
     * @param line   1-based line in the source text (at least 1)
     * @param column 1-based column in that line (at least 1)
     * @param reason what was expected or found, without the position
     * @param cause  the underlying error, for logs only; may be null
     */
    public PlanParseException(int line, int column, String reason, Throwable cause) {
        super("line " + Math.max(1, line) + ", column " + Math.max(1, column) + ": " + reason, cause);
        this.line = Math.max(1, line);
        this.column = Math.max(1, column);
        this.reason = reason;
    }

    /** @return 1-based line of the error in the source text */
    public int line() {
        return line;
    }

    /** @return 1-based column of the error in that line */
    public int column() {
        return column;
    }

    /** @return the message without its position prefix */
    public String reason() {
        return reason;
    }
}
