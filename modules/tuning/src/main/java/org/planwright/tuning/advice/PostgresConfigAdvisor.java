package org.planwright.tuning.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.planwright.tuning.pgtune.DataSize;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.pgtune.PgTune;
import org.planwright.tuning.pgtune.PgTuneInput;
import org.planwright.tuning.pgtune.PgTuneResult;
import org.planwright.tuning.pgtune.PgTuneSetting;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.ApplyMode;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingValue;

/**
 * Workload-aware PostgreSQL advice. PGTune's profile for the hardware ({@link PgTune}) gives the target values;
 * a change is proposed only when this workload's evidence shows it helps, and only when it differs from the
 * current value by more than 5% (timescaledb-tune's rule). The rules, each with the evidence it needs:
 * <ul>
 *   <li>work_mem: temporary files (pg_stat_database temp_files/temp_bytes, pg_stat_statements
 *       temp_blks_written) — raised to twice the average spill, within postgresqltuner's
 *       {@link MemoryBudget}, never above 2GB-1MB on Windows up to PostgreSQL 17; lowered when the budget is
 *       already broken. Without spills it is not raised: a larger work_mem changes plans (hash aggregates and
 *       larger hash joins instead of sorts) without saving any I/O — measured on TPC-H SF 0.2 with pg_tpch's
 *       indexes (PostgreSQL 15, modules/tuning/bench/config-anchors.sh): under PGTune's dw work_mem (43690kB), q18's
 *       {@code IN (SELECT l_orderkey ... GROUP BY l_orderkey HAVING ...)} becomes a HashAggregate over a Seq Scan of
 *       lineitem instead of a GroupAggregate over idx_lineitem_orderkey, 1.7-1.8x slower in every round of two
 *       runs; q1's plan does not change (its difference in the anchor was noise). Even with spills, the
 *       raise moves plans, so the
 *       recommendation says to keep it only when measured ({@code config apply --measure} reverts it when its effect
 *       is within noise).</li>
 *   <li>shared_buffers: cache hit ratio below 99% while the databases are larger than shared_buffers, or a
 *       table that sequential scans read whole again and again is larger than a quarter of it (the bulk-read
 *       ring, {@link #RING_FACTOR}) — raised to cover the data (x 1.2) and 4.4 x that table, at most PGTune's
 *       25% of RAM.</li>
 *   <li>max_connections / pooler: more than 80% of max_connections in use.</li>
 *   <li>max_wal_size: more than 10% of checkpoints requested (forced by WAL volume) rather than timed
 *       (PostgreSQL documentation, "WAL Configuration": checkpoints should be timed).</li>
 *   <li>random_page_cost / effective_io_concurrency: SSD, NVMe or SAN storage (or data that fits in RAM)
 *       with reads reaching the OS, except a data warehouse larger than RAM (PGTune's rule).</li>
 *   <li>parallel workers: 4 CPUs or more, and either workers not launched for lack of slots (PostgreSQL 18
 *       counters) or long analytical statements (mean above 1 s) on a dw/mixed workload.</li>
 *   <li>autovacuum: tables whose dead rows exceed the trigger and were not vacuumed for an hour.</li>
 * </ul>
 * Everything else PGTune would change is listed as {@link NotProposed} with the reason. Stateless, thread-safe.
 */
public final class PostgresConfigAdvisor {

    static final double HIT_RATIO_TARGET = 0.99;
    static final double REQUESTED_CHECKPOINT_SHARE = 0.10;
    static final double CONNECTION_USAGE_HIGH = 0.80;
    static final long MB = 1L << 20;

    /**
     * @param request settings, evidence, hardware, OS and workload type
     * @return the recommendations, the PGTune changes left out and notes
     */
    public Advice advise(AdviceRequest request) {
        Context c = new Context(request);
        workMem(c);
        sharedBuffers(c);
        connections(c);
        maxWalSize(c);
        storageCosts(c);
        parallelism(c);
        autovacuum(c);
        notProposed(c);
        return new Advice(c.out, c.skipped, c.notes);
    }

