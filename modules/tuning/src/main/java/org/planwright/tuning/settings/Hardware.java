package org.planwright.tuning.settings;

import org.planwright.tuning.pgtune.StorageType;

/**
 * The server's hardware as the advice needs it.
 *
 * @param ramBytes RAM available to PostgreSQL in bytes (a container's memory limit when lower than the host's)
 * @param cpus     CPUs available (a container's CPU quota when lower than the host's), at least 1
 * @param storage  the data storage class
 * @param source   how it was found, e.g. "given", "detected: /proc/meminfo, cgroup v2 memory.max"
 */
public record Hardware(long ramBytes, int cpus, StorageType storage, String source) {

    public Hardware {
        if (ramBytes <= 0) {
            throw new IllegalArgumentException("RAM must be positive, not " + ramBytes + " bytes");
        }
        if (cpus < 1) {
            throw new IllegalArgumentException("CPUs must be at least 1, not " + cpus);
        }
        java.util.Objects.requireNonNull(storage, "storage");
    }

    /** @return RAM in whole GB, rounded down but at least 1 (PGTune's input) */
    public long ramGb() {
        return Math.max(1, ramBytes >> 30);
    }
}
