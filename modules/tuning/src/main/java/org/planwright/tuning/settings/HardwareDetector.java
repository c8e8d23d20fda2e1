package org.planwright.tuning.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.planwright.tuning.pgtune.StorageType;

/**
 * Detects the hardware of this machine, for a server that runs on it: RAM from {@code /proc/meminfo}, lowered to
 * the cgroup memory limit (v2 {@code memory.max}, v1 {@code memory.limit_in_bytes}) when one is set — the
 * container case of timescaledb-tune issue #58; CPUs from the cgroup CPU quota (v2 {@code cpu.max}, v1
 * {@code cpu.cfs_quota_us / cpu.cfs_period_us}) or else {@link Runtime#availableProcessors()}; storage from
 * {@code /sys/block/*\/queue/rotational} (any rotational disk: hdd; an nvme device: nvme; else ssd). Linux only;
 * elsewhere empty. The file system root is a parameter so tests can give recorded files.
 */
public final class HardwareDetector {

    private final Path root;

    /** @param root the file system root, {@code /} for this machine */
    public HardwareDetector(Path root) {
        this.root = root;
    }

    /**
     * @return the hardware, or empty when /proc/meminfo is not there (not Linux)
     */
    public Optional<Hardware> detect() {
        Optional<Long> memTotal = memTotalBytes();
        if (memTotal.isEmpty()) {
            return Optional.empty();
        }
        List<String> sources = new ArrayList<>(List.of("/proc/meminfo"));
        long ram = memTotal.get();
        Optional<Long> limit = cgroupMemoryLimit();
        if (limit.isPresent() && limit.get() < ram) {
            ram = limit.get();
            sources.add("cgroup memory limit");
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        Optional<Double> quota = cgroupCpuQuota();
        if (quota.isPresent() && Math.ceil(quota.get()) < cpus) {
            cpus = (int) Math.max(1, Math.ceil(quota.get()));
            sources.add("cgroup CPU quota");
        }
        StorageType storage = storage();
        sources.add("/sys/block");
        return Optional.of(new Hardware(ram, cpus, storage, "detected: " + String.join(", ", sources)));
    }

    Optional<Long> memTotalBytes() {
        try {
            for (String line : Files.readAllLines(root.resolve("proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    Optional<Long> cgroupMemoryLimit() {
        for (String file : List.of("sys/fs/cgroup/memory.max", "sys/fs/cgroup/memory/memory.limit_in_bytes")) {
            Optional<String> text = read(root.resolve(file));
            if (text.isPresent() && text.get().matches("[0-9]+")) {
                long v = Long.parseLong(text.get());
                if (v < (1L << 60)) { // v1 writes a huge number for "no limit"
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    Optional<Double> cgroupCpuQuota() {
        Optional<String> v2 = read(root.resolve("sys/fs/cgroup/cpu.max"));
        if (v2.isPresent()) {
            String[] parts = v2.get().split("\\s+");
            if (parts.length == 2 && parts[0].matches("[0-9]+") && parts[1].matches("[0-9]+")) {
                return Optional.of(Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]));
            }
            return Optional.empty();
        }
        Optional<String> q = read(root.resolve("sys/fs/cgroup/cpu/cpu.cfs_quota_us"));
        Optional<String> p = read(root.resolve("sys/fs/cgroup/cpu/cpu.cfs_period_us"));
        if (q.isPresent() && p.isPresent() && q.get().matches("[0-9]+") && p.get().matches("[0-9]+")) {
            return Optional.of(Double.parseDouble(q.get()) / Double.parseDouble(p.get()));
        }
        return Optional.empty();
    }

    StorageType storage() {
        Path block = root.resolve("sys/block");
        boolean anyRotational = false;
        boolean nvme = false;
        boolean any = false;
        try (Stream<Path> devices = Files.list(block)) {
            for (Path d : devices.toList()) {
                String name = d.getFileName().toString();
                if (name.startsWith("loop") || name.startsWith("ram") || name.startsWith("zram")) {
                    continue;
                }
                Optional<String> rot = read(d.resolve("queue/rotational"));
                if (rot.isEmpty()) {
                    continue;
                }
                any = true;
                anyRotational |= rot.get().equals("1");
                nvme |= name.startsWith("nvme");
            }
        } catch (IOException e) {
            return StorageType.SSD;
        }
        if (!any) {
            return StorageType.SSD;
        }
        return anyRotational ? StorageType.HDD : nvme ? StorageType.NVME : StorageType.SSD;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param host the server's host from its connection (null or empty for a Unix socket)
     * @return true when the server runs on this machine: a Unix socket, localhost, 127.x or ::1
     */
    public static boolean isLocal(String host) {
        if (host == null || host.isBlank() || host.startsWith("/")) {
            return true;
        }
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }
}
