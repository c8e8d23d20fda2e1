package org.planwright.app.connection;

import java.util.Optional;
import org.planwright.targetdb.ConnectionProfile;

/**
 * Asks the user for a password when neither {@code ~/.pgpass} nor {@code PGPASSWORD} has one. The password
 * lives only in memory for the session being opened; it is never stored. Called on the FX thread.
 */
@FunctionalInterface
public interface PasswordPrompt {

    /** A prompt that never has a password (tests; passwordless servers such as the sandbox). */
    PasswordPrompt NONE = profile -> Optional.empty();

    /**
     * @param profile the connection that needs a password
     * @return the password, or empty when the user cancelled or left it blank (the connection is then
     *     tried without one: the server may trust the client)
     */
    Optional<char[]> ask(ConnectionProfile profile);
}
