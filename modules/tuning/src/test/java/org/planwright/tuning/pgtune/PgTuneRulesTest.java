package org.planwright.tuning.pgtune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * PGTune's rules outside the reference table (other versions, Windows, macOS, SAN/NVMe, data sizes, connections),
 * against the expectations of PGTune's own unit tests ({@code configurationSlice.test.js}) and the values its
 * formulas give by hand.
 */
class PgTuneRulesTest {

    @Test
    void windowsUpToPg17CapsWorkMemAt2GbMinus1Mb() {
        PgTuneInput in = PgTuneInput.of(17, OsType.WINDOWS, DbType.WEB, 256, 4, 20, StorageType.SSD);
        PgTuneResult r = PgTune.calculate(in);
        assertThat(r.setting("work_mem").orElseThrow().kilobytes()).isEqualTo(2096128);
        assertThat(r.value("work_mem")).contains("2047MB");
        assertThat(r.value("maintenance_work_mem")).contains("2047MB");
        assertThat(r.value("autovacuum_work_mem")).isEmpty();
        assertThat(r.value("effective_io_concurrency")).as("only Linux").isEmpty();
    }

    @Test
    void windowsPg18LiftsTheCaps() {
        PgTuneResult r = PgTune.calculate(PgTuneInput.of(18, OsType.WINDOWS, DbType.WEB, 256, 4, 20,
                StorageType.SSD));
        assertThat(r.setting("work_mem").orElseThrow().kilobytes()).isEqualTo(2796202);
        assertThat(r.value("autovacuum_work_mem")).contains("2GB");
        assertThat(r.value("io_method")).contains("worker");
        assertThat(r.warnings()).containsExactly("WARNING", "this tool not being optimal",
                "for very high memory systems", "wal_compression = lz4 requires PostgreSQL",
                "to be compiled with --with-lz4");
    }

    @Test
    void pg18OnLinuxWithManyCpusUsesIoUringAndIoWorkers() {
        PgTuneResult r = PgTune.calculate(PgTuneInput.of(18, OsType.LINUX, DbType.DW, 64, 32, null,
                StorageType.NVME));
        assertThat(r.value("io_method")).contains("io_uring");
        assertThat(r.value("io_workers")).contains("8");
        assertThat(r.value("effective_io_concurrency")).contains("1000");
        assertThat(r.value("random_page_cost")).as("DW beyond RAM keeps the default").contains("4");
        assertThat(r.value("max_parallel_workers_per_gather")).as("DW is not capped at 4").contains("16");
        assertThat(r.value("autovacuum_max_workers")).contains("5");
        assertThat(r.warnings()).contains("io_method = io_uring requires PostgreSQL",
                "Cost parameters for Data Warehouses on NVMe drives are left at defaults");
    }

    @Test
    void dataSizeChangesWorkMemAndRandomPageCost() {
        PgTuneInput mid = PgTuneInput.of(16, OsType.LINUX, DbType.OLTP, 16, 4, null, StorageType.HDD);
        long midKb = PgTune.calculate(mid).setting("work_mem").orElseThrow().kilobytes();
        // (16 GB - 4 GB) / ((300 + 4) * 3) kB
        assertThat(midKb).isEqualTo((long) Math.floor((16L * 1048576 - 4L * 1048576) / (304.0 * 3)));
        PgTuneResult less = PgTune.calculate(mid.withDataSize(DataSize.LESS_RAM));
        assertThat(less.setting("work_mem").orElseThrow().kilobytes()).isEqualTo((long) Math.floor(midKb * 1.3));
        assertThat(less.value("random_page_cost")).as("data in RAM: random reads are cheap even on HDD")
                .contains("1.1");
        PgTuneResult greater = PgTune.calculate(mid.withDataSize(DataSize.GREATER_RAM));
        assertThat(greater.setting("work_mem").orElseThrow().kilobytes())
                .isEqualTo((long) Math.floor(midKb * 0.9));
        assertThat(greater.value("random_page_cost")).contains("4");
    }

    @Test
    void oldVersionsAndMacOs() {
        PgTuneResult r = PgTune.calculate(PgTuneInput.of(10, OsType.MAC, DbType.MIXED, 32, 8, 50, StorageType.SAN));
        assertThat(r.value("huge_pages")).as("macOS has no huge pages").contains("off");
        assertThat(r.value("wal_compression")).contains("on");
        assertThat(r.value("jit")).as("no jit before 12").isEmpty();
        assertThat(r.value("max_parallel_maintenance_workers")).as("since 11").isEmpty();
        assertThat(r.value("max_parallel_workers")).contains("8");
        assertThat(r.value("max_connections")).contains("50");
        assertThat(r.warnings()).isEmpty();
        assertThat(PgTune.calculate(PgTuneInput.of(11, OsType.LINUX, DbType.WEB, 4, 4, null, StorageType.SAN))
                .value("effective_io_concurrency")).contains("300");
    }

    @Test
    void lowMemoryInMegabytes() {
        PgTuneInput in = new PgTuneInput(15, OsType.LINUX, DbType.DESKTOP, 512, PgTuneInput.MemoryUnit.MB, null,
                null, StorageType.SSD, DataSize.MID_RAM);
        PgTuneResult r = PgTune.calculate(in);
        assertThat(r.value("shared_buffers")).contains("32MB");
        assertThat(r.value("wal_buffers")).as("3% of 32MB").contains("983kB");
        assertThat(r.value("wal_level")).contains("minimal");
        assertThat(r.value("max_wal_senders")).contains("0");
        assertThat(r.value("work_mem")).as("PGTune's 4MB floor").contains("4MB");
    }

    @Test
    void outputsAreThoseOfPgTune() {
        PgTuneResult r = PgTune.calculate(PgTuneInput.of(15, OsType.LINUX, DbType.WEB, 4, 4, 300, StorageType.SSD));
        String conf = PgTuneOutput.conf(r);
        assertThat(conf).startsWith("# WARNING\n# wal_compression = lz4 requires PostgreSQL\n")
                .contains("# DB Version: 15\n# OS Type: linux\n# DB Type: web\n# Total Memory (RAM): 4 GB\n"
                        + "# CPUs num: 4\n# Connections num: 300\n# Data Storage: ssd\n\nmax_connections = 300\n"
                        + "shared_buffers = 1GB\n")
                .contains("work_mem = 4MB\nhuge_pages = off\njit = off\nwal_compression = lz4\nmin_wal_size = 1GB\n");
        assertThat(PgTuneOutput.alterSystem(r)).contains("-- DB Version: 15\n")
                .contains("ALTER SYSTEM SET max_parallel_maintenance_workers = '2';\n");
    }

    @Test
    void badInputIsRefusedWithTheRange() {
        assertThatThrownBy(() -> PgTuneInput.of(9, OsType.LINUX, DbType.WEB, 4, 4, null, StorageType.SSD))
                .hasMessageContaining("10 to 18");
        assertThatThrownBy(() -> PgTuneInput.of(15, OsType.LINUX, DbType.WEB, 4, 4, 10, StorageType.SSD))
                .hasMessageContaining("connections must be 20");
        assertThatThrownBy(() -> DbType.parse("olap")).hasMessageContaining("web, oltp, dw, desktop, mixed");
    }
}
