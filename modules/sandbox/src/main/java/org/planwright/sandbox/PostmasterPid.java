package org.planwright.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The lock file {@code postmaster.pid} that a running PostgreSQL server keeps in its data directory. Line 1 is
 * the postmaster's PID, line 2 the data directory, line 4 the port (PostgreSQL {@code miscadmin.h},
 * {@code LOCK_FILE_LINE_*}). The server removes the file on a clean shutdown; a file left behind means the
 * server crashed or is still running.
 *
 * @param pid           the postmaster's process id
 * @param dataDirectory the data directory as the server wrote it, or empty when the line is missing
 * @param port          the TCP port, or 0 when the line is missing or not a number
 */
record PostmasterPid(long pid, String dataDirectory, int port) {

    /** The lock file's name inside a data directory. */
    static final String FILE_NAME = "postmaster.pid";

    /**
     * @param dataDirectory a cluster's data directory
     * @return the parsed lock file, or empty when there is none or its first line is not a PID
     * @throws IOException when the file exists but cannot be read
     */
    static Optional<PostmasterPid> read(Path dataDirectory) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        OptionalLong pid = lines.isEmpty() ? OptionalLong.empty() : parseLong(lines.getFirst());
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        String dir = lines.size() > 1 ? lines.get(1).trim() : "";
        OptionalLong port = lines.size() > 3 ? parseLong(lines.get(3)) : OptionalLong.empty();
        return Optional.of(new PostmasterPid(pid.getAsLong(), dir, (int) port.orElse(0)));
    }

    /** @return the running (not zombie) process of {@link #pid()}, if any */
    Optional<ProcessHandle> process() {
        return Processes.isRunning(pid) ? ProcessHandle.of(pid) : Optional.empty();
    }

    /**
     * @param expectedDataDirectory the data directory this lock file was found in
     * @return true when {@link #pid()} is alive and is a PostgreSQL server; when the process' arguments are
     *         visible they must name {@code expectedDataDirectory} too (a reused PID of an unrelated process,
     *         common in containers, is not a server)
     */
    boolean isLiveServerOf(Path expectedDataDirectory) {
        Optional<ProcessHandle> process = process();
        if (process.isEmpty()) {
            return false;
        }
        ProcessHandle.Info info = process.get().info();
        boolean postgres = info.command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        if (!postgres) {
            return false;
        }
        String expected = expectedDataDirectory.toAbsolutePath().normalize().toString();
        return info.arguments().map(args -> List.of(args).contains(expected)).orElse(true);
    }

    private static OptionalLong parseLong(String line) {
        try {
            return OptionalLong.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
