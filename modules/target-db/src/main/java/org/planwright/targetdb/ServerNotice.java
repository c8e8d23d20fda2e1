package org.planwright.targetdb;

/**
 * A NOTICE, WARNING or other non-error message the server sent while a statement ran.
 *
 * @param severity "NOTICE", "WARNING", "INFO", "DEBUG" or "LOG" (PostgreSQL severities); "WARNING" when unknown
 * @param sqlState the SQLSTATE, or null
 * @param message  the message text
 */
public record ServerNotice(String severity, String sqlState, String message) {

    @Override
    public String toString() {
        return severity + ": " + message;
    }
}
