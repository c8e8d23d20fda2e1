package org.planwright.tuning.pgtune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PGTune for PostgreSQL, rule by rule. Source: le0pard/pgtune, {@code src/features/configuration/configurationSlice.js}
 * (the selectors, at the version with the "data size" input, io_method/io_workers for PostgreSQL 18 and the
 * warning about cost parameters of data warehouses on SSDs) and
 * {@code src/common/components/configurationView/index.jsx} (output order and value format). All memory arithmetic
 * is in kB with PGTune's floors; work_mem keeps PGTune's floating-point division.
 *
 * <p>Stateless and thread-safe.
 */
public final class PgTune {

    static final long KB_PER_MB = 1024;
    static final long KB_PER_GB = 1024 * 1024;

    /** PGTune's default max_worker_processes when it sets no parallel settings (PostgreSQL's default, 8). */
    static final int DEFAULT_MAX_WORKER_PROCESSES = 8;

    private static final Map<DbType, Integer> MAX_CONNECTIONS = Map.of(DbType.WEB, 200, DbType.OLTP, 300,
            DbType.DW, 40, DbType.DESKTOP, 20, DbType.MIXED, 100);
    private static final Map<DbType, Long> MIN_WAL_SIZE_KB = Map.of(DbType.WEB, 1024 * KB_PER_MB,
            DbType.OLTP, 2048 * KB_PER_MB, DbType.DW, 4096 * KB_PER_MB, DbType.DESKTOP, 100 * KB_PER_MB,
            DbType.MIXED, 1024 * KB_PER_MB);
    private static final Map<DbType, Long> MAX_WAL_SIZE_KB = Map.of(DbType.WEB, 4096 * KB_PER_MB,
            DbType.OLTP, 8192 * KB_PER_MB, DbType.DW, 16384 * KB_PER_MB, DbType.DESKTOP, 2048 * KB_PER_MB,
            DbType.MIXED, 4096 * KB_PER_MB);

    private PgTune() {
    }

    /**
     * @param in the validated input
     * @return every parameter PGTune emits for it, in PGTune's order, and its warnings
     */
    public static PgTuneResult calculate(PgTuneInput in) {
        long ramKb = in.totalMemoryKb();
        boolean windowsCapped = in.os() == OsType.WINDOWS && in.dbVersion() <= 17;
        int maxConnections = in.connections() != null ? in.connections() : MAX_CONNECTIONS.get(in.dbType());
        long sharedBuffers = sharedBuffersKb(in, ramKb);
        long maintenance = maintenanceWorkMemKb(in, ramKb, windowsCapped);
        List<PgTuneSetting> parallel = parallelSettings(in);
        long workMem = workMemKb(in, ramKb, sharedBuffers, maxConnections, parallel, windowsCapped);
        Long autovacuumWorkMem = null;
        if (maintenance >= 2 * KB_PER_GB) {
            autovacuumWorkMem = 2 * KB_PER_GB;
            if (windowsCapped && autovacuumWorkMem > 2 * KB_PER_GB - KB_PER_MB) {
                autovacuumWorkMem = 2 * KB_PER_GB - KB_PER_MB;
            }
        }
        String ioMethod = in.dbVersion() < 18 ? null : in.os() == OsType.LINUX ? "io_uring" : "worker";
        String walCompression = in.dbVersion() >= 15 ? "lz4" : "on";

        List<PgTuneSetting> out = new ArrayList<>();
        plain(out, "max_connections", Integer.toString(maxConnections));
        memory(out, "shared_buffers", sharedBuffers);
        memory(out, "effective_cache_size", in.dbType() == DbType.DESKTOP ? ramKb / 4 : ramKb * 3 / 4);
        memory(out, "maintenance_work_mem", maintenance);
        plain(out, "checkpoint_completion_target", "0.9");
        memory(out, "wal_buffers", walBuffersKb(sharedBuffers));
        plain(out, "default_statistics_target", in.dbType() == DbType.DW ? "500" : "100");
        plain(out, "random_page_cost", randomPageCost(in));
        plain(out, "effective_io_concurrency", effectiveIoConcurrency(in));
        memory(out, "work_mem", workMem);
        plain(out, "huge_pages", in.os() != OsType.MAC && sharedBuffers >= 2 * KB_PER_GB ? "try" : "off");
        plain(out, "jit", in.dbVersion() >= 12 && in.dbType() != DbType.DW && in.dbType() != DbType.DESKTOP
                ? "off" : null);
        plain(out, "wal_compression", walCompression);
        plain(out, "autovacuum_max_workers", autovacuumMaxWorkers(in.cpus()));
        if (autovacuumWorkMem != null) {
            memory(out, "autovacuum_work_mem", autovacuumWorkMem);
        }
        plain(out, "io_method", ioMethod);
        plain(out, "io_workers", ioWorkers(in));
        memory(out, "min_wal_size", MIN_WAL_SIZE_KB.get(in.dbType()));
        memory(out, "max_wal_size", MAX_WAL_SIZE_KB.get(in.dbType()));
        out.addAll(parallel);
        if (in.dbType() == DbType.DESKTOP) {
            plain(out, "wal_level", "minimal");
            plain(out, "max_wal_senders", "0"); // must be 0 when wal_level = minimal
        }
        return new PgTuneResult(in, out, warnings(in, walCompression, ioMethod));
    }

