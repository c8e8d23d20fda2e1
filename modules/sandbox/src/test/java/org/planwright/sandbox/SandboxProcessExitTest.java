package org.planwright.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No postgres process outlives Planwright: a child JVM starts a sandbox and exits; the server of its data
 * directory must be gone. After a crash (no shutdown hooks) the orphaned server is stopped by the next start.
 */
class SandboxProcessExitTest {

    @TempDir
    Path root;

    @Test
    void systemExitStopsTheServer() throws Exception {
        Path pgdata = root.resolve("pgdata");
        long pid = runChild(pgdata, "exit");
        assertThat(pid).isPositive();
        assertThat(pgdata.resolve(PostmasterPid.FILE_NAME)).doesNotExist();
        assertThat(isAlive(pid)).as("postmaster %d alive after the JVM exited", pid).isFalse();
    }

    @Test
    void theNextStartStopsAServerOrphanedByACrash() throws Exception {
        Path pgdata = root.resolve("pgdata");
        long orphan = runChild(pgdata, "halt");
        assertThat(isAlive(orphan)).as("the halted JVM ran no hooks, so its server still runs").isTrue();
        List<Sandbox.Status> statuses = new java.util.ArrayList<>();
        try (Sandbox sandbox = Sandbox.start(Sandbox.Options.persistent(pgdata), (s, m) -> statuses.add(s))) {
            assertThat(statuses).contains(Sandbox.Status.RECOVERING);
            assertThat(isAlive(orphan)).isFalse();
            assertThat(sandbox.postmasterPid()).isNotEqualTo(orphan);
            assertThat(SandboxDataDirectoryTest.single(sandbox, "SELECT 1")).isEqualTo("1");
        } finally {
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** A stopped postmaster may stay a zombie until init reaps it: that counts as dead. */
    private static boolean isAlive(long pid) {
        return Processes.isRunning(pid);
    }

    /** @return the postmaster PID the child printed, after the child JVM has exited */
    private static long runChild(Path pgdata, String mode) throws IOException, InterruptedException, SQLException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SandboxChild.class.getName(), pgdata.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long pid = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PID ")) {
                    pid = Long.parseLong(line.substring(4).trim());
                }
            }
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM exited").isTrue();
        assertThat(child.exitValue()).isZero();
        return pid;
    }
}
