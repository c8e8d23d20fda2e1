package org.planwright.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.HardwareDetector;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The server's hardware and OS as {@code config validate}, {@code config apply} and {@code config revert} take
 * them (a picocli {@code @Mixin}): {@code --ram-gb}, {@code --cpus}, {@code --storage}, {@code --os}. Detected
 * ({@link HardwareDetector}: /proc/meminfo, cgroup limits) when the server runs on this machine.
 */
final class HardwareOptions {

    @Option(names = "--ram-gb", paramLabel = "N", description = "The server's RAM in GB, for the memory budget "
            + "(default: detected if local)")
    private Long ramGb;

    @Option(names = "--cpus", paramLabel = "N", description = "The server's CPUs (default: detected if local)")
    private Integer cpus;

    @Option(names = "--storage", paramLabel = "KIND", description = "ssd, hdd, san or nvme (default: detected if local)")
    private String storage;

    @Option(names = "--os", defaultValue = "linux", paramLabel = "OS",
            description = "The server's OS: linux, windows or mac, for the platform caps (default: linux)")
    private String os;

    /** @return the OS @throws CommandLine.ParameterException for an unknown one */
    OsType os(CommandLine cl) {
        try {
            return OsType.parse(os);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--os: " + e.getMessage());
        }
    }

    /**
     * @param host the server's host
     * @return the hardware given or detected; empty when the server is remote and --ram-gb / --cpus are missing
     * @throws CommandLine.ParameterException for a bad --storage
     */
    Optional<Hardware> hardware(CommandLine cl, String host) {
        Optional<Hardware> detected = HardwareDetector.isLocal(host)
                ? new HardwareDetector(Path.of("/")).detect() : Optional.empty();
        if (detected.isEmpty() && (ramGb == null || cpus == null)) {
            return Optional.empty();
        }
        try {
            long ram = ramGb != null ? ramGb << 30 : detected.orElseThrow().ramBytes();
            int n = cpus != null ? cpus : detected.orElseThrow().cpus();
            StorageType st = storage != null ? StorageType.parse(storage)
                    : detected.map(Hardware::storage).orElse(StorageType.SSD);
            String source = ramGb != null && cpus != null ? "given" : detected.map(Hardware::source).orElse("given");
            return Optional.of(new Hardware(ram, n, st, source));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }
}
