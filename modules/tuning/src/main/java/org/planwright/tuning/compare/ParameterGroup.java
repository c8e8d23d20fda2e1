package org.planwright.tuning.compare;

import java.util.Locale;

/**
 * The groups of the comparison panes, by parameter name (PostgreSQL's pg_settings categories, coarsened:
 * "Resource Usage / Memory" is MEMORY, "Write-Ahead Log / *" and checkpoints are WAL, "Query Tuning / *" is
 * PLANNER, ...).
 */
public enum ParameterGroup {
    MEMORY("Memory"), WAL("WAL and checkpoints"), PLANNER("Planner"), PARALLELISM("Parallelism"),
    AUTOVACUUM("Autovacuum"), LOGGING("Logging"), CONNECTIONS("Connections"), OTHER("Other");

    private final String label;

    ParameterGroup(String label) {
        this.label = label;
    }

    /** @return the heading shown, e.g. "WAL and checkpoints" */
    public String label() {
        return label;
    }

    /** @return the group of a PostgreSQL parameter */
    public static ParameterGroup of(String parameter) {
        String p = parameter.toLowerCase(Locale.ROOT);
        if (p.startsWith("autovacuum") || p.startsWith("vacuum_")) {
            return AUTOVACUUM;
        }
        if (p.contains("parallel") || p.equals("max_worker_processes")) {
            return PARALLELISM;
        }
        if (p.startsWith("wal_") || p.contains("checkpoint") || p.endsWith("_wal_size") || p.equals("max_wal_senders")
                || p.equals("synchronous_commit") || p.equals("full_page_writes") || p.equals("fsync")
                || p.startsWith("commit_")) {
            return WAL;
        }
        if (p.startsWith("log_") || p.startsWith("logging_") || p.equals("track_io_timing")
                || p.startsWith("debug_")) {
            return LOGGING;
        }
        if (p.endsWith("_mem") || p.equals("shared_buffers") || p.equals("huge_pages") || p.equals("temp_buffers")
                || p.equals("hash_mem_multiplier") || p.equals("effective_cache_size")
                || p.equals("logical_decoding_work_mem")) {
            return MEMORY;
        }
        if (p.endsWith("_cost") || p.startsWith("enable_") || p.equals("default_statistics_target")
                || p.startsWith("jit") || p.equals("effective_io_concurrency") || p.startsWith("geqo")
                || p.endsWith("_collapse_limit") || p.equals("random_page_cost") || p.startsWith("io_")) {
            return PLANNER;
        }
        if (p.contains("connection") || p.startsWith("tcp_") || p.equals("listen_addresses") || p.equals("port")
                || p.contains("timeout")) {
            return CONNECTIONS;
        }
        return OTHER;
    }
}
