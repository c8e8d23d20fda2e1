package org.planwright.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens the bytes of an exported workspace file (ADR 0017). Layout, all integers big-endian:
 *
 * <pre>
 * magic      8 bytes  "PWWSPACE"
 * version    1 byte   1
 * kdf        1 byte   1 = PBKDF2WithHmacSHA256
 * iterations 4 bytes  PBKDF2 iterations (600,000 when written by this version)
 * salt       1 byte length (16) + salt
 * nonce      1 byte length (12) + AES-GCM nonce
 * ciphertext the rest: AES-256-GCM of the contents, with a 128-bit tag at its end
 * </pre>
 *
 * The whole header is the GCM's additional authenticated data, so a changed header byte fails the tag check just as
 * a changed ciphertext byte does. Key: PBKDF2-HMAC-SHA256 of the passphrase, 600,000 iterations (OWASP Password
 * Storage Cheat Sheet, 2023, for PBKDF2-HMAC-SHA256), a fresh random salt and nonce per file. Uses only the JDK's
 * providers (javax.crypto). Stateless and thread-safe.
 */
final class WorkspaceFileCipher {

    static final byte[] MAGIC = "PWWSPACE".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int KDF_PBKDF2_SHA256 = 1;
    /** OWASP Password Storage Cheat Sheet (2023): 600,000 iterations for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;
    /** Refused above this when reading (a damaged or hostile header must not make us spin for hours). */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int MIN_ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BITS = 256;
    /** Shortest passphrase accepted for an export, in characters. */
    static final int MIN_PASSPHRASE = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkspaceFileCipher() {
    }

    /**
     * @param contents   the plain contents
     * @param passphrase at least {@value #MIN_PASSPHRASE} characters; not kept
     * @return header and ciphertext
     * @throws StoreException INVALID for a short passphrase
     */
    static byte[] seal(byte[] contents, char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
            throw new StoreException(StoreException.Reason.INVALID, "The passphrase is too short: use at least "
                    + MIN_PASSPHRASE + " characters (a few words are best).");
        }
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(MAGIC);
        header.write(VERSION);
        header.write(KDF_PBKDF2_SHA256);
        header.writeBytes(ByteBuffer.allocate(4).putInt(ITERATIONS).array());
        header.write(salt.length);
        header.writeBytes(salt);
        header.write(nonce.length);
        header.writeBytes(nonce);
        byte[] head = header.toByteArray();
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key(passphrase, salt, ITERATIONS), new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(head);
            byte[] sealed = gcm.doFinal(contents);
            byte[] out = Arrays.copyOf(head, head.length + sealed.length);
            System.arraycopy(sealed, 0, out, head.length, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreException.Reason.FAILED, "This Java has no AES-GCM or PBKDF2: " + e.getMessage(), e);
        }
    }

    /**
     * @param file       header and ciphertext, as {@link #seal} wrote them
     * @param passphrase the passphrase given at export
     * @return the plain contents
     * @throws StoreException INVALID when the bytes are not a workspace file of a version this Planwright reads, or
     *                        when the passphrase is wrong or the file was changed or cut (GCM cannot tell these apart)
     */
    static byte[] open(byte[] file, char[] passphrase) {
        ByteBuffer in = ByteBuffer.wrap(file);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw invalid("it is not a Planwright workspace file (it does not start with PWWSPACE)");
            }
            int version = Byte.toUnsignedInt(in.get());
            if (version != VERSION) {
                throw invalid("it is a workspace file of format " + version + ", which this Planwright does not read"
                        + " (it reads format " + VERSION + "); update Planwright");
            }
            int kdf = Byte.toUnsignedInt(in.get());
            int iterations = in.getInt();
            if (kdf != KDF_PBKDF2_SHA256 || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
                throw invalid("its header is damaged (key derivation " + kdf + ", " + iterations + " iterations)");
            }
            byte[] salt = new byte[Byte.toUnsignedInt(in.get())];
            in.get(salt);
            byte[] nonce = new byte[Byte.toUnsignedInt(in.get())];
            in.get(nonce);
            if (salt.length < SALT_BYTES || nonce.length != NONCE_BYTES) {
                throw invalid("its header is damaged");
            }
            int headLength = in.position();
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key(passphrase, salt, iterations), new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(file, 0, headLength);
            return gcm.doFinal(file, headLength, file.length - headLength);
        } catch (java.nio.BufferUnderflowException e) {
            throw invalid("it is cut short (only " + file.length + " bytes)");
        } catch (AEADBadTagException e) {
            throw invalid("the passphrase is wrong, or the file was changed or cut after it was written");
        } catch (GeneralSecurityException e) {
            throw invalid("it cannot be decrypted (" + e.getMessage() + ")");
        }
    }

    private static SecretKeySpec key(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase == null ? new char[0] : passphrase, salt, iterations, KEY_BITS);
        try {
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(k, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private static StoreException invalid(String why) {
        return new StoreException(StoreException.Reason.INVALID, "Cannot import the workspace file: " + why
                + ". Nothing was imported.");
    }
}
