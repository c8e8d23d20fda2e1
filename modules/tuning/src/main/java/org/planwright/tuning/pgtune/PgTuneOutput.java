package org.planwright.tuning.pgtune;

import java.util.ArrayList;
import java.util.List;

/**
 * PGTune's two outputs (configurationView): {@code postgresql.conf} lines and {@code ALTER SYSTEM} statements,
 * each led by the warnings and the hardware description as comments ({@code #} or {@code --}).
 */
public final class PgTuneOutput {

    private PgTuneOutput() {
    }

    /**
     * @param result a calculation
     * @return PGTune's postgresql.conf text: warnings, blank line, hardware comments, blank line, one
     *     {@code name = value} line per parameter; ends with a newline
     */
    public static String conf(PgTuneResult result) {
        return render(result, false);
    }

    /**
     * @param result a calculation
     * @return PGTune's ALTER SYSTEM text: {@code ALTER SYSTEM SET name = 'value';} per parameter (one line each,
     *     where PGTune breaks the line after SET), comments with {@code --}; ends with a newline
     */
    public static String alterSystem(PgTuneResult result) {
        return render(result, true);
    }

    private static String render(PgTuneResult result, boolean alterSystem) {
        String comment = alterSystem ? "--" : "#";
        List<String> lines = new ArrayList<>();
        if (!result.warnings().isEmpty()) {
            result.warnings().forEach(w -> lines.add(comment + " " + w));
            lines.add("");
        }
        PgTuneInput in = result.input();
        header(lines, comment, "DB Version", Integer.toString(in.dbVersion()));
        header(lines, comment, "OS Type", in.os().pgtuneName());
        header(lines, comment, "DB Type", in.dbType().pgtuneName());
        header(lines, comment, "Total Memory (RAM)", in.totalMemory() + " " + in.memoryUnit());
        header(lines, comment, "CPUs num", in.cpus() == null ? null : in.cpus().toString());
        header(lines, comment, "Connections num", in.connections() == null ? null : in.connections().toString());
        header(lines, comment, "Data Storage", in.storage().pgtuneName());
        lines.add("");
        for (PgTuneSetting s : result.settings()) {
            lines.add(alterSystem ? "ALTER SYSTEM SET " + s.name() + " = '" + s.value() + "';"
                    : s.name() + " = " + s.value());
        }
        return String.join("\n", lines) + "\n";
    }

    private static void header(List<String> lines, String comment, String label, String value) {
        if (value != null) {
            lines.add(comment + " " + label + ": " + value);
        }
    }
}