    /** @return PGTune's profile for this server's hardware, version, workload and data size */
    public static PgTuneResult baseline(AdviceRequest r) {
        int version = Math.max(PgTuneInput.MIN_VERSION, Math.min(PgTuneInput.MAX_VERSION,
                r.settings().majorVersion() == 0 ? PgTuneInput.MAX_VERSION : r.settings().majorVersion()));
        long ram = r.hardware().ramBytes();
        DataSize size = r.evidence().databaseBytes() <= 0 ? DataSize.MID_RAM
                : r.evidence().databaseBytes() < ram ? DataSize.LESS_RAM
                : r.evidence().databaseBytes() < 3.0 * ram ? DataSize.MID_RAM : DataSize.GREATER_RAM;
        Integer connections = r.settings().setting("max_connections").map(s -> (int) Double.parseDouble(s.setting()))
                .filter(n -> n >= 20).orElse(null);
        boolean wholeGb = ram % (1L << 30) == 0 || ram >= (8L << 30);
        return PgTune.calculate(new PgTuneInput(version, r.os(), r.workload(),
                wholeGb ? r.hardware().ramGb() : Math.max(512, ram >> 20),
                wholeGb ? PgTuneInput.MemoryUnit.GB : PgTuneInput.MemoryUnit.MB, r.hardware().cpus(), connections,
                r.hardware().storage(), size));
    }

    private static void workMem(Context c) {
        WorkloadEvidence e = c.evidence;
        double current = c.bytes("work_mem");
        double budgetMax = MemoryBudget.maxWorkMem(c.ram(), c.bytes("shared_buffers"), c.intValue("max_connections"),
                c.maintenanceBytes(), c.intValue("autovacuum_max_workers"));
        double cap = c.request.os() == OsType.WINDOWS && c.settings().majorVersion() <= 17
                ? 2048.0 * MB - MB : Double.MAX_VALUE;
        String budgetText = String.format(Locale.ROOT, "memory budget (postgresqltuner): shared_buffers %s + "
                        + "work_mem x %d connections x 1.5 + %s x %d autovacuum workers <= 80%% of RAM %s allows "
                        + "work_mem up to %s", fmt(c.bytes("shared_buffers")), c.intValue("max_connections"),
                fmt(c.maintenanceBytes()), c.intValue("autovacuum_max_workers"), fmt(c.ram()), fmt(budgetMax));
        if (current > budgetMax && budgetMax >= 64 * 1024) {
            double target = floorMb(budgetMax);
            c.propose("work_mem", fmt(target), "The memory budget is broken: at the current work_mem, PostgreSQL "
                            + "can use more than 80% of RAM when all connections sort or hash at once.",
                    List.of(budgetText), new Impact(Impact.Level.MEDIUM, "avoids swapping or the OOM killer under "
                            + "peak load"), Risk.MEDIUM);
            return;
        }
        if (e.tempFiles() <= 0) {
            c.skipReason("work_mem", "no temporary files in " + hours(e.statsSeconds()) + ": sorts and hashes fit; "
                    + "a larger work_mem only changes plans (hash aggregates, larger hash joins) without saving I/O "
                    + "(under PGTune's dw value, TPC-H q18's GROUP BY subquery turns from a GroupAggregate over the "
                    + "l_orderkey index into a HashAggregate over a sequential scan: 1.7x slower)");
            return;
        }
        double avgSpill = e.tempBytes() / e.tempFiles();
        double target = Math.min(Math.min(ceilMb(Math.max(avgSpill * 2, current * 1.25)), floorMb(budgetMax)), cap);
        List<String> ev = new ArrayList<>();
        ev.add(String.format(Locale.ROOT, "%.0f temporary files, %s written in %s (average %s per file)",
                e.tempFiles(), fmt(e.tempBytes()), hours(e.statsSeconds()), fmt(avgSpill)));
        List<WorkloadEvidence.StatementStat> spilling = e.statements().stream()
                .filter(s -> s.tempBlksWritten() > 0).toList();
        if (!spilling.isEmpty()) {
            double calls = e.statements().stream().mapToDouble(WorkloadEvidence.StatementStat::calls).sum();
            double spillCalls = spilling.stream().mapToDouble(WorkloadEvidence.StatementStat::calls).sum();
            ev.add(String.format(Locale.ROOT, "%d statements spill (%.1f%% of calls); the largest: %s temp written "
                            + "by \"%s\"", spilling.size(), calls == 0 ? 0 : 100 * spillCalls / calls,
                    fmt(spilling.stream().mapToDouble(WorkloadEvidence.StatementStat::tempBlksWritten).max()
                            .orElse(0) * 8192), abbreviate(spilling.stream().max(java.util.Comparator.comparingDouble(
                            WorkloadEvidence.StatementStat::tempBlksWritten)).orElseThrow().query())));
        }
        ev.add(budgetText);
        if (target <= current) {
            c.skipReason("work_mem", "spills seen, but the memory budget allows no more than " + fmt(budgetMax));
            return;
        }
        ev.add("a larger work_mem also changes plans (hash aggregates instead of sorted or index-ordered groups: "
                + "TPC-H q18 1.7x slower under PGTune's 43690kB); keep it only when measured");
        c.propose("work_mem", fmt(target), "Sorts and hashes spill to temporary files; twice the average spill "
                        + "lets most of them run in memory, within the memory budget. It also changes plans: apply it "
                        + "with a measurement (config apply --measure), which reverts it when its effect is noise or "
                        + "worse.", ev,
                new Impact(e.tempBytes() > 1e9 ? Impact.Level.HIGH : Impact.Level.MEDIUM,
                        "up to " + fmt(e.tempBytes()) + " of temp-file writes avoided per " + hours(e.statsSeconds())),
                Risk.MEDIUM);
    }

