package org.planwright.cli;

import java.io.Console;
import java.util.Optional;

/** Asks the user for a password. Implementations must not echo it. */
@FunctionalInterface
public interface PasswordPrompt {

    /**
     * @param prompt the text shown before the input, e.g. "Password for postgres@localhost: "
     * @return the typed characters, or empty when no interactive terminal is attached (nothing was asked)
     */
    Optional<char[]> ask(String prompt);

    /** @return a prompt on {@link System#console()}, which asks only when standard input and output are a terminal */
    static PasswordPrompt console() {
        return prompt -> {
            Console console = System.console();
            if (console == null || !console.isTerminal()) {
                return Optional.empty();
            }
            return Optional.ofNullable(console.readPassword("%s", prompt));
        };
    }

    /** @return a prompt for non-interactive use (tests, pipes): never asks */
    static PasswordPrompt none() {
        return prompt -> Optional.empty();
    }
}
