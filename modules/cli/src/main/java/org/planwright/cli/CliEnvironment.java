package org.planwright.cli;

import java.util.Map;
import java.util.Objects;
import org.planwright.keychain.OsKeychain;
import org.planwright.store.Keychain;

/**
 * What the CLI takes from its surroundings, passed in so that tests run it in-process without touching the real
 * environment.
 *
 * @param env      environment variables ({@code PGPASSWORD}, {@code PGPASSFILE}, {@code HOME}, {@code PGUSER}...)
 * @param prompt   how to ask for a password when {@code --password-prompt} is given
 * @param keychain the OS keychain that may hold the key of an encrypted store ({@link Keychain#none()} in tests, so
 *                 they never touch a developer's real keychain)
 */
public record CliEnvironment(Map<String, String> env, PasswordPrompt prompt, Keychain keychain) {

    public CliEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(keychain, "keychain");
    }

    /** An environment without an OS keychain. */
    public CliEnvironment(Map<String, String> env, PasswordPrompt prompt) {
        this(env, prompt, Keychain.none());
    }

    /** @return the real process environment, console and OS keychain (reached only when a command needs it) */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), PasswordPrompt.console(), new OsKeychain());
    }
}
