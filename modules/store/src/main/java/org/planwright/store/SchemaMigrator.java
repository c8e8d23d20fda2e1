package org.planwright.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store's schema to this Planwright's version with Flyway. Refuses a schema written by a newer
 * Planwright (Flyway itself would only ignore such "future" migrations), and, before changing an existing schema,
 * writes an H2 {@code BACKUP} of the store to {@code backups/planwright-before-v<n>.zip} in the store folder, so an
 * upgrade never loses data.
 */
final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    /** The folder, inside the store folder, that receives the backups taken before upgrades. */
    static final String BACKUP_FOLDER = "backups";

    private SchemaMigrator() {
    }

    /**
     * @param pool      the open pool
     * @param file      the database file, for messages
     * @param locations Flyway locations of the migrations
     * @throws StoreException NEWER_SCHEMA, NOT_ACCESSIBLE (backup or migration could not write) or FAILED
     */
    static void migrate(DataSource pool, Path file, String... locations) {
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(pool)
                .locations(locations)
                .validateMigrationNaming(true)
                .load();
        try {
            MigrationInfoService info = flyway.info();
            refuseNewerSchema(info, file);
            MigrationInfo current = info.current();
            if (current != null && current.getVersion() != null && info.pending().length > 0) {
                backUp(pool, file, current.getVersion().toString());
            }
            MigrateResult result = flyway.migrate();
            LOG.info("Store {} ready at schema version {} ({} migrations applied now)", file,
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            SQLException sql = SqlErrors.sqlCause(e).orElse(null);
            if (sql != null && SqlErrors.reasonOf(sql.getErrorCode()) != StoreException.Reason.FAILED) {
                throw StoreOpener.openError(file, file.getParent(), sql);
            }
            LOG.warn("Migrating {} failed", file, e);
            throw new StoreException(StoreException.Reason.FAILED, "Cannot bring the store " + file
                    + " up to date: " + SqlErrors.firstLine(e.getMessage()) + ". A backup taken before the upgrade"
                    + " (if the store had data) is in " + file.resolveSibling(BACKUP_FOLDER) + ".", e);
        }
    }

    private static void backUp(DataSource pool, Path file, String version) {
        Path backup = file.resolveSibling(BACKUP_FOLDER).resolve("planwright-before-v" + version + ".zip");
        try {
            Files.createDirectories(backup.getParent());
            Files.deleteIfExists(backup);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                // H2's online BACKUP writes a consistent copy of the database file into a zip
                s.execute("BACKUP TO '" + backup.toString().replace("'", "''") + "'");
            }
            LOG.info("Backed up {} to {} before upgrading its schema from version {}", file, backup, version);
        } catch (IOException | SQLException e) {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "Cannot back up the store " + file
                    + " to " + backup + " before upgrading it (" + e.getMessage() + "); check the permissions and"
                    + " free space of " + file.getParent() + ". The store was left as it was.", e);
        }
    }

    private static void refuseNewerSchema(MigrationInfoService info, Path file) {
        Optional<MigrationInfo> newest = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .filter(m -> m.getVersion() != null)
                .max(Comparator.comparing(MigrationInfo::getVersion));
        if (newest.isPresent()) {
            String known = Arrays.stream(info.all()).filter(m -> m.getState().isResolved() && m.getVersion() != null)
                    .map(MigrationInfo::getVersion).max(Comparator.naturalOrder())
                    .map(Object::toString).orElse("none");
            throw new StoreException(StoreException.Reason.NEWER_SCHEMA, "The store " + file
                    + " was written by a newer Planwright (store schema version " + newest.get().getVersion()
                    + "; this Planwright knows up to version " + known + "). Update Planwright to open it, or"
                    + " give this one its own folder with -D" + StoreLocation.HOME_PROPERTY + "=FOLDER or "
                    + StoreLocation.HOME_ENV + ". The store was left untouched.");
        }
    }
}
