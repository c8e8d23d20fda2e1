package org.planwright.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.h2.tools.ChangeFileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encryption at rest for the store file, off by default (ADR 0017). Switched on, the H2 file is written with H2's
 * {@code CIPHER=AES} under a file password that is never on disk: a random 256-bit key kept in the OS
 * {@link Keychain} where there is one, else a key derived from the user's master password with PBKDF2-HMAC-SHA256
 * (600,000 iterations, OWASP 2023) and a random salt. The folder keeps only {@value #SETTINGS_FILE}: which source
 * holds the key, the salt and the iteration count — nothing secret.
 *
 * <p>{@link #enable} and {@link #disable} convert an existing store in place with H2's {@link ChangeFileEncryption}
 * tool; the store must be closed (no running Planwright has it open). Enabling deletes the pre-upgrade backups in
 * {@code backups/}, which would hold the data in clear. Static methods; thread-safe as long as one thread converts
 * a folder at a time.
 */
public final class StoreEncryption {

    private static final Logger LOG = LoggerFactory.getLogger(StoreEncryption.class);

    /** The settings file in the store folder; its presence means the store is encrypted. */
    public static final String SETTINGS_FILE = "encryption.properties";
    /** OWASP Password Storage Cheat Sheet (2023): 600,000 iterations for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;
    private static final String DB_NAME = "planwright";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the key lives. */
    public enum KeySource {
        /** a random key in the OS keychain, under the store folder's path */
        KEYCHAIN,
        /** derived from the master password */
        MASTER_PASSWORD
    }

    private StoreEncryption() {
    }

    /** @return true when the store in this folder is encrypted */
    public static boolean isEnabled(Path directory) {
        return Files.isRegularFile(directory.resolve(SETTINGS_FILE));
    }

    /** @return where the key of this folder's encrypted store lives, or empty when it is not encrypted */
    public static Optional<KeySource> keySource(Path directory) {
        if (!isEnabled(directory)) {
            return Optional.empty();
        }
        return Optional.of(KeySource.valueOf(read(directory).getProperty("key-source")));
    }

    /**
     * Encrypts the closed store in this folder. With an available keychain the key is random and goes there (the
     * master password may then be null); otherwise it is derived from the master password, which is then needed at
     * every open.
     *
     * @param directory      the store folder (its store must be closed)
     * @param keychain       the OS keychain, or {@link Keychain#none()}
     * @param masterPassword at least 8 characters when there is no keychain; not kept
     * @throws StoreException INVALID when already encrypted or the password is short; LOCKED when the store is open;
     *                        NOT_ACCESSIBLE when files cannot be written or the keychain refuses the key (the store is
     *                        left as it was)
     */
    public static void enable(Path directory, Keychain keychain, char[] masterPassword) {
        Path dir = directory.toAbsolutePath().normalize();
        if (isEnabled(dir)) {
            throw new StoreException(StoreException.Reason.INVALID, "The store in " + dir + " is already encrypted.");
        }
        Properties p = new Properties();
        char[] key;
        if (keychain.available()) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            key = HexFormat.of().formatHex(random).toCharArray();
            try {
                keychain.write(keychainAccount(dir), key);
            } catch (IllegalStateException e) {
                throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "Cannot keep the key of the store in "
                        + dir + " in the OS keychain (" + e.getMessage() + "). Nothing was changed.", e);
            }
            p.setProperty("key-source", KeySource.KEYCHAIN.name());
        } else {
            if (masterPassword == null || masterPassword.length < WorkspaceFileCipher.MIN_PASSPHRASE) {
                throw new StoreException(StoreException.Reason.INVALID, "The master password is too short: use at"
                        + " least " + WorkspaceFileCipher.MIN_PASSPHRASE + " characters.");
            }
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            p.setProperty("key-source", KeySource.MASTER_PASSWORD.name());
            p.setProperty("kdf", "PBKDF2WithHmacSHA256");
            p.setProperty("iterations", Integer.toString(ITERATIONS));
            p.setProperty("salt", Base64.getEncoder().encodeToString(salt));
            key = derive(masterPassword, salt, ITERATIONS);
        }
        p.setProperty("cipher", "AES");
        // the settings first: a store must never be encrypted without them saying so
        write(dir, p);
        if (Files.exists(dir.resolve(WorkbenchStore.FILE_NAME))) {
            try {
                convert(dir, null, key);
            } catch (RuntimeException e) {
                try {
                    Files.deleteIfExists(dir.resolve(SETTINGS_FILE));
                    keychain.remove(keychainAccount(dir));
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
        deleteBackups(dir);
        LOG.info("The store in {} is encrypted now (key from the {})", dir, p.getProperty("key-source"));
    }

    /**
     * Decrypts the closed store in this folder back to a plain H2 file.
     *
     * @throws StoreException INVALID when not encrypted; ENCRYPTED when the key cannot be had; LOCKED when open
     */
    public static void disable(Path directory, StoreUnlock unlock) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!isEnabled(dir)) {
            throw new StoreException(StoreException.Reason.INVALID, "The store in " + dir + " is not encrypted.");
        }
        char[] key = filePassword(dir, unlock).orElseThrow();
        if (Files.exists(dir.resolve(WorkbenchStore.FILE_NAME))) {
            convert(dir, key, null);
        }
        try {
            Files.delete(dir.resolve(SETTINGS_FILE));
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "The store in " + dir + " is decrypted"
                    + " but " + SETTINGS_FILE + " could not be removed (" + e.getMessage() + "); remove it by hand.", e);
        }
        unlock.keychain().remove(keychainAccount(dir));
        LOG.info("The store in {} is no longer encrypted", dir);
    }

    /**
     * @return the H2 file password of this folder's store, or empty when it is not encrypted
     * @throws StoreException ENCRYPTED when the key is in no keychain or no master password was given
     */
    static Optional<char[]> filePassword(Path dir, StoreUnlock unlock) {
        if (!isEnabled(dir)) {
            return Optional.empty();
        }
        Properties p = read(dir);
        if (KeySource.KEYCHAIN.name().equals(p.getProperty("key-source"))) {
            if (!unlock.keychain().available()) {
                throw new StoreException(StoreException.Reason.ENCRYPTED, "The store " + dir + " is encrypted with a"
                        + " key kept in the OS keychain, and no OS keychain is reachable now (on Linux: the desktop"
                        + " session's Secret Service, e.g. GNOME Keyring). Start Planwright in this user's desktop"
                        + " session.");
            }
            return Optional.of(unlock.keychain().read(keychainAccount(dir)).orElseThrow(() -> new StoreException(
                    StoreException.Reason.ENCRYPTED, "The store " + dir + " is encrypted with a key kept in the OS"
                    + " keychain, and the keychain does not have it (is this the same user and machine?).")));
        }
        char[] master = unlock.masterPassword().get().orElseThrow(() -> new StoreException(
                StoreException.Reason.ENCRYPTED, "The store " + dir + " is encrypted: give its master password"
                + " (set " + StoreUnlock.MASTER_PASSWORD_ENV + ", or type it when asked)."));
        try {
            int iterations = Integer.parseInt(p.getProperty("iterations"));
            byte[] salt = Base64.getDecoder().decode(p.getProperty("salt"));
            return Optional.of(derive(master, salt, iterations));
        } catch (RuntimeException e) {
            throw new StoreException(StoreException.Reason.DAMAGED, "The encryption settings "
                    + dir.resolve(SETTINGS_FILE) + " are damaged (" + e.getMessage() + ").", e);
        }
    }

    private static char[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return HexFormat.of().formatHex(k).toCharArray();
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreException.Reason.FAILED, "This Java has no PBKDF2WithHmacSHA256.", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static void convert(Path dir, char[] from, char[] to) {
        try {
            ChangeFileEncryption.execute(dir.toString(), DB_NAME, "AES", from, to, true);
        } catch (SQLException e) {
            StoreException.Reason reason = SqlErrors.reasonOf(e.getErrorCode());
            if (reason == StoreException.Reason.LOCKED || e.getMessage() != null
                    && e.getMessage().toLowerCase(Locale.ROOT).contains("in use")) {
                throw new StoreException(StoreException.Reason.LOCKED, "The store " + dir + " is open in a running"
                        + " Planwright; close it first. Nothing was changed.", e);
            }
            throw new StoreException(from != null ? StoreException.Reason.ENCRYPTED : StoreException.Reason.FAILED,
                    "Cannot " + (to == null ? "decrypt" : "encrypt") + " the store " + dir + ": "
                            + SqlErrors.firstLine(e.getMessage()) + ". Nothing was changed.", e);
        }
    }

    private static void deleteBackups(Path dir) {
        Path backups = dir.resolve(SchemaMigrator.BACKUP_FOLDER);
        if (!Files.isDirectory(backups)) {
            return;
        }
        try (Stream<Path> files = Files.list(backups)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
                LOG.info("Deleted the unencrypted backup {}", f);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the unencrypted backups in {}: {}", backups, e.getMessage());
        }
    }

    /**
     * @param directory the store folder
     * @return the keychain account under which the key of this folder's store is kept: {@code planwright-store:}
     *         and the folder's absolute, normalised path
     */
    public static String keychainAccount(Path directory) {
        return "planwright-store:" + directory.toAbsolutePath().normalize();
    }

    private static Properties read(Path dir) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(SETTINGS_FILE))) {
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "Cannot read "
                    + dir.resolve(SETTINGS_FILE) + " (" + e.getMessage() + ").", e);
        }
    }

    private static void write(Path dir, Properties p) {
        Path target = dir.resolve(SETTINGS_FILE);
        Path temp = dir.resolve(SETTINGS_FILE + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                p.store(out, "Planwright store encryption (ADR 0017): where the key lives; no secret is kept here");
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "The store in " + dir + " is encrypted,"
                    + " but " + target + " could not be written (" + e.getMessage() + ").", e);
        }
    }
}
