package org.planwright.tuning.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingsSnapshot;

/** Each advice rule on evidence made to trigger it, or not; values follow PostgreSQL 16's defaults. */
class AdviceRulesTest {

    private static final Hardware HW16 = new Hardware(16L << 30, 8, StorageType.SSD, "given");

    private static SettingsSnapshot defaults(String... overrides) {
        List<ServerSetting> s = new ArrayList<>(List.of(
                ServerSetting.of("shared_buffers", "16384", "8kB", "postmaster", "integer", "default"),
                ServerSetting.of("work_mem", "4096", "kB", "user", "integer", "default"),
                ServerSetting.of("maintenance_work_mem", "65536", "kB", "user", "integer", "default"),
                ServerSetting.of("autovacuum_work_mem", "-1", "kB", "sighup", "integer", "default"),
                ServerSetting.of("autovacuum_max_workers", "3", null, "postmaster", "integer", "default"),
                ServerSetting.of("max_connections", "100", null, "postmaster", "integer", "default"),
                ServerSetting.of("max_wal_size", "1024", "MB", "sighup", "integer", "default"),
                ServerSetting.of("random_page_cost", "4", null, "user", "real", "default"),
                ServerSetting.of("effective_io_concurrency", "1", null, "user", "integer", "default"),
                ServerSetting.of("effective_cache_size", "524288", "8kB", "user", "integer", "default"),
                ServerSetting.of("max_parallel_workers_per_gather", "2", null, "user", "integer", "default"),
                ServerSetting.of("max_parallel_workers", "8", null, "user", "integer", "default"),
                ServerSetting.of("max_worker_processes", "8", null, "postmaster", "integer", "default"),
                ServerSetting.of("autovacuum_vacuum_scale_factor", "0.2", null, "sighup", "real", "default"),
                ServerSetting.of("autovacuum_vacuum_cost_limit", "-1", null, "sighup", "integer", "default"),
                ServerSetting.of("vacuum_cost_limit", "200", null, "user", "integer", "default")));
        for (int i = 0; i < overrides.length; i += 2) {
            String name = overrides[i];
            String value = overrides[i + 1];
            ServerSetting old = s.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            s.replaceAll(x -> x == old ? ServerSetting.of(name, value, old.unit(), old.context(),
                    old.vartype(), "configuration file") : x);
        }
        return SettingsSnapshot.of(Instant.EPOCH, "test", "16.4", 160004, s, List.of());
    }

    private static WorkloadEvidence evidence(double tempFiles, double tempBytes, double hit, double read,
                                             double timed, double requested, List<WorkloadEvidence.StatementStat> st,
                                             List<WorkloadEvidence.TableVacuumLag> lag) {
        return new WorkloadEvidence(7200, 8e9, hit, read, tempFiles, tempBytes, 1e5, 20, 5, 15, 600, timed,
                requested, 7200, 100, 900, -1, -1, lag, st);
    }

    private static Advice advise(SettingsSnapshot s, WorkloadEvidence e, DbType type) {
        return new PostgresConfigAdvisor().advise(new AdviceRequest(s, e, HW16, OsType.LINUX, type));
    }

    private static List<String> params(Advice a) {
        return a.recommendations().stream().map(ConfigRecommendation::parameter).toList();
    }

    @Test
    void withoutSpillsWorkMemIsNotRaisedAndTheReasonSaysWhy() {
        Advice a = advise(defaults(), evidence(0, 0, 1e6, 1e3, 10, 0, List.of(), List.of()), DbType.DW);
        assertThat(params(a)).doesNotContain("work_mem");
        assertThat(a.notProposed()).filteredOn(n -> n.parameter().equals("work_mem")).singleElement()
                .satisfies(n -> assertThat(n.why()).contains("no temporary files").contains("q18").contains("HashAggregate"));
    }

    @Test
    void spillsRaiseWorkMemWithinTheMemoryBudget() {
        // 100 files of 200MB each: twice the spill is 400MB, but 80% of 16 GB - 128MB - 3 x 64MB over 100 x 1.5
        Advice a = advise(defaults(), evidence(100, 100 * 200e6, 1e6, 1e3, 10, 0, List.of(), List.of()),
                DbType.OLTP);
        ConfigRecommendation wm = a.recommendations().stream().filter(r -> r.parameter().equals("work_mem"))
                .findFirst().orElseThrow();
        double budget = MemoryBudget.maxWorkMem(16.0 * (1L << 30), 128.0 * (1 << 20), 100, 64.0 * (1 << 20), 3);
        assertThat(wm.recommended()).isEqualTo((long) (budget / (1 << 20)) + "MB");
    }

