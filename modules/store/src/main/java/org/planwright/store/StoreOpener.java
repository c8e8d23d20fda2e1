package org.planwright.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the H2 file behind a {@link WorkbenchStore}: creates the folder, starts the HikariCP pool (which fails fast
 * when H2 cannot open the file) and brings the schema up to date with Flyway, refusing a schema newer than this
 * Planwright knows. Every failure becomes a {@link StoreException} naming the file and what to do.
 */
final class StoreOpener {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOpener.class);

    /** Where the migrations live (src/main/resources/db/migration). */
    static final String MIGRATIONS = "classpath:db/migration";
    /** Connections in the pool: the UI and a few background tasks. H2 serialises writes anyway. */
    private static final int POOL_SIZE = 4;
    /** Longest wait for a row lock held by another connection of the pool, in ms (H2's default is 1000 ms). */
    private static final int LOCK_TIMEOUT_MS = 10_000;

    private StoreOpener() {
    }

    /**
     * @param directory the store folder (created when missing)
     * @param unlock    where the key of an encrypted store comes from (not asked for a plain store)
     * @param locations Flyway locations; {@link #MIGRATIONS} in production
     * @return the pool, migrated
     * @throws StoreException LOCKED, NEWER_SCHEMA, DAMAGED, NOT_ACCESSIBLE, INVALID, ENCRYPTED or FAILED
     */
    static HikariDataSource open(Path directory, StoreUnlock unlock, String... locations) {
        Path dir = directory.toAbsolutePath().normalize();
        Path file = dir.resolve(WorkbenchStore.FILE_NAME);
        prepareFolder(dir, file);
        char[] filePassword = StoreEncryption.filePassword(dir, unlock).orElse(null);
        HikariDataSource pool = startPool(dir, file, filePassword);
        try {
            SchemaMigrator.migrate(pool, file, locations);
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static void prepareFolder(Path dir, Path file) {
        if (dir.toString().contains(";")) {
            throw new StoreException(StoreException.Reason.INVALID, "The store folder " + dir
                    + " contains ';', which H2 database paths cannot hold; choose another folder (set "
                    + StoreLocation.HOME_PROPERTY + " or " + StoreLocation.HOME_ENV + ").");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "Cannot create the store folder " + dir
                    + " (" + e.getMessage() + "); check its permissions, or set " + StoreLocation.HOME_PROPERTY
                    + " or " + StoreLocation.HOME_ENV + " to another folder.", e);
        }
        if (Files.exists(file) && !(Files.isReadable(file) && Files.isWritable(file))) {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "The store file " + file
                    + " cannot be read and written by this user; check its permissions.");
        }
    }

    private static HikariDataSource startPool(Path dir, Path file, char[] filePassword) {
        HikariConfig config = new HikariConfig();
        String base = file.toString().substring(0, file.toString().length() - ".mv.db".length());
        // LOCK_TIMEOUT (ms): how long a write waits for a row another connection of the pool has locked;
        // CIPHER=AES: H2 encrypts the file, and the password is "<file password> <user password>"
        config.setJdbcUrl("jdbc:h2:file:" + base + ";LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS
                + (filePassword != null ? ";CIPHER=AES" : ""));
        config.setUsername("sa");
        config.setPassword(filePassword != null ? new String(filePassword) + " " : "");
        config.setPoolName("planwright-store");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            SQLException sql = SqlErrors.sqlCause(e).orElse(null);
            if (sql == null) {
                throw new StoreException(StoreException.Reason.FAILED, "Cannot open the store " + file + ": "
                        + e.getMessage(), e);
            }
            if (filePassword != null && (sql.getErrorCode() == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1
                    || sql.getErrorCode() == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD)) {
                throw new StoreException(StoreException.Reason.ENCRYPTED, "Cannot open the encrypted store " + file
                        + ": the master password is wrong (or the key does not match this store).", sql);
            }
            throw openError(file, dir, sql);
        }
    }

    static StoreException openError(Path file, Path dir, SQLException e) {
        StoreException.Reason reason = SqlErrors.reasonOf(e.getErrorCode());
        if (reason == StoreException.Reason.NOT_ACCESSIBLE && Files.isReadable(file)
                && SqlErrors.hasCause(e, EOFException.class)) {
            // H2 2.5 reports a truncated file as an I/O error (90028) caused by an end of file
            reason = StoreException.Reason.DAMAGED;
        }
        String message = switch (reason) {
            case LOCKED -> "The store " + file + " is in use by another running Planwright. Close that Planwright"
                    + " (or wait for it to exit) and try again; to run two at once, give this one its own folder with"
                    + " -D" + StoreLocation.HOME_PROPERTY + "=FOLDER or " + StoreLocation.HOME_ENV + ".";
            case DAMAGED -> "The store " + file + " is damaged or is not a Planwright store, so it was left untouched."
                    + " Move it aside (keep it: it may still be recoverable with H2's Recover tool) and start again"
                    + " to get a new, empty store.";
            case NOT_ACCESSIBLE -> "Cannot read or write the store " + file + " (" + SqlErrors.firstLine(e.getMessage())
                    + "); check the permissions of " + dir + " and the free disk space.";
            default -> "Cannot open the store " + file + ": H2 error " + e.getErrorCode() + " ("
                    + SqlErrors.firstLine(e.getMessage()) + ").";
        };
        LOG.warn("Opening {} failed: H2 error {}: {}", file, e.getErrorCode(), e.getMessage());
        return new StoreException(reason == StoreException.Reason.INVALID ? StoreException.Reason.FAILED : reason,
                message, e);
    }
}
