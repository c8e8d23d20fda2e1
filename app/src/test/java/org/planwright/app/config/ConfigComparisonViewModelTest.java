package org.planwright.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.store.ConfigChangeRecord;
import org.planwright.testsupport.Corpus;
import org.planwright.tuning.compare.ComparisonLine;
import org.planwright.tuning.compare.ConfigSide;
import org.planwright.tuning.compare.ParameterGroup;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.pgtune.PgTune;
import org.planwright.tuning.pgtune.PgTuneInput;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingsSnapshot;

/**
 * The comparison panes' state without a scene: the corpus's recorded PostgreSQL 15 pg_settings against PGTune's
 * profile for the machine it ran on, differences only or all, the two exports, the history timeline.
 */
class ConfigComparisonViewModelTest {

    private static ConfigSide recorded() throws IOException {
        List<String> lines = Files.readAllLines(Corpus.resolve("workload/pg_settings.csv"));
        assertThat(lines).hasSizeGreaterThan(300);
        List<ServerSetting> settings = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length == 4) {
                settings.add(ServerSetting.of(f[0], f[1], f[2], null, null, f[3]));
            }
        }
        return ConfigSide.of(SettingsSnapshot.of(Instant.EPOCH, "corpus", "15.18", 150018, settings, List.of()),
                "recorded PostgreSQL 15");
    }

    @Test
    void pgtuneVersusTheRecordedServerShowsTheDifferencesGroupedAndExportsThem() throws IOException {
        ConfigComparisonViewModel vm = new ConfigComparisonViewModel(new SameThreadExecutor());
        ConfigSide live = recorded();
        ConfigSide pgtune = ConfigSide.of(PgTune.calculate(PgTuneInput.of(15, OsType.LINUX, DbType.MIXED, 24, 2, null,
                StorageType.SSD)));
        vm.choices().setAll(new ConfigSource("live", () -> live), new ConfigSource("PGTune", () -> pgtune));
        vm.leftProperty().set(vm.choices().get(0));
        vm.rightProperty().set(vm.choices().get(1));
        vm.compare();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.lines()).allMatch(ComparisonLine::differs);
        assertThat(vm.lines()).extracting(ComparisonLine::parameter).contains("shared_buffers", "effective_cache_size")
                .doesNotContain("max_connections").as("100 = PGTune's mixed default");
        assertThat(vm.lines().getFirst().group()).isEqualTo(ParameterGroup.MEMORY);
        String summary = vm.summaryProperty().get();
        assertThat(summary).matches("\\d+ of \\d+ parameters differ");
        int shown = vm.lines().size();
        vm.onlyDifferencesProperty().set(false);
        assertThat(vm.lines().size()).isGreaterThan(shown);
        assertThat(vm.leftLabelProperty().get()).isEqualTo("recorded PostgreSQL 15");
        assertThat(vm.rightLabelProperty().get()).startsWith("PGTune mixed, 24 GB");

        assertThat(vm.exportText(ExportKind.ALTER_SYSTEM)).contains("ALTER SYSTEM SET shared_buffers = '6GB';")
                .doesNotContain("max_connections");
        assertThat(vm.exportText(ExportKind.CONF)).contains("\nshared_buffers = 6GB\n").startsWith("# PGTune");
    }

    @Test
    void aFailingSourceIsAnErrorInWordsAndTheHistoryIsATimeline() {
        ConfigComparisonViewModel vm = new ConfigComparisonViewModel(new SameThreadExecutor());
        vm.choices().setAll(new ConfigSource("down", () -> {
            throw new IllegalStateException("connection lost");
        }), new ConfigSource("other", () -> null));
        vm.leftProperty().set(vm.choices().get(0));
        vm.rightProperty().set(vm.choices().get(1));
        vm.compare();
        assertThat(vm.errorProperty().get()).contains("connection lost");
        assertThat(vm.busyProperty().get()).isFalse();

        UUID ws = UUID.randomUUID();
        vm.loadHistory(() -> List.of(new ConfigChangeRecord(UUID.randomUUID(), ws, null, "db", "work_mem", "4MB",
                "64kB", "reload", "REVERTED", "dba", Instant.parse("2026-12-03T10:00:00Z"), "p95 +4314%: degraded")));
        assertThat(vm.history()).singleElement().satisfies(h -> {
            assertThat(h.change()).isEqualTo("4MB → 64kB");
            assertThat(h.action()).isEqualTo("REVERTED");
            assertThat(h.result()).contains("degraded");
        });
    }
}
