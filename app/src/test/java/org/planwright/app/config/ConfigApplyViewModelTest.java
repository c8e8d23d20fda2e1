package org.planwright.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.sandbox.Sandbox;
import org.planwright.store.ConfigChangeRecord;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.advice.ConfigRecommendation;
import org.planwright.tuning.advice.Impact;
import org.planwright.tuning.advice.Risk;
import org.planwright.tuning.apply.ChangeEvent;
import org.planwright.tuning.apply.ConfigApplier;
import org.planwright.tuning.apply.LastChange;
import org.planwright.tuning.apply.PgbenchProbe;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.ApplyMode;
import org.planwright.tuning.settings.Hardware;

/**
 * The Apply action's view model without a scene, on a real PostgreSQL 18 — a temporary cluster of its own, since
 * ALTER SYSTEM changes the whole cluster — with a real workbench store and real pgbench runs: the advisor's
 * recommendation (work_mem, from the temp files of a sorting workload) is validated, confirmed, applied and recorded;
 * a dismissed confirmation changes nothing; a bad change (work_mem 64kB on a NOT IN workload) is measured, found
 * degraded and reverted, with a restart-only change prepared only and the phases shown; a run cancelled while
 * measuring reverts. After each test the server's postgresql.auto.conf is back to empty.
 */
class ConfigApplyViewModelTest {

    @TempDir
    static Path home;

