package org.planwright.tuning.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.ApplyMode;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.SettingsSnapshot;

/**
 * The advisor on the corpus's recorded PostgreSQL 15 snapshots (pg_settings, pg_stat_database and
 * pg_stat_bgwriter after pgbench and the TPC-H queries, pg_stat_statements of the 22 TPC-H queries), for the
 * machine they were recorded on (24 GB, 2 CPUs, SSD).
 */
class RecordedWorkloadAdviceTest {

    private static final Hardware MACHINE = new Hardware(24L << 30, 2, StorageType.SSD, "given");

    @Test
    void tempSpillsAndCacheMissesBecomeRecommendationsWithTheirNumbers() throws Exception {
        SettingsSnapshot settings = RecordedInputs.settings();
        assertThat(settings.settings()).as("recorded pg_settings rows").hasSizeGreaterThan(300);
        List<Map<String, String>> db = RecordedInputs.csv("workload/pg_stat_database-after-pgbench.csv");
        assertThat(db).hasSize(7);
        Map<String, String> bgwriter = RecordedInputs.csv("workload/pg_stat_bgwriter-after-pgbench.csv").getFirst();
        List<WorkloadEvidence.StatementStat> statements = RecordedInputs.csv(
                "workload/pgss-snapshot-tpch-22-queries-sf1.csv").stream().map(r -> new WorkloadEvidence.StatementStat(
                r.get("query"), Double.parseDouble(r.get("calls")), Double.parseDouble(r.get("total_exec_time")),
                Double.parseDouble(r.get("mean_exec_time")), Double.parseDouble(r.get("temp_blks_written")),
                Double.parseDouble(r.get("shared_blks_hit")), Double.parseDouble(r.get("shared_blks_read")))).toList();
        assertThat(statements).hasSize(27);
        double tempFiles = RecordedInputs.sum(db, "temp_files");
        double tempBytes = RecordedInputs.sum(db, "temp_bytes");
        WorkloadEvidence evidence = new WorkloadEvidence(3600, 0, RecordedInputs.sum(db, "blks_hit"),
                RecordedInputs.sum(db, "blks_read"), tempFiles, tempBytes, 0, 1, 0, 1, 60,
                Double.parseDouble(bgwriter.get("checkpoints_timed")),
                Double.parseDouble(bgwriter.get("checkpoints_req")), 3600, 0, 0, -1, -1, List.of(), statements);

        Advice advice = new PostgresConfigAdvisor().advise(new AdviceRequest(settings, evidence, MACHINE,
                OsType.LINUX, DbType.MIXED));

        ConfigRecommendation workMem = find(advice, "work_mem");
        // 64 temp files, 1.08 GB: twice the average spill is below 1.25 x the current 32MB, so 40MB
        assertThat(tempFiles).isEqualTo(64);
        assertThat(workMem.current()).isEqualTo("32MB");
        assertThat(workMem.recommended()).isEqualTo("40MB");
        assertThat(workMem.evidence().getFirst()).contains("64 temporary files").contains("1027MB");
        assertThat(workMem.evidence()).anySatisfy(e -> assertThat(e).contains("memory budget"));
        assertThat(workMem.statement()).isEqualTo("ALTER SYSTEM SET work_mem = '40MB'");
        assertThat(workMem.applyMode()).isEqualTo(ApplyMode.RELOAD);

        ConfigRecommendation sb = find(advice, "shared_buffers");
        assertThat(sb.evidence().getFirst()).contains("cache hit ratio 96.");
        assertThat(sb.recommended()).as("PGTune's 25% of 24 GB").isEqualTo("6GB");
        assertThat(sb.applyMode()).isEqualTo(ApplyMode.RESTART);
        assertThat(sb.risk()).isEqualTo(Risk.HIGH);

        assertThat(advice.recommendations()).extracting(ConfigRecommendation::parameter)
                .as("2 checkpoints are too few to judge; 2 CPUs get no parallel workers")
                .doesNotContain("max_wal_size", "max_parallel_workers_per_gather");
        assertThat(advice.notProposed()).extracting(NotProposed::parameter).contains("effective_cache_size");
    }

    private static ConfigRecommendation find(Advice advice, String name) {
        return advice.recommendations().stream().filter(r -> r.parameter().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not recommended: " + advice));
    }
}
