package org.planwright.app.results;

/**
 * One line of the message area below the editor.
 *
 * @param severity how serious
 * @param text     the message, one or a few lines, no stack trace
 * @param line     1-based editor line it points at, or 0 when it points nowhere
 * @param column   1-based editor column, or 0
 */
public record Message(Severity severity, String text, int line, int column) {

    /** Message severities. */
    public enum Severity {
        /** A statement or a connection failed. */
        ERROR,
        /** A server NOTICE or WARNING. */
        NOTICE,
        /** What ran and how long it took. */
        INFO
    }

    /** @return true when the message points at an editor position (double-click jumps there) */
    public boolean hasPosition() {
        return line > 0;
    }

    @Override
    public String toString() {
        return (hasPosition() ? "Line " + line + ", column " + column + ": " : "") + text;
    }
}
