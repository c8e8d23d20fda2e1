package org.planwright.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where an encrypted store's key comes from when it is opened: the OS keychain, else a master password asked for only
 * when needed (an unencrypted store never asks).
 *
 * @param keychain       the OS keychain ({@link Keychain#none()} where there is none)
 * @param masterPassword asked for the master password; empty when none can be had (no terminal, cancelled). Called
 *                       at most once per open, on the opening thread.
 */
public record StoreUnlock(Keychain keychain, Supplier<Optional<char[]>> masterPassword) {

    /** The environment variable that carries the master password for unattended use (CLI, scripts, tests). */
    public static final String MASTER_PASSWORD_ENV = "PLANWRIGHT_MASTER_PASSWORD";

    public StoreUnlock {
        Objects.requireNonNull(keychain, "keychain");
        Objects.requireNonNull(masterPassword, "masterPassword");
    }

    /** @return no keychain; the master password from {@value #MASTER_PASSWORD_ENV} of this process, if set */
    public static StoreUnlock fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** @return no keychain; the master password from {@value #MASTER_PASSWORD_ENV} of the given variables, if set */
    public static StoreUnlock fromEnvironment(Map<String, String> env) {
        String v = env.get(MASTER_PASSWORD_ENV);
        return new StoreUnlock(Keychain.none(), () -> v == null || v.isEmpty() ? Optional.empty()
                : Optional.of(v.toCharArray()));
    }

    /** @return this, with the key looked up in {@code keychain} (the OS keychain) */
    public StoreUnlock withKeychain(Keychain keychain) {
        return new StoreUnlock(keychain, masterPassword);
    }

    /** @return this, with the master password asked of {@code ask} when the environment gives none */
    public StoreUnlock orElseAsk(Supplier<Optional<char[]>> ask) {
        Supplier<Optional<char[]>> first = masterPassword;
        return new StoreUnlock(keychain, () -> first.get().or(ask));
    }
}
