package org.planwright.keychain;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.planwright.store.Keychain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's keychain through the java-keyring library (ADR 0023): the macOS Keychain, the Windows
 * Credential Manager, or the Secret Service over D-Bus on Linux desktops (GNOME Keyring, KeePassXC, KWallet 5.97+).
 * Entries are filed under the service {@value #SERVICE} and the account the store gives (its folder), so on Linux
 * {@code secret-tool lookup service Planwright account ACCOUNT} finds them.
 *
 * <p>The keychain is reached lazily: the first call that needs it connects (a D-Bus session and the default
 * collection, unlocked, on Linux) and the outcome is kept for the life of this object. Where there is none (a
 * server without a desktop session, a locked keyring nobody unlocks within {@link #CONNECT_TIMEOUT}) the keychain is
 * simply not {@link #available()} and {@link #unavailableReason()} says why; nothing throws.
 *
 * <p>The secret goes to the keychain only: this class writes no file and logs no secret. Thread-safe (calls are
 * serialised); blocking (D-Bus or native calls, milliseconds; a desktop may ask its user to unlock the keyring), so
 * never call it on the JavaFX application thread.
 */
public final class OsKeychain implements Keychain, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OsKeychain.class);

    /** The service name every Planwright entry is filed under. */
    public static final String SERVICE = "Planwright";
    /**
     * Longest wait for the keychain to answer the first time: long enough for a desktop's "unlock your keyring"
     * prompt, short enough that a hung D-Bus does not hold a start-up for ever.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private final String service;
    private final Duration connectTimeout;
    private Keyring keyring;
    private String unavailableReason;
    private boolean connected;

    /** The machine's keychain, entries under {@value #SERVICE}; connects on first use. */
    public OsKeychain() {
        this(SERVICE, CONNECT_TIMEOUT);
    }

    /**
     * @param service        the service name entries are filed under (tests use their own)
     * @param connectTimeout longest wait for the first connection
     */
    public OsKeychain(String service, Duration connectTimeout) {
        this.service = Objects.requireNonNull(service, "service");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** @return true when the keychain answered (connecting now if it was not tried yet) */
    @Override
    public synchronized boolean available() {
        return connect() != null;
    }

    /** @return why the keychain is not available (e.g. "no D-Bus session"), or empty when it is */
    public synchronized Optional<String> unavailableReason() {
        connect();
        return Optional.ofNullable(unavailableReason);
    }

    @Override
    public synchronized Optional<char[]> read(String account) {
        Keyring k = connect();
        if (k == null) {
            return Optional.empty();
        }
        try {
            String secret = k.getPassword(service, account);
            return secret == null ? Optional.empty() : Optional.of(secret.toCharArray());
        } catch (PasswordAccessException e) {
            // java-keyring reports "no such entry" this way too; a refused read is logged, without the secret
            LOG.debug("No keychain entry {}/{}: {}", service, account, e.getMessage());
            return Optional.empty();
        }
    }

    /** @throws IllegalStateException when there is no keychain or it refuses the entry */
    @Override
    public synchronized void write(String account, char[] secret) {
        Keyring k = connect();
        if (k == null) {
            throw new IllegalStateException("There is no OS keychain here: " + unavailableReason);
        }
        try {
            k.setPassword(service, account, new String(secret));
        } catch (PasswordAccessException | RuntimeException e) {
            throw new IllegalStateException("The OS keychain refused to store the entry " + service + "/" + account
                    + ": " + e.getMessage(), e);
        }
    }

    /** Removes the entry if the keychain has it; a keychain that is not there holds nothing to remove. */
    @Override
    public synchronized void remove(String account) {
        Keyring k = connect();
        if (k == null || read(account).isEmpty()) {
            return;
        }
        try {
            k.deletePassword(service, account);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new IllegalStateException("The OS keychain refused to remove the entry " + service + "/" + account
                    + ": " + e.getMessage(), e);
        }
    }

    /** Closes the connection to the keychain (the D-Bus connection on Linux). Idempotent. */
    @Override
    public synchronized void close() {
        if (keyring != null) {
            try {
                keyring.close();
            } catch (Exception e) {
                LOG.debug("Closing the keychain connection: {}", e.getMessage());
            }
            keyring = null;
            unavailableReason = "closed";
        }
        connected = true;
    }

    /** @return the keyring, connecting the first time; null when there is none (reason kept) */
    private Keyring connect() {
        if (connected) {
            return keyring;
        }
        connected = true;
        if (isLinux() && System.getenv("DBUS_SESSION_BUS_ADDRESS") == null && !userBusSocket()) {
            unavailableReason = "no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set, no $XDG_RUNTIME_DIR/bus),"
                    + " so no Secret Service";
            LOG.info("No OS keychain: {}", unavailableReason);
            return null;
        }
        // java-keyring's Secret Service backend opens a session and unlocks the default collection, which may show
        // the desktop's unlock prompt: bounded by connectTimeout on a thread of its own (daemon, named)
        CompletableFuture<Keyring> attempt = new CompletableFuture<>();
        Thread probe = Thread.ofPlatform().daemon().name("planwright-keychain-connect").unstarted(() -> {
            try {
                attempt.complete(Keyring.create());
            } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                attempt.completeExceptionally(e);
            }
        });
        probe.start();
        try {
            keyring = attempt.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("OS keychain reached: {}", keyring.getKeyringStorageType());
            return keyring;
        } catch (TimeoutException e) {
            unavailableReason = "the keychain did not answer within " + connectTimeout.toSeconds() + " s";
            attempt.thenAccept(OsKeychain::closeQuietly);
        } catch (ExecutionException e) {
            unavailableReason = describe(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailableReason = "interrupted while connecting to the keychain";
        }
        LOG.info("No OS keychain: {}", unavailableReason);
        return null;
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !b.toString().contains(c.getMessage())) {
                b.append(": ").append(c.getMessage());
            }
        }
        return b.toString();
    }

    private static void closeQuietly(Keyring k) {
        try {
            k.close();
        } catch (Exception ignored) {
            // late connection after a timeout: nothing to keep
        }
    }

    /** @return true when systemd's per-user bus socket is there (dbus-java finds it without the variable) */
    private static boolean userBusSocket() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return runtime != null && !runtime.isBlank() && java.nio.file.Files.exists(java.nio.file.Path.of(runtime, "bus"));
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }
}
