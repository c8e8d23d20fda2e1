package org.planwright.tuning.advice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planwright.testsupport.Corpus;
import org.planwright.tuning.pgtune.PgTuneReferenceTestAccess;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingsSnapshot;

/** Reads the corpus's recorded PostgreSQL 15 catalog snapshots ({@code workload/}) into the advisor's inputs. */
final class RecordedInputs {

    /** pg_settings contexts the recorded file lacks, from PostgreSQL 15's pg_settings. */
    private static final Map<String, String> CONTEXTS = Map.of("shared_buffers", "postmaster",
            "max_connections", "postmaster", "max_worker_processes", "postmaster", "huge_pages", "postmaster",
            "wal_buffers", "postmaster", "max_wal_size", "sighup", "autovacuum_vacuum_scale_factor", "sighup",
            "autovacuum_vacuum_cost_limit", "sighup", "effective_io_concurrency", "user");

    private RecordedInputs() {
    }

    static List<Map<String, String>> csv(String relative) throws IOException {
        List<String> lines = Files.readAllLines(Corpus.resolve(relative));
        List<String> header = PgTuneReferenceTestAccess.parse(lines.getFirst());
        List<Map<String, String>> rows = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            pending.append(pending.isEmpty() ? "" : "\n").append(line);
            if (pending.chars().filter(ch -> ch == '"').count() % 2 != 0) {
                continue; // a quoted cell spans lines
            }
            List<String> cells = PgTuneReferenceTestAccess.parse(pending.toString());
            pending.setLength(0);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    static SettingsSnapshot settings() throws IOException {
        List<ServerSetting> list = new ArrayList<>();
        for (Map<String, String> r : csv("workload/pg_settings.csv")) {
            list.add(ServerSetting.of(r.get("name"), r.get("setting"), r.get("unit"),
                    CONTEXTS.getOrDefault(r.get("name"), "user"), null, r.get("source")));
        }
        return SettingsSnapshot.of(Instant.parse("2026-11-22T02:00:00Z"), "corpus pg_settings.csv", "15.18",
                150018, list, List.of());
    }

    static double sum(List<Map<String, String>> rows, String column) {
        return rows.stream().mapToDouble(r -> r.get(column).isEmpty() ? 0 : Double.parseDouble(r.get(column))).sum();
    }

    static Path root() {
        return Corpus.root();
    }
}
