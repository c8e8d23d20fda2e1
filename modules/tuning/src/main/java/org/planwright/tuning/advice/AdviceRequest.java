package org.planwright.tuning.advice;

import java.util.Objects;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.SettingsSnapshot;

/**
 * Everything the PostgreSQL advisor looks at.
 *
 * @param settings the live configuration
 * @param evidence the workload's statistics
 * @param hardware RAM, CPUs, storage
 * @param os       the server's operating system (platform caps, effective_io_concurrency)
 * @param workload the workload type (the workload analyzer's classification, or the DBA's choice)
 */
public record AdviceRequest(SettingsSnapshot settings, WorkloadEvidence evidence, Hardware hardware, OsType os,
                            DbType workload) {
    public AdviceRequest {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(workload, "workload");
    }
}
