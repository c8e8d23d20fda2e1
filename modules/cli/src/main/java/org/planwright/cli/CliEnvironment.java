package org.planwright.cli;

import java.util.Map;
import java.util.Objects;

/**
 * What the CLI takes from its surroundings, passed in so that tests run it in-process without touching the real
 * environment.
 *
 * @param env    environment variables ({@code PGPASSWORD}, {@code PGPASSFILE}, {@code HOME}, {@code PGUSER}...)
 * @param prompt how to ask for a password when {@code --password-prompt} is given
 */
public record CliEnvironment(Map<String, String> env, PasswordPrompt prompt) {

    public CliEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(prompt, "prompt");
    }

    /** @return the real process environment and console */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), PasswordPrompt.console());
    }
}
