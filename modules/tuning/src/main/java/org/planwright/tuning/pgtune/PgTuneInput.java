package org.planwright.tuning.pgtune;

import java.util.Objects;

/**
 * PGTune's form: what it asks about the server. Validated as PGTune's form validates it
 * ({@code src/common/components/configurationForm/validation.js}): PostgreSQL 10 to 18, memory a whole number of
 * GB (at least 1) or MB (at least 512), CPUs at least 1, connections at least 20, all at most 999,999.
 *
 * @param dbVersion   PostgreSQL major version, 10 to 18
 * @param os          the server's operating system
 * @param dbType      the workload type
 * @param totalMemory RAM in {@code memoryUnit}
 * @param memoryUnit  the unit of {@code totalMemory}
 * @param cpus        CPU count, or null when not given (then no parallel settings)
 * @param connections max_connections wanted, or null for PGTune's default per database type
 * @param storage     the data storage
 * @param dataSize    the database's size relative to RAM (PGTune's default: {@link DataSize#MID_RAM})
 */
public record PgTuneInput(int dbVersion, OsType os, DbType dbType, long totalMemory, MemoryUnit memoryUnit,
                          Integer cpus, Integer connections, StorageType storage, DataSize dataSize) {

    /** PostgreSQL versions PGTune offers. */
    public static final int MIN_VERSION = 10;
    /** PostgreSQL versions PGTune offers. */
    public static final int MAX_VERSION = 18;
    /** PGTune's MAX_NUMERIC_VALUE for memory, CPUs and connections. */
    public static final int MAX_NUMERIC_VALUE = 999_999;

    /** The units PGTune takes RAM in. */
    public enum MemoryUnit {
        MB(1L << 20), GB(1L << 30);

        private final long bytes;

        MemoryUnit(long bytes) {
            this.bytes = bytes;
        }

        /** @return bytes per unit */
        public long bytes() {
            return bytes;
        }
    }

    /**
     * @throws IllegalArgumentException naming the input and its accepted range, as PGTune's form would
     */
    public PgTuneInput {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(dbType, "dbType");
        Objects.requireNonNull(memoryUnit, "memoryUnit");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(dataSize, "dataSize");
        if (dbVersion < MIN_VERSION || dbVersion > MAX_VERSION) {
            throw new IllegalArgumentException("unsupported database version " + dbVersion + ": PGTune covers "
                    + "PostgreSQL " + MIN_VERSION + " to " + MAX_VERSION);
        }
        long minMemory = memoryUnit == MemoryUnit.MB ? 512 : 1;
        if (totalMemory < minMemory || totalMemory > MAX_NUMERIC_VALUE) {
            throw new IllegalArgumentException("total memory must be " + minMemory + " to " + MAX_NUMERIC_VALUE + " "
                    + memoryUnit + ", not " + totalMemory);
        }
        if (cpus != null && (cpus < 1 || cpus > MAX_NUMERIC_VALUE)) {
            throw new IllegalArgumentException("CPUs must be 1 to " + MAX_NUMERIC_VALUE + ", not " + cpus);
        }
        if (connections != null && (connections < 20 || connections > MAX_NUMERIC_VALUE)) {
            throw new IllegalArgumentException("connections must be 20 to " + MAX_NUMERIC_VALUE + ", not "
                    + connections);
        }
    }

    /**
     * The common case: RAM in GB, data about RAM's size.
     *
     * @return the input
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static PgTuneInput of(int dbVersion, OsType os, DbType dbType, long ramGb, Integer cpus,
                                 Integer connections, StorageType storage) {
        return new PgTuneInput(dbVersion, os, dbType, ramGb, MemoryUnit.GB, cpus, connections, storage,
                DataSize.MID_RAM);
    }

    /** @return RAM in bytes */
    public long totalMemoryBytes() {
        return totalMemory * memoryUnit.bytes();
    }

    /** @return RAM in kB, the unit of PGTune's calculations */
    public long totalMemoryKb() {
        return totalMemoryBytes() / 1024;
    }

    /** @return a copy with another data size */
    public PgTuneInput withDataSize(DataSize size) {
        return new PgTuneInput(dbVersion, os, dbType, totalMemory, memoryUnit, cpus, connections, storage, size);
    }
}