    @Test
    void aBrokenBudgetLowersWorkMem() {
        Advice a = advise(defaults("work_mem", "1048576"), evidence(0, 0, 1e6, 1e3, 10, 0, List.of(), List.of()),
                DbType.WEB);
        assertThat(a.recommendations()).filteredOn(r -> r.parameter().equals("work_mem")).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("budget is broken"));
    }

    @Test
    void requestedCheckpointsRaiseMaxWalSizeAndTimedOnesDoNot() {
        Advice forced = advise(defaults(), evidence(0, 0, 1e6, 1e3, 2, 18, List.of(), List.of()), DbType.OLTP);
        assertThat(forced.recommendations()).filteredOn(r -> r.parameter().equals("max_wal_size")).singleElement()
                .satisfies(r -> {
                    assertThat(r.recommended()).as("PGTune's oltp 8GB beats 2 x 1GB").isEqualTo("8GB");
                    assertThat(r.evidence().getFirst()).contains("18 checkpoints requested, 2 timed")
                            .contains("pg_stat_bgwriter");
                });
        Advice timed = advise(defaults(), evidence(0, 0, 1e6, 1e3, 18, 1, List.of(), List.of()), DbType.OLTP);
        assertThat(params(timed)).doesNotContain("max_wal_size");
    }

    @Test
    void ssdReadsLowerRandomPageCostExceptForADataWarehouseBeyondRam() {
        WorkloadEvidence e = evidence(0, 0, 1e6, 5e5, 10, 0, List.of(), List.of());
        assertThat(params(advise(defaults(), e, DbType.OLTP))).contains("random_page_cost", "effective_io_concurrency");
        WorkloadEvidence big = new WorkloadEvidence(7200, 40e9, 1e6, 5e5, 0, 0, 0, 1, 1, 0, 1, 10, 0, 7200, 1, 1, -1,
                -1, List.of(), List.of());
        assertThat(params(advise(defaults(), big, DbType.DW))).doesNotContain("random_page_cost");
    }

    @Test
    void hitRatioBelow99PercentRaisesSharedBuffersUpToTheData() {
        Advice a = advise(defaults(), evidence(0, 0, 9e6, 1e6, 10, 0, List.of(), List.of()), DbType.WEB);
        ConfigRecommendation sb = a.recommendations().stream().filter(r -> r.parameter().equals("shared_buffers"))
                .findFirst().orElseThrow();
        assertThat(sb.recommended()).as("min(25% of 16GB, 1.2 x 8e9 bytes)").isEqualTo("4GB");
        assertThat(params(advise(defaults(), evidence(0, 0, 999e6, 1e6, 10, 0, List.of(), List.of()), DbType.WEB)))
                .doesNotContain("shared_buffers");
    }

    @Test
    void aTableScannedWholeThatIsLargerThanAQuarterOfSharedBuffersSizesItEvenWhenTheDataFits() {
        // TPC-H SF 0.2 as measured: databases 559MB, lineitem 199MB scanned 602 times; shared_buffers 671MB
        // holds the data, but lineitem > 671MB / 4 is scanned through the bulk-read ring and never cached
        WorkloadEvidence.ScannedTable lineitem = new WorkloadEvidence.ScannedTable("public.lineitem",
                199.0 * (1 << 20), 602, 333_572_478, 1_199_969);
        WorkloadEvidence tpch = new WorkloadEvidence(600, 559.0 * (1 << 20), 1_033_549, 380_791, 0, 0, 100, 1, 1, 0,
                60, 0, 0, 600, 5000, 900, -1, -1, List.of(), List.of(), lineitem);
        Advice a = advise(defaults("shared_buffers", String.valueOf(671 * 128)), tpch, DbType.DW);
        assertThat(a.recommendations()).filteredOn(r -> r.parameter().equals("shared_buffers")).singleElement()
                .satisfies(r -> {
                    assertThat(r.recommended()).as("4 x 199MB x 1.1, rounded up to MB").isEqualTo("876MB");
                    assertThat(r.evidence().get(1)).contains("public.lineitem (199MB)").contains("602 scans")
                            .contains("256 kB ring");
                });
        WorkloadEvidence small = new WorkloadEvidence(600, 559.0 * (1 << 20), 1_033_549, 380_791, 0, 0, 100, 1, 1,
                0, 60, 0, 0, 600, 5000, 900, -1, -1, List.of(), List.of(), new WorkloadEvidence.ScannedTable(
                "public.orders", 46.0 * (1 << 20), 782, 99e6, 300_000));
        assertThat(params(advise(defaults("shared_buffers", String.valueOf(671 * 128)), small, DbType.DW)))
                .as("the data fits and the largest scanned table is under a quarter").doesNotContain("shared_buffers");
        WorkloadEvidence huge = new WorkloadEvidence(600, 559.0 * (1 << 20), 1_033_549, 380_791, 0, 0, 100, 1, 1,
                0, 60, 0, 0, 600, 5000, 900, -1, -1, List.of(), List.of(), new WorkloadEvidence.ScannedTable(
                "public.facts", 3.0 * (1L << 30), 50, 1e9, 1e8));
        assertThat(advise(defaults(), huge, DbType.DW).recommendations())
                .filteredOn(r -> r.parameter().equals("shared_buffers")).singleElement()
                .satisfies(r -> {
                    assertThat(r.recommended()).as("never beyond PGTune's 25% of 16GB").isEqualTo("4GB");
                    assertThat(r.evidence().get(1)).contains("more than PGTune's 25% of RAM allows");
                });
    }

    @Test
    void longAnalyticalStatementsOnEightCpusGetPgTunesParallelWorkers() {
        List<WorkloadEvidence.StatementStat> st = List.of(new WorkloadEvidence.StatementStat("select ... q1", 3,
                9000, 3000, 0, 1e5, 1e5));
        Advice a = advise(defaults(), evidence(0, 0, 1e6, 1e3, 10, 0, st, List.of()), DbType.DW);
        assertThat(a.recommendations()).filteredOn(r -> r.parameter().equals("max_parallel_workers_per_gather"))
                .singleElement().satisfies(r -> assertThat(r.recommended()).isEqualTo("4"));
        assertThat(params(advise(defaults(), evidence(0, 0, 1e6, 1e3, 10, 0, st, List.of()), DbType.OLTP)))
                .doesNotContain("max_parallel_workers_per_gather");
    }

    @Test
    void autovacuumLagOnLargeTablesLowersTheScaleFactor() {
        List<WorkloadEvidence.TableVacuumLag> lag = List.of(
                new WorkloadEvidence.TableVacuumLag("public.orders", 5e6, 2e6, 1e6 + 50, 7200),
                new WorkloadEvidence.TableVacuumLag("public.items", 2e6, 9e5, 4e5 + 50, -1),
                new WorkloadEvidence.TableVacuumLag("public.events", 3e6, 9e5, 6e5 + 50, 90000));
        Advice a = advise(defaults(), evidence(0, 0, 1e6, 1e3, 10, 0, List.of(), lag), DbType.OLTP);
        assertThat(params(a)).contains("autovacuum_vacuum_scale_factor", "autovacuum_vacuum_cost_limit");
        assertThat(a.recommendations().stream().filter(r -> r.parameter().equals("autovacuum_vacuum_scale_factor"))
                .findFirst().orElseThrow().evidence().getFirst()).contains("public.orders").contains("2,000,000 dead");
    }

    @Test
    void changesWithin5PercentAreNotProposed() {
        WorkloadEvidence e = evidence(0, 0, 1e6, 5e5, 10, 0, List.of(), List.of());
        // random_page_cost 1.15 vs the rule's 1.1: 4.3% apart
        Advice near = advise(defaults("random_page_cost", "1.15"), e, DbType.OLTP);
        assertThat(params(near)).doesNotContain("random_page_cost");
        assertThat(near.notProposed()).extracting(NotProposed::parameter).doesNotContain("random_page_cost");
        assertThat(params(advise(defaults("random_page_cost", "1.2"), e, DbType.OLTP))).contains("random_page_cost");
    }
}
