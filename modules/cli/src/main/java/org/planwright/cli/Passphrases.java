package org.planwright.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where {@code workspace export} and {@code import} take the passphrase: {@code --passphrase-file FILE} (its first
 * line), else {@value #ENV}, else the terminal (asked twice for an export). Never printed, never stored.
 */
final class Passphrases {

    /** The environment variable with the passphrase. */
    static final String ENV = "PLANWRIGHT_PASSPHRASE";

    private Passphrases() {
    }

    /**
     * @param file        the --passphrase-file, or null
     * @param confirm     true to ask twice on the terminal (export)
     * @throws IllegalArgumentException with a one-line message when there is none, the file cannot be read or the two
     *                                  typed ones differ
     */
    static char[] get(Path file, CliEnvironment environment, boolean confirm) {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String first = text.lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new IllegalArgumentException("the passphrase file " + file + " is empty");
                }
                return first.toCharArray();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the passphrase file " + file + " ("
                        + e.getMessage() + ")");
            }
        }
        String env = environment.env().get(ENV);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Optional<char[]> typed = environment.prompt().ask("Passphrase: ");
        if (typed.isEmpty()) {
            throw new IllegalArgumentException("no passphrase: give --passphrase-file FILE, set " + ENV
                    + ", or run on a terminal to type it");
        }
        if (confirm) {
            char[] again = environment.prompt().ask("Passphrase (again): ").orElse(new char[0]);
            if (!Arrays.equals(typed.get(), again)) {
                throw new IllegalArgumentException("the two passphrases differ; nothing was written");
            }
        }
        return typed.get();
    }
}