    private static Sandbox server;
    private static WorkbenchStore store;
    private Workspace ws;
    private static ConnectionProfile profile;
    private static String label;
    private static Path script;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(PgbenchProbe.locate().isPresent(), "no pgbench installed (postgresql-15 package)");
        server = Sandbox.start(Sandbox.Options.temporary());
        server.createDatabase("bench");
        try (Connection c = server.connect("bench"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE not_in_outer AS SELECT g AS id FROM generate_series(1, 400) g");
            st.execute("CREATE TABLE not_in_inner AS SELECT g * 2 AS id FROM generate_series(1, 6000) g");
            st.execute("ANALYZE");
        }
        profile = ConnectionProfile.postgres("own", "127.0.0.1", server.port(), "bench", Sandbox.SUPERUSER, "disable");
        label = "127.0.0.1:" + server.port();
        store = WorkbenchStore.open(home);
        script = Path.of(ConfigApplyViewModelTest.class.getResource("/workloads/not-in-subquery.sql").toURI());
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void workspace() {
        ws = store.workspaces().create("Tuning " + java.util.UUID.randomUUID());
    }

    /** Undoes what a test left in effect, the way 'planwright config revert' does, then checks the file is empty. */
    @AfterEach
    void serverBack() throws Exception {
        try (TargetSession s = new TargetConnector().open(profile, null, SessionOptions.readWrite())) {
            ConfigApplier applier = new ConfigApplier(Clock.systemUTC());
            List<ChangeEvent> last;
            while (!(last = LastChange.inEffect(events(), label)).isEmpty()) {
                applier.restore(s, label, LastChange.undo(last, applier.snapshot(s, label)));
                for (ChangeEvent e : last) {
                    store.configHistory().append(new ConfigChangeRecord(java.util.UUID.randomUUID(), ws.id(), null,
                            label, e.parameter(), e.newValue(), e.oldValue(), e.context(), "REVERTED", "test",
                            java.time.Instant.now(), "test clean-up", null));
                }
            }
            assertThat(applier.snapshot(s, label).fileSettings()).noneMatch(f -> f.fromAlterSystem());
        }
    }

    private List<ChangeEvent> events() {
        return store.configHistory().changes(ws.id(), 1000).stream().map(r -> new ChangeEvent(r.changedAt(),
                r.changedBy(), r.server(), r.parameter(), r.oldValue(), r.newValue(), r.settingContext(),
                ChangeEvent.Action.valueOf(r.action()), r.measuredResult() == null ? "" : r.measuredResult(),
                r.runId())).toList();
    }

    private List<String> actions() {
        return store.configHistory().changes(ws.id(), 1000).stream().map(r -> r.action() + " " + r.parameter())
                .toList();
    }

    private ConfigApplyViewModel vm(AtomicInteger historyReloads) {
        SessionConfigChanger changer = new SessionConfigChanger(new TargetConnector(), profile, label,
                new Hardware(16L << 30, 4, StorageType.SSD, "given"), new StoreChangeJournal(store.configHistory(),
                ws.id(), null), PgbenchProbe.locate().orElseThrow());
        return new ConfigApplyViewModel(new SameThreadExecutor(), changer, historyReloads::incrementAndGet);
    }

    @Test
    void theAdvisorsRecommendationIsConfirmedAppliedAndRecordedAndADismissedOneChangesNothing() throws Exception {
        try (Connection c = server.connect("bench"); Statement st = c.createStatement()) {
            for (int i = 0; i < 3; i++) { // sorts larger than work_mem 4MB: temporary files
                st.execute("SELECT g, md5(g::text) FROM generate_series(1, 150000) g ORDER BY 2 OFFSET 149999");
            }
        }
        AtomicInteger reloads = new AtomicInteger();
        ConfigApplyViewModel vm = vm(reloads);
        vm.loadRecommendations();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.recommendations()).extracting(i -> i.recommendation().parameter()).contains("work_mem");
        vm.recommendations().forEach(i -> i.chosenProperty().set(i.recommendation().parameter().equals("work_mem")));
        String proposed = vm.recommendations().stream().filter(i -> i.recommendation().parameter().equals("work_mem"))
                .findFirst().orElseThrow().recommendation().recommended();

        vm.prepare();
        assertThat(vm.pendingProperty().get()).isNotNull();
        assertThat(vm.canApplyBinding().get()).as("waiting for the confirmation").isFalse();
        assertThat(vm.confirmationLines(vm.pendingProperty().get()))
                .contains("    work_mem: 4MB → " + proposed + " (reload)");
        vm.dismiss();
        assertThat(actions()).isEmpty();

        vm.prepare();
        vm.confirm();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.resultProperty().get()).startsWith("Applied, not measured: 1 change(s) stay.");
        assertThat(reloads.get()).isEqualTo(1);
        assertThat(actions()).containsExactly("APPLIED work_mem");
        assertThat(LastChange.inEffect(events(), label)).extracting(ChangeEvent::newValue).containsExactly(proposed);
    }

    @Test
    void aSettingsTrialOnAFolderReplacesTheRecommendationsWithMeasuredOnesAndCanBeCancelled(@TempDir Path sql)
            throws Exception {
        try (Connection c = server.connect("bench"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS trial_t AS SELECT g, md5(g::text) AS s "
                    + "FROM generate_series(1, 100000) g");
            st.execute("CREATE INDEX IF NOT EXISTS trial_t_g ON trial_t (g)");
            st.execute("VACUUM ANALYZE trial_t");
        }
        Files.writeString(sql.resolve("lookup.sql"), "SELECT s FROM trial_t WHERE g = 4242;\n");
        Files.writeString(sql.resolve("ddl.sql"), "CREATE TABLE nope (a int);\n");
        ConfigApplyViewModel vm = vm(new AtomicInteger());
        List<String> phases = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> phases.add(b));

        vm.trySettings(List.of(sql));

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(phases).anyMatch(p -> p.matches("\\d+% Trying work_mem = \\S+ on 1 statements"));
        assertThat(vm.resultProperty().get()).startsWith("Settings trial on 2 statement(s): ")
                .contains("parameter(s) tried").endsWith("1 statement(s) skipped.");
        for (RecommendationItem i : vm.recommendations()) {
            if (List.of("work_mem", "random_page_cost", "effective_cache_size", "jit")
                    .contains(i.recommendation().parameter())) {
                assertThat(i.recommendation().evidence().getFirst()).as("a tried parameter is recommended only "
                        + "with its measurement").startsWith("measured in this session");
            }
        }
        assertThat(actions()).as("a trial changes nothing and writes no history").isEmpty();

        ConfigApplyViewModel cancelled = vm(new AtomicInteger());
        cancelled.progressProperty().addListener((o, a, b) -> {
            if (b.contains("Trying")) {
                cancelled.cancel();
            }
        });
        cancelled.trySettings(List.of(sql));
        assertThat(cancelled.resultProperty().get()).startsWith("Settings trial cancelled (nothing was changed)");

        ConfigApplyViewModel empty = vm(new AtomicInteger());
        empty.trySettings(List.of(sql.resolve("missing.sql")));
        assertThat(empty.errorProperty().get()).startsWith("Could not read the statements:");
    }

    @Test
    void aBadChangeIsMeasuredDegradedAndRevertedWithTheRestartOnlyOnePrepared() {
        AtomicInteger reloads = new AtomicInteger();
        ConfigApplyViewModel vm = vm(reloads);
        vm.recommendations().setAll(item("work_mem", "4MB", "64kB", ApplyMode.RELOAD),
                item("shared_buffers", "128MB", "256MB", ApplyMode.RESTART));
        vm.measureProperty().set(ConfigChanger.Measure.Kind.PGBENCH);
        vm.secondsProperty().set(2);
        vm.pgbenchScriptProperty().set(script);
        List<String> phases = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> phases.add(b));

        vm.prepare();
        assertThat(vm.confirmationLines(vm.pendingProperty().get())).contains("    work_mem: 4MB → 64kB (reload)",
                "Prepared only — needs a restart, never applied live:", "    shared_buffers: 128MB → 256MB (restart)");
        vm.confirm();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(phases).contains("Measuring the baseline (2 s)…", "Applied; measuring after the change (2 s)…");
        assertThat(vm.resultProperty().get()).contains("degraded").contains("reverted: nothing stays changed")
                .contains("Prepared for a restart: ALTER SYSTEM SET shared_buffers = '256MB'");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(actions()).containsExactly("PREPARED shared_buffers", "APPLIED work_mem", "REVERTED work_mem");
        assertThat(reloads.get()).isEqualTo(1);
    }

    @Test
    void whereApprovalIsRequiredNothingIsAppliedWithoutAnApproverWhoIsRecordedWithTheChange() {
        ConfigApplyViewModel vm = vm(new AtomicInteger());
        vm.approvalRequiredProperty().set(true);
        vm.recommendations().setAll(item("random_page_cost", "4", "1.1", ApplyMode.RELOAD));

        vm.prepare();
        vm.confirm();
        assertThat(vm.errorProperty().get()).contains("administrator's approval").contains("Nothing was changed");
        assertThat(vm.pendingProperty().get()).isNull();
        assertThat(actions()).isEmpty();

        vm.approvedByProperty().set("  Dana (DBA lead) ");
        vm.prepare();
        vm.confirm();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(store.configHistory().changes(ws.id(), 10)).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("APPLIED");
            assertThat(r.changedBy()).endsWith(", approved by Dana (DBA lead)");
        });
    }

    @Test
    void aRunCancelledWhileMeasuringRevertsWhatItApplied() {
        ConfigApplyViewModel vm = vm(new AtomicInteger());
        vm.recommendations().setAll(item("random_page_cost", "4", "1.1", ApplyMode.RELOAD));
        vm.measureProperty().set(ConfigChanger.Measure.Kind.PGBENCH);
        vm.secondsProperty().set(2);
        vm.pgbenchScriptProperty().set(script);
        // the same-thread executor runs the progress callback on the worker: cancel as the after window starts
        vm.progressProperty().addListener((o, a, b) -> {
            if (b.startsWith("Applied;")) {
                vm.cancel();
            }
        });
        vm.prepare();
        vm.confirm();
        assertThat(vm.resultProperty().get()).isEqualTo("Cancelled: nothing stays changed.");
        List<String> actions = actions();
        assertThat(actions.subList(actions.size() - 2, actions.size()))
                .containsExactly("APPLIED random_page_cost", "CANCELLED random_page_cost");
        assertThat(LastChange.inEffect(events(), label)).isEmpty();
    }

    private static RecommendationItem item(String parameter, String current, String value, ApplyMode mode) {
        return new RecommendationItem(new ConfigRecommendation(parameter, current, value, "chosen by the test",
                List.of(), new Impact(Impact.Level.LOW, ""), Risk.LOW, mode,
                ConfigRecommendation.alterSystem(parameter, value)));
    }
}