    /**
     * A sequential scan of a table larger than a quarter of shared_buffers reads through a 256 kB ring of buffers
     * and leaves almost nothing cached (PostgreSQL src/backend/access/heap/heapam.c, initscan: "NBuffers / 4";
     * src/backend/storage/buffer/README, "Buffer Ring Replacement Strategy"): such a table is read from the OS on
     * every scan however large the rest of the cache is. Measured on TPC-H SF 0.2 (PostgreSQL 15): with
     * shared_buffers 671MB, q1's scan of the 199MB lineitem read all 25,507 blocks from the OS on every run; with
     * 900MB every block was a hit from the second run on.
     */
    static final double RING_FACTOR = 4.0;

    private static void sharedBuffers(Context c) {
        WorkloadEvidence e = c.evidence;
        double ratio = e.cacheHitRatio();
        double current = c.bytes("shared_buffers");
        Optional<PgTuneSetting> pg = c.pgtune.setting("shared_buffers");
        if (Double.isNaN(ratio) || e.blocksRead() < 10_000) {
            c.skipReason("shared_buffers", "too few reads to judge the cache (" + (long) e.blocksRead()
                    + " blocks read from the OS)");
            return;
        }
        String ev = String.format(Locale.ROOT, "cache hit ratio %.2f%% (%,.0f blocks hit, %,.0f read from the OS); "
                + "databases %s, shared_buffers %s", ratio * 100, e.blocksHit(), e.blocksRead(),
                fmt(e.databaseBytes()), fmt(current));
        if (ratio >= HIT_RATIO_TARGET) {
            c.skipReason("shared_buffers", ev + ": the cache already serves 99% of reads");
            return;
        }
        WorkloadEvidence.ScannedTable scanned = e.scannedTable();
        double ring = scanned == null ? 0 : ceilMb(scanned.bytes() * RING_FACTOR * 1.1);
        String ringEv = scanned == null ? null : String.format(Locale.ROOT, "%s (%s) is read whole by sequential "
                        + "scans (%,.0f scans, %,.0f rows read, %,.0f live): a table larger than shared_buffers / 4 "
                        + "is scanned through a 256 kB ring and stays uncached (heapam.c initscan); "
                        + "%s keeps it cached", scanned.table(), fmt(scanned.bytes()), scanned.seqScans(),
                scanned.rowsRead(), scanned.liveRows(), fmt(ring));
        boolean ringBound = scanned != null && scanned.bytes() * RING_FACTOR > current;
        if (e.databaseBytes() > 0 && e.databaseBytes() <= current && !ringBound) {
            c.skipReason("shared_buffers", ev + ": the data already fits in shared_buffers");
            return;
        }
        double cap = pg.map(s -> s.kilobytes() * 1024.0).orElse(c.ram() / 4);
        double target = cap;
        if (e.databaseBytes() > 0) {
            target = Math.min(cap, Math.max(ceilMb(e.databaseBytes() * 1.2), ring));
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(ev);
        if (ringEv != null && ringBound) {
            evidence.add(ringEv + (ring > cap ? " — more than PGTune's 25% of RAM allows (" + fmt(cap) + ")" : ""));
        }
        c.propose("shared_buffers", fmt(target), "Reads miss the buffer cache and the data is larger than "
                        + "shared_buffers" + (ringBound ? ", or a table scanned whole again and again is larger "
                        + "than a quarter of it" : "") + ": more of it can stay in PostgreSQL's cache (PGTune's 25% "
                        + "of RAM at most).",
                evidence, new Impact(ratio < 0.9 ? Impact.Level.HIGH : Impact.Level.MEDIUM,
                        String.format(Locale.ROOT, "up to %,.0f fewer OS reads of %,.0f", e.blocksRead()
                                * Math.min(1, (target - current) / Math.max(1, e.databaseBytes() - current)),
                                e.blocksRead())), Risk.HIGH);
    }

    private static void connections(Context c) {
        WorkloadEvidence e = c.evidence;
        int max = c.intValue("max_connections");
        if (max <= 0) {
            return;
        }
        double usage = (double) e.connections() / max;
        String ev = String.format(Locale.ROOT, "%d of max_connections %d in use (%.0f%%): %d active, %d idle; "
                        + "oldest connection %s old", e.connections(), max, usage * 100, e.activeConnections(),
                e.idleConnections(), hours(e.oldestConnectionSeconds()));
        if (usage > CONNECTION_USAGE_HIGH) {
            if (e.idleConnections() > e.connections() / 2) {
                c.notes.add("Connection pooler: " + ev + ". Most connections are idle: a pooler (PgBouncer in "
                        + "transaction mode) serves them with a few server connections; raising max_connections "
                        + "would multiply work_mem instead.");
            } else {
                int target = (int) Math.ceil(e.connections() * 1.25);
                c.propose("max_connections", Integer.toString(target), "Connections are nearly exhausted and most "
                                + "are busy; 25% headroom (a pooler is still the better fix).", List.of(ev),
                        new Impact(Impact.Level.MEDIUM, "avoids 'too many clients' errors at peaks"), Risk.HIGH);
            }
        } else if (e.idleConnections() > 50 && e.oldestConnectionSeconds() > 3600) {
            c.notes.add("Connection pooler: " + ev + ". Many long-lived idle connections each hold memory; a pooler "
                    + "would reduce them.");
        }
    }

    private static void maxWalSize(Context c) {
        WorkloadEvidence e = c.evidence;
        double all = e.checkpointsTimed() + e.checkpointsRequested();
        double share = e.requestedCheckpointShare();
        double current = c.bytes("max_wal_size");
        String view = c.settings().majorVersion() >= 17 ? "pg_stat_checkpointer" : "pg_stat_bgwriter";
        String ev = String.format(Locale.ROOT, "%s: %.0f checkpoints requested, %.0f timed in %s", view,
                e.checkpointsRequested(), e.checkpointsTimed(), hours(e.checkpointSeconds()));
        if (all < 3 || Double.isNaN(share) || share <= REQUESTED_CHECKPOINT_SHARE) {
            c.skipReason("max_wal_size", all < 3 ? ev + ": too few checkpoints to judge"
                    : ev + ": checkpoints are mostly timed");
            return;
        }
        double pg = c.pgtune.setting("max_wal_size").map(s -> s.kilobytes() * 1024.0).orElse(0.0);
        double target = Math.max(ceilGb(current * 2), pg);
        c.propose("max_wal_size", fmt(target), "Checkpoints are forced by WAL volume rather than timed: each one "
                        + "writes dirty buffers early and adds full-page writes. A larger max_wal_size spaces them "
                        + "out (costs disk space for WAL and longer crash recovery).",
                List.of(ev + String.format(Locale.ROOT, " (%.0f%% requested)", share * 100)),
                new Impact(share > 0.5 ? Impact.Level.HIGH : Impact.Level.MEDIUM,
                        "fewer checkpoints and full-page writes under write load"), Risk.LOW);
    }

    private static void storageCosts(Context c) {
        WorkloadEvidence e = c.evidence;
        StorageType storage = c.request.hardware().storage();
        DataSize size = c.pgtune.input().dataSize();
        boolean fastRandom = storage != StorageType.HDD || size == DataSize.LESS_RAM;
        String storageEv = "storage " + storage.pgtuneName() + " (" + c.request.hardware().source() + "), databases "
                + fmt(e.databaseBytes()) + " vs RAM " + fmt(c.ram());
        if (c.request.workload() == DbType.DW && storage != StorageType.HDD && size != DataSize.LESS_RAM) {
            c.skipReason("random_page_cost", "a data warehouse larger than RAM keeps the default 4: a low cost "
                    + "picks index scans for large retrievals (PGTune's rule)");
        } else if (fastRandom && e.blocksRead() > 0) {
            String ev = String.format(Locale.ROOT, "%s; %,.0f blocks read from the OS; %,.0f index scans and %,.0f "
                    + "sequential scans of user tables", storageEv, e.blocksRead(), e.indexScans(), e.seqScans());
            c.propose("random_page_cost", "1.1", "Random reads cost about as much as sequential ones on this "
                            + "storage" + (size == DataSize.LESS_RAM ? " (the data fits in RAM)" : "")
                            + ": the default 4 steers the planner away from index scans that would be cheaper.",
                    List.of(ev), new Impact(Impact.Level.MEDIUM, "better index-scan choices for selective queries"),
                    Risk.MEDIUM);
        } else {
            c.skipReason("random_page_cost", storage == StorageType.HDD ? "spinning disks: 4 is right"
                    : "no reads reach the OS: I/O costs do not matter to this workload");
        }
        c.pgtune.value("effective_io_concurrency").ifPresent(pg -> {
            if (e.blocksRead() > 0 && storage != StorageType.HDD && c.request.os() == OsType.LINUX
                    && c.intValue("effective_io_concurrency") < Integer.parseInt(pg)) {
                c.propose("effective_io_concurrency", pg, "SSD/NVMe/SAN storage serves many concurrent reads; "
                                + "bitmap heap scans and prefetching can issue that many (PGTune's value for "
                                + storage.pgtuneName() + ").", List.of(storageEv),
                        new Impact(Impact.Level.LOW, "faster bitmap heap scans on cold data"), Risk.LOW);
            }
        });
    }

    private static void parallelism(Context c) {
        WorkloadEvidence e = c.evidence;
        int cpus = c.request.hardware().cpus();
        if (cpus < 4) {
            c.skipReason("max_parallel_workers_per_gather", cpus + " CPUs: parallel workers would compete with the "
                    + "sessions for the same cores (PGTune sets none under 4 CPUs)");
            return;
        }
        if (e.parallelWorkersToLaunch() > 0 && e.parallelWorkersLaunched() < e.parallelWorkersToLaunch() * 0.9) {
            String ev = String.format(Locale.ROOT, "pg_stat_database: %.0f parallel workers planned, %.0f launched",
                    e.parallelWorkersToLaunch(), e.parallelWorkersLaunched());
            c.propose("max_parallel_workers", Integer.toString(cpus), "Parallel plans did not get the workers "
                    + "they planned: the worker pool is too small for the CPUs.", List.of(ev),
                    new Impact(Impact.Level.MEDIUM, "planned parallel plans run with their workers"), Risk.LOW);
            c.propose("max_worker_processes", Integer.toString(cpus), "The parallel worker pool comes out of "
                    + "max_worker_processes.", List.of(ev), new Impact(Impact.Level.LOW, "room for the workers"),
                    Risk.HIGH);
        }
        List<WorkloadEvidence.StatementStat> longOnes = e.statements().stream()
                .filter(s -> s.meanMs() > 1000 && s.calls() > 0).toList();
        boolean analytical = c.request.workload() == DbType.DW || c.request.workload() == DbType.MIXED;
        Optional<String> pg = c.pgtune.value("max_parallel_workers_per_gather");
        if (analytical && !longOnes.isEmpty() && pg.isPresent()
                && c.intValue("max_parallel_workers_per_gather") < Integer.parseInt(pg.get())) {
            c.propose("max_parallel_workers_per_gather", pg.get(), "Long analytical statements can use more of "
                            + "the " + cpus + " CPUs (PGTune's value).",
                    List.of(String.format(Locale.ROOT, "%d statements take over 1 s on average; %s CPUs",
                            longOnes.size(), cpus)),
                    new Impact(Impact.Level.MEDIUM, "shorter scans and aggregates on large tables"), Risk.MEDIUM);
        }
    }

    private static void autovacuum(Context c) {
        List<WorkloadEvidence.TableVacuumLag> waiting = c.evidence.vacuumLag().stream()
                .filter(t -> t.secondsSinceAutovacuum() < 0 || t.secondsSinceAutovacuum() > 3600).toList();
        if (waiting.isEmpty()) {
            return;
        }
        List<String> ev = waiting.stream().limit(5).map(t -> String.format(Locale.ROOT,
                "%s: %,.0f dead rows of %,.0f live (trigger %,.0f), last vacuum %s", t.table(), t.deadRows(),
                t.liveRows(), t.threshold(), t.secondsSinceAutovacuum() < 0 ? "never" : hours(
                        t.secondsSinceAutovacuum()) + " ago")).toList();
        boolean bigTables = waiting.stream().anyMatch(t -> t.liveRows() > 1_000_000);
        if (bigTables && c.number("autovacuum_vacuum_scale_factor") > 0.05) {
            c.propose("autovacuum_vacuum_scale_factor", "0.05", "Large tables wait for 20% of their rows to be "
                    + "dead before autovacuum starts; 5% vacuums them sooner and in smaller steps.", ev,
                    new Impact(Impact.Level.MEDIUM, "less bloat, steadier scan times"), Risk.LOW);
        }
        if (waiting.size() >= Math.max(3, c.intValue("autovacuum_max_workers"))) {
            double limit = c.number("autovacuum_vacuum_cost_limit");
            double effective = limit < 0 ? c.number("vacuum_cost_limit") : limit;
            if (effective > 0 && effective < 800) {
                c.propose("autovacuum_vacuum_cost_limit", "800", waiting.size() + " tables wait for autovacuum: "
                                + "its I/O throttle lets the workers do little per round.", ev,
                        new Impact(Impact.Level.MEDIUM, "autovacuum keeps up with the dead rows"), Risk.LOW);
            }
        }
    }

    private static void notProposed(Context c) {
        for (PgTuneSetting s : c.pgtune.settings()) {
            if (c.decided.contains(s.name())) {
                continue;
            }
            Optional<ServerSetting> cur = c.settings().setting(s.name());
            if (cur.isEmpty()) {
                continue;
            }
            if (!cur.get().differsByMoreThan5Percent(s.value())) {
                continue;
            }
            String why = switch (s.name()) {
                case "effective_cache_size" -> "planner-only: a larger value makes index and nested-loop plans "
                        + "look cheaper; no evidence that this workload's plans need it";
                case "default_statistics_target" -> "longer ANALYZE and planning for every statement; raise it per "
                        + "column where row misestimates are seen instead";
                case "huge_pages", "wal_buffers", "max_worker_processes", "wal_level", "max_wal_senders" ->
                        "needs a restart and has no effect this workload's statistics can show";
                default -> "hardware-only value; nothing in this workload's statistics shows it would help";
            };
            c.skipped.add(new NotProposed(s.name(), cur.get().display(), s.value(), c.reasons.getOrDefault(s.name(),
                    why)));
        }
    }

    /** @return bytes in the largest unit without loss after rounding down to MB (to kB under 1 MB) */
    static String fmt(double bytes) {
        if (bytes <= 0) {
            return "0";
        }
        long b = (long) bytes;
        return SettingValue.formatBytes(b >= MB ? b - b % MB : Math.max(1024, b - b % 1024));
    }

    static double ceilMb(double bytes) {
        return Math.ceil(bytes / MB) * MB;
    }

    static double floorMb(double bytes) {
        return Math.floor(bytes / MB) * MB;
    }

    static double ceilGb(double bytes) {
        return Math.ceil(bytes / (1L << 30)) * (1L << 30);
    }

    static String hours(double seconds) {
        if (seconds <= 0) {
            return "the observed period";
        }
        return seconds < 3600 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    static String abbreviate(String query) {
        String q = query == null ? "" : query.replaceAll("\\s+", " ").strip();
        return q.length() > 60 ? q.substring(0, 57) + "..." : q;
    }

    /** The state of one advise run. */
    private static final class Context {
        final AdviceRequest request;
        final WorkloadEvidence evidence;
        final PgTuneResult pgtune;
        final List<ConfigRecommendation> out = new ArrayList<>();
        final List<NotProposed> skipped = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Set<String> decided = new TreeSet<>();
        final java.util.Map<String, String> reasons = new java.util.HashMap<>();

        Context(AdviceRequest request) {
            this.request = request;
            this.evidence = request.evidence();
            this.pgtune = baseline(request);
        }

        org.planwright.tuning.settings.SettingsSnapshot settings() {
            return request.settings();
        }

        double ram() {
            return request.hardware().ramBytes();
        }

        double bytes(String name) {
            return settings().setting(name).map(s -> s.baseValue().orElse(0)).orElse(0.0);
        }

        double number(String name) {
            return settings().setting(name).map(s -> s.baseValue().orElse(0)).orElse(0.0);
        }

        int intValue(String name) {
            return (int) number(name);
        }

        double maintenanceBytes() {
            double av = bytes("autovacuum_work_mem");
            return av > 0 ? av : bytes("maintenance_work_mem");
        }

        void skipReason(String name, String why) {
            reasons.put(name, why);
        }

        void propose(String name, String value, String reason, List<String> ev, Impact impact, Risk risk) {
            Optional<ServerSetting> cur = settings().setting(name);
            if (cur.isEmpty()) {
                return;
            }
            if (!cur.get().differsByMoreThan5Percent(value)) {
                reasons.put(name, "within 5% of the current value");
                return;
            }
            decided.add(name);
            ApplyMode mode = cur.get().applyMode();
            Risk r = mode == ApplyMode.RESTART ? Risk.HIGH : risk;
            out.add(new ConfigRecommendation(name, cur.get().display(), value, reason, ev, impact, r, mode,
                    ConfigRecommendation.alterSystem(name, value)));
        }
    }
}
