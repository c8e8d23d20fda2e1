package org.planwright.tuning.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.pgtune.PgTune;
import org.planwright.tuning.pgtune.PgTuneInput;
import org.planwright.tuning.pgtune.StorageType;

/** Comparison lines, normalised equality, grouping and the two exports. */
class ConfigComparisonTest {

    @Test
    void pgtuneAgainstALiveServerComparesOnlyPgTunesParametersWithUnitsNormalised() {
        ConfigSide live = new ConfigSide("live", Map.of("shared_buffers", "4096MB", "work_mem", "4MB",
                "checkpoint_completion_target", "0.9", "log_min_duration_statement", "-1"), false);
        ConfigSide pgtune = ConfigSide.of(PgTune.calculate(PgTuneInput.of(16, OsType.LINUX, DbType.WEB, 16, 4, null,
                StorageType.SSD)));
        List<ComparisonLine> lines = ConfigComparison.compare(live, pgtune);
        assertThat(lines).extracting(ComparisonLine::parameter).doesNotContain("log_min_duration_statement")
                .contains("shared_buffers", "max_wal_size");
        assertThat(lines).filteredOn(l -> l.parameter().equals("shared_buffers")).singleElement()
                .satisfies(l -> assertThat(l.differs()).as("4096MB = 4GB").isFalse());
        assertThat(lines).filteredOn(l -> l.parameter().equals("max_wal_size")).singleElement()
                .satisfies(l -> {
                    assertThat(l.left()).isEmpty();
                    assertThat(l.differs()).isTrue();
                    assertThat(l.group()).isEqualTo(ParameterGroup.WAL);
                });
        assertThat(lines.getFirst().group()).isEqualTo(ParameterGroup.MEMORY);
        assertThat(ConfigExport.alterSystem(lines)).contains("ALTER SYSTEM SET max_wal_size = '4GB';\n")
                .doesNotContain("shared_buffers");
        assertThat(ConfigExport.conf(lines)).contains("work_mem = ");
    }

    @Test
    void sameMeansTheSame() {
        assertThat(ConfigComparison.same("5min", "300s")).isTrue();
        assertThat(ConfigComparison.same("on", "true")).isTrue();
        assertThat(ConfigComparison.same("1.10", "1.1")).isTrue();
        assertThat(ConfigComparison.same("lz4", "LZ4")).isTrue();
        assertThat(ConfigComparison.same("4MB", "4kB")).isFalse();
        assertThat(ParameterGroup.of("autovacuum_vacuum_scale_factor")).isEqualTo(ParameterGroup.AUTOVACUUM);
        assertThat(ParameterGroup.of("max_parallel_workers_per_gather")).isEqualTo(ParameterGroup.PARALLELISM);
        assertThat(ParameterGroup.of("random_page_cost")).isEqualTo(ParameterGroup.PLANNER);
        assertThat(ParameterGroup.of("log_lock_waits")).isEqualTo(ParameterGroup.LOGGING);
    }
}
