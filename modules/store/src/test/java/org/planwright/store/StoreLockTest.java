package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A second Planwright process on the same store: H2's file lock (error 90020) must become a message to act on. */
class StoreLockTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a safety net against a hung child JVM, not a speed check
    void aStoreOpenInAnotherProcessIsReportedAsLockedAndOpensOnceThatProcessExits() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                StoreHolder.class.getName(), dir.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals(StoreHolder.READY)) {
                // skip anything else the child prints
            }
            assertThat(line).as("the child JVM opened the store").isEqualTo(StoreHolder.READY);

            assertThatThrownBy(() -> WorkbenchStore.open(dir))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.LOCKED))
                    .hasMessageContaining("in use by another running Planwright")
                    .hasMessageContaining(dir.resolve("planwright.mv.db").toString())
                    .hasMessageContaining("planwright.home");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertThat(holder.exitValue()).isZero();
        try (WorkbenchStore store = WorkbenchStore.open(dir)) {
            assertThat(store.workspaces().list()).extracting(Workspace::name)
                    .containsExactly("held by another process");
        }
    }
}
