package org.planwright.tuning.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.tuning.pgtune.StorageType;

/** Hardware detection from a Linux file tree: the host's RAM, a container's cgroup limits, disk classes. */
class HardwareDetectorTest {

    @Test
    void cgroupV2LimitsWinOverTheHost(@TempDir Path root) throws IOException {
        write(root, "proc/meminfo", "MemTotal:       24576000 kB\nMemFree:         1000 kB\n");
        write(root, "sys/fs/cgroup/memory.max", "4294967296\n");
        write(root, "sys/fs/cgroup/cpu.max", "150000 100000\n");
        write(root, "sys/block/nvme0n1/queue/rotational", "0\n");
        write(root, "sys/block/loop0/queue/rotational", "1\n");
        Hardware hw = new HardwareDetector(root).detect().orElseThrow();
        assertThat(hw.ramBytes()).isEqualTo(4L << 30);
        assertThat(hw.cpus()).as("1.5 CPUs of quota round up to 2").isEqualTo(Math.min(2,
                Runtime.getRuntime().availableProcessors()));
        assertThat(hw.storage()).as("loop devices are ignored").isEqualTo(StorageType.NVME);
        assertThat(hw.source()).contains("cgroup memory limit");
    }

    @Test
    void noLimitAndSpinningDisk(@TempDir Path root) throws IOException {
        write(root, "proc/meminfo", "MemTotal:       8000000 kB\n");
        write(root, "sys/fs/cgroup/memory.max", "max\n");
        write(root, "sys/block/sda/queue/rotational", "1\n");
        Hardware hw = new HardwareDetector(root).detect().orElseThrow();
        assertThat(hw.ramBytes()).isEqualTo(8000000L * 1024);
        assertThat(hw.storage()).isEqualTo(StorageType.HDD);
        assertThat(new HardwareDetector(root.resolve("nothing")).detect()).isEmpty();
    }

    @Test
    void thisMachine() {
        if (!Files.exists(Path.of("/proc/meminfo"))) {
            return; // not Linux: detection is Linux-only by design
        }
        Hardware hw = new HardwareDetector(Path.of("/")).detect().orElseThrow();
        assertThat(hw.ramBytes()).isGreaterThan(1L << 28);
        assertThat(hw.cpus()).isPositive();
        assertThat(HardwareDetector.isLocal("127.0.0.1")).isTrue();
        assertThat(HardwareDetector.isLocal("db.example.com")).isFalse();
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
