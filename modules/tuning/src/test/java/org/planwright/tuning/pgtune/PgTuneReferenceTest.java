package org.planwright.tuning.pgtune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planwright.testsupport.Corpus;

/**
 * Every row of {@code config/pgtune_reference.csv} (560 outputs of PGTune's own calculation code at the commit the
 * file names): each parameter PGTune emitted has the same value text here, no parameter is added, and the warnings
 * agree line by line.
 */
class PgTuneReferenceTest {

    /** Columns of the CSV that are inputs or metadata, not parameters; {@code *_kb} columns repeat values in kB. */
    private static final List<String> NOT_PARAMETERS = List.of("pgtune_commit", "db_version", "os", "db_type",
            "ram_gb", "cpus", "connections_input", "storage", "db_size", "warnings");

    @Test
    void everyReferenceRowAgrees() throws IOException {
        List<String> lines = Files.readAllLines(Corpus.resolve("config/pgtune_reference.csv"));
        List<String> header = parse(lines.getFirst());
        assertThat(lines.size() - 1).as("reference rows").isEqualTo(560);
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = parse(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            PgTuneInput input = new PgTuneInput(Integer.parseInt(row.get("db_version")), OsType.parse(row.get("os")),
                    DbType.parse(row.get("db_type")), Long.parseLong(row.get("ram_gb")), PgTuneInput.MemoryUnit.GB,
                    blankToNull(row.get("cpus")), blankToNull(row.get("connections_input")),
                    StorageType.parse(row.get("storage")), DataSize.parse(row.get("db_size")));
            PgTuneResult result = PgTune.calculate(input);
            Map<String, String> expected = new LinkedHashMap<>();
            row.forEach((k, v) -> {
                if (!NOT_PARAMETERS.contains(k) && !k.endsWith("_kb") && !v.isEmpty()) {
                    expected.put(k, v);
                }
            });
            if (!result.asMap().equals(expected)) {
                mismatches.add(line + "\n  ours: " + result.asMap() + "\n  want: " + expected);
            }
            List<String> wantWarnings = row.get("warnings").isEmpty() ? List.of()
                    : List.of(row.get("warnings").split(" \\| "));
            if (!result.warnings().equals(wantWarnings)) {
                mismatches.add(line + "\n  warnings ours: " + result.warnings());
            }
            compared++;
        }
        assertThat(compared).isEqualTo(560);
        assertThat(mismatches).isEmpty();
    }

    private static Integer blankToNull(String s) {
        return s.isEmpty() ? null : Integer.valueOf(s);
    }

    /** One CSV line: commas separate cells; a cell in double quotes may hold commas ("" is a quote). */
    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