    /**
     * PGTune's value format (configurationView {@code formatValue}): GB when the kB value is a whole number of GB,
     * else MB when a whole number of MB, else kB.
     *
     * @param kb a memory value in kB
     * @return e.g. {@code "16GB"}, {@code "512MB"}, {@code "3932kB"}
     */
    public static String formatKb(long kb) {
        if (kb % KB_PER_GB == 0) {
            return kb / KB_PER_GB + "GB";
        }
        if (kb % KB_PER_MB == 0) {
            return kb / KB_PER_MB + "MB";
        }
        return kb + "kB";
    }

    private static long sharedBuffersKb(PgTuneInput in, long ramKb) {
        long value = in.dbType() == DbType.DESKTOP ? ramKb / 16 : ramKb / 4;
        if (in.dbVersion() < 10 && in.os() == OsType.WINDOWS) {
            value = Math.min(value, 512 * KB_PER_MB); // unreachable for 10+, kept as PGTune has it
        }
        return value;
    }

    private static long maintenanceWorkMemKb(PgTuneInput in, long ramKb, boolean windowsCapped) {
        long value = in.dbType() == DbType.DW ? ramKb / 8 : ramKb / 16;
        long limit = windowsCapped ? 2 * KB_PER_GB : 8 * KB_PER_GB;
        if (value >= limit) {
            // 2GB raises an error on Windows up to PostgreSQL 17: PGTune takes 1 MB off
            value = windowsCapped ? limit - KB_PER_MB : limit;
        }
        return value;
    }

    private static long walBuffersKb(long sharedBuffersKb) {
        // 3% of shared_buffers up to 16MB (PostgreSQL's own auto-tuning since 9.1); 14-16MB is rounded up to 16MB
        long value = 3 * sharedBuffersKb / 100;
        long max = 16 * KB_PER_MB;
        if (value > max) {
            value = max;
        }
        if (value > 14 * KB_PER_MB && value < max) {
            value = max;
        }
        return Math.max(value, 32);
    }

    private static String randomPageCost(PgTuneInput in) {
        if (in.dataSize() == DataSize.LESS_RAM) {
            return "1.1"; // all reads come from the OS cache
        }
        if (in.storage() == StorageType.HDD || in.dbType() == DbType.DW) {
            return "4"; // DW beyond RAM: a low cost picks index scans for large retrievals
        }
        return "1.1";
    }

    private static String effectiveIoConcurrency(PgTuneInput in) {
        if (in.os() != OsType.LINUX) {
            return null;
        }
        return switch (in.storage()) {
            case HDD -> "2";
            case SSD -> "200";
            case SAN -> "300";
            case NVME -> "1000";
        };
    }

