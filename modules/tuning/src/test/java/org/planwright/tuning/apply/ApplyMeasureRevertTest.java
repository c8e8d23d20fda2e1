package org.planwright.tuning.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwright.sandbox.Sandbox;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.settings.FileSetting;
import org.planwright.tuning.settings.SettingsSnapshot;

/**
 * Apply, measure, keep or revert on a real PostgreSQL 18 — a temporary cluster of its own, because ALTER SYSTEM
 * would change the shared test server under other tests — with real pgbench runs: raising a too-small work_mem
 * stays; a tiny work_mem is measured as degraded and reverted; a validation
 * cancelled after its change was applied leaves nothing changed. The workload (workloads/not-in-subquery.sql) is one
 * whose plan depends on work_mem: a NOT IN subquery that is hashed only when it fits. Restart-only parameters are prepared, never
 * applied.
 */
class ApplyMeasureRevertTest {

    private static final Path PGBENCH = Path.of("/usr/lib/postgresql/15/bin/pgbench");
    private static Sandbox server;
    private static TargetSession session;
    private static Path script;

    @BeforeAll
    static void startOwnServer() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PGBENCH), "pgbench of Debian's postgresql-15 is not installed");
        server = Sandbox.start(Sandbox.Options.temporary());
        server.createDatabase("bench");
        session = new TargetConnector().open(ConnectionProfile.postgres("own", "127.0.0.1", server.port(), "bench",
                Sandbox.SUPERUSER, "disable"), null, SessionOptions.readWrite());
        session.execute("CREATE TABLE not_in_outer AS SELECT g AS id FROM generate_series(1, 400) g", 1);
        session.execute("CREATE TABLE not_in_inner AS SELECT g * 2 AS id FROM generate_series(1, 6000) g", 1);
        session.execute("ANALYZE not_in_outer", 1);
        session.execute("ANALYZE not_in_inner", 1);
        script = Path.of(ApplyMeasureRevertTest.class.getResource("/workloads/not-in-subquery.sql").toURI());
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WorkloadProbe pgbench() {
        return new PgbenchProbe(new PgbenchProbe.Options(PGBENCH, "127.0.0.1", server.port(), "bench",
                Sandbox.SUPERUSER, script, 2, 2, 2));
    }

    private static SettingsSnapshot now() throws ApplyException {
        return new ConfigApplier(Clock.systemUTC()).snapshot(session, "own");
    }

    private static ValidationRun.Result validate(Map<String, String> changes, List<ChangeEvent> journal,
                                                 Cancellation cancel) throws ApplyException {
        ConfigApplier applier = new ConfigApplier(Clock.systemUTC());
        ChangePlan plan = applier.plan(now(), changes, null, OsType.LINUX);
        assertThat(plan.problems()).isEmpty();
        return new ValidationRun(Clock.systemUTC()).run(session, "own", plan, p -> true, pgbench(),
                new ValidationRun.Settings(0.10, false, "test"), journal::add, cancel);
    }

    @Test
    void raisingATooSmallWorkMemStays() throws Exception {
        String before = now().setting("work_mem").orElseThrow().display();
        // a misconfigured server: work_mem 64kB in postgresql.auto.conf
        session.execute("ALTER SYSTEM SET work_mem = '64kB'", 1);
        session.execute("SELECT pg_reload_conf()", 1);
        Thread.sleep(300);
        List<ChangeEvent> journal = new ArrayList<>();
        try {
            ValidationRun.Result r = validate(Map.of("work_mem", "64MB"), journal, new Cancellation());
            Verdict v = r.verdict().orElseThrow();
            assertThat(v.outcome()).as(v.describe()).isEqualTo(Verdict.Outcome.IMPROVED);
            assertThat(r.kept()).isTrue();
            assertThat(now().setting("work_mem").orElseThrow().display()).isEqualTo("64MB");
            assertThat(now().fileSettings()).anySatisfy(f -> {
                assertThat(f.fromAlterSystem()).isTrue();
                assertThat(f.name()).isEqualTo("work_mem");
                assertThat(f.applied()).isTrue();
            });
            assertThat(journal).extracting(ChangeEvent::action)
                    .containsExactly(ChangeEvent.Action.APPLIED, ChangeEvent.Action.KEPT);
            assertThat(journal.getFirst().oldValue()).isEqualTo("64kB");
            assertThat(journal.getLast().result()).contains("p95").contains("improved");
        } finally {
            session.execute("ALTER SYSTEM RESET work_mem", 1);
            session.execute("SELECT pg_reload_conf()", 1);
            Thread.sleep(300);
        }
        assertThat(now().setting("work_mem").orElseThrow().display()).isEqualTo(before);
    }

    @Test
    void aTinyWorkMemIsMeasuredAsDegradedAndReverted() throws Exception {
        SettingsSnapshot before = now();
        List<ChangeEvent> journal = new ArrayList<>();
        ValidationRun.Result r = validate(Map.of("work_mem", "64kB"), journal, new Cancellation());
        Verdict v = r.verdict().orElseThrow();
        assertThat(v.outcome()).as(v.describe()).isEqualTo(Verdict.Outcome.DEGRADED);
        assertThat(r.kept()).isFalse();
        assertUnchanged(before, "work_mem");
        assertThat(journal).extracting(ChangeEvent::action)
                .containsExactly(ChangeEvent.Action.APPLIED, ChangeEvent.Action.REVERTED);
        assertThat(journal.getLast().newValue()).isEqualTo(before.setting("work_mem").orElseThrow().display());
    }

    @Test
    void aCancelledValidationLeavesNothingChanged() throws Exception {
        SettingsSnapshot before = now();
        Cancellation cancel = new Cancellation();
        List<ChangeEvent> journal = new ArrayList<>();
        ConfigApplier applier = new ConfigApplier(Clock.systemUTC());
        ChangePlan plan = applier.plan(before, Map.of("work_mem", "32MB", "random_page_cost", "1.1",
                "shared_buffers", "256MB"), null, OsType.LINUX);
        assertThat(plan.restartOnly()).extracting(ConfigChange::parameter).containsExactly("shared_buffers");
        assertThat(plan.preparedStatements()).containsExactly("ALTER SYSTEM SET shared_buffers = '256MB'");
        // the DBA cancels as soon as the changes are in effect, while the after window runs
        ValidationRun.Result r = new ValidationRun(Clock.systemUTC()).run(session, "own", plan, p -> true, pgbench(),
                new ValidationRun.Settings(0.10, false, "test"), e -> {
                    journal.add(e);
                    if (e.action() == ChangeEvent.Action.APPLIED) {
                        cancel.cancel();
                    }
                }, cancel);
        assertThat(r.cancelled()).isTrue();
        assertUnchanged(before, "work_mem");
        assertUnchanged(before, "random_page_cost");
        assertUnchanged(before, "shared_buffers");
        assertThat(now().setting("shared_buffers").orElseThrow().pendingRestart()).as("never applied").isFalse();
        assertThat(journal).extracting(ChangeEvent::action).containsExactly(ChangeEvent.Action.PREPARED,
                ChangeEvent.Action.APPLIED, ChangeEvent.Action.APPLIED, ChangeEvent.Action.CANCELLED,
                ChangeEvent.Action.CANCELLED);
    }

    @Test
    void nothingIsAppliedWithoutConfirmationOrWithInvalidValues() throws Exception {
        SettingsSnapshot before = now();
        ConfigApplier applier = new ConfigApplier(Clock.systemUTC());
        ChangePlan plan = applier.plan(before, Map.of("work_mem", "8MB"), null, OsType.LINUX);
        assertThat(applier.apply(session, "own", plan, p -> false)).isEmpty();
        assertUnchanged(before, "work_mem");
        ChangePlan bad = applier.plan(before, Map.of("work_mem", "5s", "huge_pages", "sometimes",
                "random_page_cost", "-1"), null, OsType.LINUX);
        assertThat(bad.problems()).hasSize(3).anySatisfy(p -> assertThat(p).contains("huge_pages")
                .contains("not one of"));
        assertThat(applier.plan(before, Map.of("work_mem", "2GB"), null, OsType.WINDOWS).problems())
                .as("PostgreSQL 18 on Windows takes 2GB").isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> applier.apply(session, "own", bad, p -> true))
                .isInstanceOf(ApplyException.class).hasMessageContaining("not applied");
        assertUnchanged(before, "work_mem");
    }

    private static void assertUnchanged(SettingsSnapshot before, String name) throws ApplyException {
        SettingsSnapshot after = now();
        assertThat(after.setting(name).orElseThrow().setting()).isEqualTo(before.setting(name).orElseThrow().setting());
        Optional<FileSetting> autoBefore = before.fileSettings().stream()
                .filter(f -> f.name().equals(name) && f.fromAlterSystem()).findFirst();
        Optional<FileSetting> autoAfter = after.fileSettings().stream()
                .filter(f -> f.name().equals(name) && f.fromAlterSystem()).findFirst();
        assertThat(autoAfter.map(FileSetting::setting)).isEqualTo(autoBefore.map(FileSetting::setting));
    }
}
