package org.planwright.tuning.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planwright.tuning.advice.Advice;
import org.planwright.tuning.advice.ConfigRecommendation;
import org.planwright.tuning.advice.Impact;
import org.planwright.tuning.advice.NotProposed;
import org.planwright.tuning.advice.Risk;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.pgtune.PgTune;
import org.planwright.tuning.pgtune.PgTuneInput;
import org.planwright.tuning.pgtune.PgTuneResult;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.ApplyMode;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingsSnapshot;

/** Which changes a settings trial tries, in which order, and how its measurements replace the rules' advice. */
class SettingCandidatesTest {

    /** PostgreSQL 15's defaults for the parameters PGTune's dw profile touches (pg_settings units and contexts). */
    static SettingsSnapshot defaults() {
        return SettingsSnapshot.of(Instant.EPOCH, "test", "15.20", 150020, List.of(
                ServerSetting.of("max_connections", "100", null, "postmaster", "integer", "default"),
                ServerSetting.of("shared_buffers", "16384", "8kB", "postmaster", "integer", "default"),
                ServerSetting.of("effective_cache_size", "524288", "8kB", "user", "integer", "default"),
                ServerSetting.of("maintenance_work_mem", "65536", "kB", "user", "integer", "default"),
                ServerSetting.of("default_statistics_target", "100", null, "user", "integer", "default"),
                ServerSetting.of("random_page_cost", "4", null, "user", "real", "default"),
                ServerSetting.of("effective_io_concurrency", "1", null, "user", "integer", "default"),
                ServerSetting.of("work_mem", "4096", "kB", "user", "integer", "default"),
                ServerSetting.of("jit", "on", null, "user", "bool", "default"),
                ServerSetting.of("max_wal_size", "1024", "MB", "sighup", "integer", "default")), List.of());
    }

    static PgTuneResult dw() {
        return PgTune.calculate(PgTuneInput.of(15, OsType.LINUX, DbType.DW, 16, 2, null, StorageType.SSD));
    }

    static ConfigRecommendation rule(String parameter, String value) {
        return new ConfigRecommendation(parameter, "?", value, "a rule", List.of("evidence"),
                new Impact(Impact.Level.LOW, "x"), Risk.LOW, ApplyMode.NEW_SESSION,
                ConfigRecommendation.alterSystem(parameter, value));
    }

    @Test
    void sessionSettableChangesOfTheRulesAndPgTuneInOrderWithAWorkMemLadder() {
        Advice rules = new Advice(List.of(rule("work_mem", "10MB"), rule("shared_buffers", "671MB"),
                rule("random_page_cost", "1.1")), List.of(), List.of());
        List<SettingCandidate> c = SettingCandidates.of(defaults(), dw(), rules);

        assertThat(c).extracting(SettingCandidate::parameter).containsExactly("work_mem", "work_mem", "work_mem",
                "work_mem", "random_page_cost", "effective_cache_size", "jit", "effective_io_concurrency");
        assertThat(c.subList(0, 4)).extracting(SettingCandidate::value)
                .as("PGTune's dw work_mem, halved twice, then the rules' 10MB; largest first")
                .containsExactly("43690kB", "21845kB", "10922kB", "10MB");
        assertThat(c).filteredOn(x -> x.parameter().equals("random_page_cost")).singleElement()
                .satisfies(x -> assertThat(x.source()).startsWith("the workload's evidence"));
        assertThat(c).extracting(SettingCandidate::parameter).as("restart/reload parameters and statistics targets "
                + "cannot be tried in a session").doesNotContain("shared_buffers", "max_wal_size",
                "default_statistics_target", "max_connections")
                .as("maintenance_work_mem acts on CREATE INDEX and VACUUM, not on queries")
                .doesNotContain("maintenance_work_mem");
        assertThat(c).filteredOn(x -> x.parameter().equals("jit")).extracting(SettingCandidate::value)
                .containsExactly("off");
    }

    @Test
    void jitOffIsTriedOnceWhenPgTuneAlsoTurnsItOff() {
        PgTuneResult mixed = PgTune.calculate(PgTuneInput.of(15, OsType.LINUX, DbType.MIXED, 16, 4, null,
                StorageType.SSD));
        assertThat(mixed.value("jit")).contains("off");
        assertThat(SettingCandidates.of(defaults(), mixed, new Advice(List.of(), List.of(), List.of())))
                .filteredOn(c -> c.parameter().equals("jit")).singleElement()
                .satisfies(c -> assertThat(c.source()).startsWith("PGTune's mixed profile"));
    }

    @Test
    void measurementsDecideTheTriedParametersAndLeaveTheOthersToTheRules() {
        SettingsSnapshot current = defaults();
        Advice rules = new Advice(List.of(rule("work_mem", "10MB"), rule("shared_buffers", "671MB"),
                rule("random_page_cost", "1.1")), List.of(new NotProposed("effective_cache_size", "4GB", "12GB",
                "planner-only")), List.of("a note"));
        SettingsTrial.StatementComparison q18 = new SettingsTrial.StatementComparison("q18.sql",
                List.of(700.0, 710.0, 690.0), List.of(1200.0, 1210.0, 1190.0), 700, 1200, 0.008,
                SettingsTrial.Change.SLOWER);
        SettingsTrial.StatementComparison q6 = new SettingsTrial.StatementComparison("q6.sql",
                List.of(120.0, 121.0, 119.0), List.of(60.0, 61.0, 59.0), 120, 60, 0.008, SettingsTrial.Change.FASTER);
        SettingsTrial.Result trial = new SettingsTrial.Result(Map.of("work_mem", "21845kB"), List.of(
                new SettingsTrial.Outcome(new SettingCandidate("work_mem", "43690kB", "PGTune"), Map.of(),
                        List.of(q18, q6), 820, 1260, false, "slows q18.sql"),
                new SettingsTrial.Outcome(new SettingCandidate("work_mem", "21845kB", "ladder"), Map.of(),
                        List.of(q6), 120, 60, true, "faster q6.sql"),
                new SettingsTrial.Outcome(new SettingCandidate("random_page_cost", "1.1", "rules"),
                        Map.of("work_mem", "21845kB"), List.of(q18), 700, 1200, false, "slows q18.sql")),
                List.of("q15.sql#1: not a read-only query (CREATE)"), false);

        Advice merged = TrialedConfigAdvice.merge(rules, current, dw(), trial);

        assertThat(merged.recommendations()).extracting(ConfigRecommendation::parameter)
                .containsExactly("shared_buffers", "work_mem");
        ConfigRecommendation wm = merged.recommendations().get(1);
        assertThat(wm.recommended()).isEqualTo("21845kB");
        assertThat(wm.current()).isEqualTo("4MB");
        assertThat(wm.evidence().getFirst()).contains("3 runs a side").contains("faster q6.sql");
        assertThat(wm.evidence()).anyMatch(e -> e.equals("not 43690kB: slows q18.sql"));
        assertThat(wm.impact().level()).isEqualTo(Impact.Level.HIGH);
        assertThat(wm.statement()).isEqualTo("ALTER SYSTEM SET work_mem = '21845kB'");
        assertThat(merged.notProposed()).extracting(NotProposed::parameter)
                .containsExactly("effective_cache_size", "random_page_cost");
        assertThat(merged.notProposed().get(1).why()).contains("not shown to help").contains("1.1: slows q18.sql");
        assertThat(merged.notes()).containsExactly("a note",
                "Settings trial left out 1 statement(s): q15.sql#1: not a read-only query (CREATE)");
    }
}
