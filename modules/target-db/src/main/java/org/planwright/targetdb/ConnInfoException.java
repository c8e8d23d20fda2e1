package org.planwright.targetdb;

/**
 * A connection string, service file or {@code PG*} environment variable that cannot be used. The message names
 * the keyword, variable or file line and the character position, and never quotes text from the input other
 * than keyword names, so that a password typed in the wrong place is never printed.
 */
public final class ConnInfoException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** 0-based character offset into the connection string, or -1 when the error is not in it. */
    private final int position;

    /**
     * @param message  what is wrong and what to change, without input text
     * @param position 0-based offset into the connection string, or -1
     */
    public ConnInfoException(String message, int position) {
        super(position < 0 ? message : message + " (at character " + (position + 1) + ")");
        this.position = position;
    }

    /** @return the 0-based offset into the connection string where the problem is, or -1 when not in it */
    public int position() {
        return position;
    }
}
