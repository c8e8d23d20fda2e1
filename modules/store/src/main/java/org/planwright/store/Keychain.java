package org.planwright.store;

import java.util.Optional;

/**
 * The operating system's keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux desktops),
 * where an encrypted store's key can live instead of being derived from a master password (ADR 0017). The
 * implementation bound to the OS is {@code org.planwright.keychain.OsKeychain} (module {@code modules/keychain},
 * java-keyring, ADR 0023), wired in by the CLI and the app; this module stays free of native and D-Bus libraries.
 * {@link #none()} stands for a machine without one.
 *
 * <p>Implementations are thread-safe and must never write the secret anywhere but the keychain.
 */
public interface Keychain {

    /** @return true when a keychain is reachable on this machine now */
    boolean available();

    /**
     * @param account the entry's name, e.g. the store folder
     * @return the secret stored under the account, or empty
     */
    Optional<char[]> read(String account);

    /**
     * Stores (or replaces) the secret under the account.
     *
     * @throws IllegalStateException when the keychain refuses
     */
    void write(String account, char[] secret);

    /** Removes the account's entry, if any. */
    void remove(String account);

    /** @return the keychain of a machine without one: never available, holds nothing */
    static Keychain none() {
        return new Keychain() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public Optional<char[]> read(String account) {
                return Optional.empty();
            }

            @Override
            public void write(String account, char[] secret) {
                throw new IllegalStateException("there is no keychain on this machine");
            }

            @Override
            public void remove(String account) {
                // nothing stored
            }
        };
    }
}
