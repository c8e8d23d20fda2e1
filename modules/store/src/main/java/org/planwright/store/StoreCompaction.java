package org.planwright.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the H2 file so that deleted rows leave no readable trace. H2's MVStore appends changed pages to new
 * chunks and reuses old space later, so a deleted row's text stays in the file until its chunk is overwritten;
 * {@code SHUTDOWN COMPACT} closes the database and rewrites only the live data into a fresh file (H2 documentation,
 * "Compacting a Database"). The pool's connections die with it: they are evicted, and the next borrow reopens the
 * file (with the same URL, cipher and password).
 *
 * <p>Thread rules: any thread; a call that uses the store at the same moment may fail once with a store error.
 */
final class StoreCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCompaction.class);

    private final HikariDataSource pool;
    private final Path file;

    StoreCompaction(HikariDataSource pool, Path file) {
        this.pool = pool;
        this.file = file;
    }

    /**
     * Compacts the file now. Takes about a second for a small store, longer for a large one (it copies all data).
     *
     * @throws StoreException FAILED when H2 cannot compact (the data is intact; the next compaction will retry)
     */
    synchronized void compact() {
        // a connection of its own, not a pooled one: the pool's proxy would try to reset a connection that
        // SHUTDOWN has just closed
        try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            pool.getHikariPoolMXBean().softEvictConnections();
            throw new StoreException(StoreException.Reason.FAILED, "Could not compact the store " + file + " ("
                    + SqlErrors.firstLine(e.getMessage()) + "); deleted records are gone from every list but their"
                    + " text may remain in the file until the next compaction. Try again.", e);
        }
        // every pooled connection belonged to the database that just shut down
        pool.getHikariPoolMXBean().softEvictConnections();
        LOG.info("Compacted {}", file);
    }

    /**
     * Deletes the copies of the store taken before schema upgrades ({@code backups/*.zip} beside the file, see
     * {@link SchemaMigrator}): they were written before a delete and would keep the deleted records readable.
     *
     * @return the number of backups deleted
     * @throws StoreException NOT_ACCESSIBLE when a backup cannot be deleted (the message names it)
     */
    synchronized int deleteUpgradeBackups() {
        Path backups = file.resolveSibling(SchemaMigrator.BACKUP_FOLDER);
        if (!Files.isDirectory(backups)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(backups)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.delete(f);
                deleted++;
                LOG.info("Deleted the pre-upgrade backup {}: it held records deleted since", f);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "Could not delete the pre-upgrade backups in "
                    + backups + " (" + e.getMessage() + "); they may still hold the deleted records: delete that"
                    + " folder by hand.", e);
        }
        return deleted;
    }
}