    private static List<PgTuneSetting> parallelSettings(PgTuneInput in) {
        Integer cpus = in.cpus();
        if (cpus == null || cpus < 4) {
            return List.of();
        }
        int perGather = ceilHalf(cpus);
        if (in.dbType() != DbType.DW && perGather > 4) {
            perGather = 4;
        }
        List<PgTuneSetting> list = new ArrayList<>();
        plain(list, "max_worker_processes", Integer.toString(cpus));
        plain(list, "max_parallel_workers_per_gather", Integer.toString(perGather));
        if (in.dbVersion() >= 10) {
            plain(list, "max_parallel_workers", Integer.toString(cpus));
        }
        if (in.dbVersion() >= 11) {
            plain(list, "max_parallel_maintenance_workers", Integer.toString(Math.min(4, ceilHalf(cpus))));
        }
        return list;
    }

    private static int ceilHalf(int n) {
        return (n + 1) / 2;
    }

    private static long workMemKb(PgTuneInput in, long ramKb, long sharedBuffersKb, int maxConnections,
                                  List<PgTuneSetting> parallel, boolean windowsCapped) {
        int workers = parallel.stream().filter(s -> s.name().equals("max_worker_processes"))
                .map(s -> Integer.parseInt(s.value())).filter(v -> v > 0).findFirst()
                .orElse(DEFAULT_MAX_WORKER_PROCESSES);
        // (RAM - shared_buffers) / ((max_connections + max_worker_processes) * 3), in floating point as JavaScript
        double value = (double) (ramKb - sharedBuffersKb) / ((double) (maxConnections + workers) * 3);
        long result = switch (in.dbType()) {
            case WEB, OLTP -> (long) Math.floor(value);
            case DW, MIXED -> (long) Math.floor(value / 2);
            case DESKTOP -> (long) Math.floor(value / 6);
        };
        if (in.dataSize() == DataSize.LESS_RAM) {
            result = (long) Math.floor(result * 1.3);
        } else if (in.dataSize() == DataSize.GREATER_RAM) {
            result = (long) Math.floor(result * 0.9);
        }
        result = Math.max(result, 4 * KB_PER_MB);
        if (windowsCapped) {
            result = Math.min(result, 2 * KB_PER_GB - KB_PER_MB);
        }
        return result;
    }

    private static String autovacuumMaxWorkers(Integer cpus) {
        if (cpus == null) {
            return null;
        }
        return cpus >= 32 ? "5" : cpus >= 16 ? "4" : null;
    }

    private static String ioWorkers(PgTuneInput in) {
        if (in.dbVersion() < 18 || in.cpus() == null) {
            return null;
        }
        int value = Math.min(32, Math.max(3, in.cpus() / 4));
        return value > 3 ? Integer.toString(value) : null;
    }

    private static List<String> warnings(PgTuneInput in, String walCompression, String ioMethod) {
        List<String> w = new ArrayList<>();
        long bytes = in.totalMemoryBytes();
        if (bytes < 256L * 1024 * 1024) {
            w.addAll(List.of("this tool not being optimal", "for low memory systems"));
        } else if (bytes > 100L * 1024 * 1024 * 1024) {
            w.addAll(List.of("this tool not being optimal", "for very high memory systems"));
        }
        if ("lz4".equals(walCompression)) {
            w.addAll(List.of("wal_compression = lz4 requires PostgreSQL", "to be compiled with --with-lz4"));
        }
        if ("io_uring".equals(ioMethod)) {
            w.addAll(List.of("io_method = io_uring requires PostgreSQL", "to be compiled with --with-liburing"));
        }
        if (in.dbType() == DbType.DW && in.storage() != StorageType.HDD && in.dataSize() != DataSize.LESS_RAM) {
            String drive = switch (in.storage()) {
                case SSD -> "SSDs";
                case NVME -> "NVMe drives";
                default -> "SAN storage";
            };
            w.addAll(List.of("Cost parameters for Data Warehouses on " + drive + " are left at defaults",
                    "to avoid catastrophic index scan selections",
                    "Monitor query planner behavior and adjust random_page_cost if necessary"));
        }
        if (!w.isEmpty()) {
            w.addFirst("WARNING");
        }
        return w;
    }

    private static void plain(List<PgTuneSetting> out, String name, String value) {
        if (value != null) {
            out.add(new PgTuneSetting(name, value, -1));
        }
    }

    private static void memory(List<PgTuneSetting> out, String name, long kb) {
        out.add(new PgTuneSetting(name, formatKb(kb), kb));
    }
}
