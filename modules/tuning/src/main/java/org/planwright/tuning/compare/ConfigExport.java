package org.planwright.tuning.compare;

import java.util.List;
import java.util.stream.Collectors;

/**
 * PGTune's two outputs for the differing lines of a comparison, with the right side's values: postgresql.conf
 * lines ({@code name = 'value'}) or ALTER SYSTEM statements. Lines whose right value is empty are left out.
 */
public final class ConfigExport {

    private ConfigExport() {
    }

    /** @return {@code name = value} lines, one per differing parameter, each ending with a newline */
    public static String conf(List<ComparisonLine> lines) {
        return lines.stream().filter(l -> l.differs() && !l.right().isEmpty())
                .map(l -> l.parameter() + " = " + quoteConf(l.right()) + "\n").collect(Collectors.joining());
    }

    /** @return {@code ALTER SYSTEM SET name = 'value';} statements, one per differing parameter */
    public static String alterSystem(List<ComparisonLine> lines) {
        return lines.stream().filter(l -> l.differs() && !l.right().isEmpty())
                .map(l -> "ALTER SYSTEM SET " + l.parameter() + " = '" + l.right().replace("'", "''") + "';\n")
                .collect(Collectors.joining());
    }

    private static String quoteConf(String v) {
        return v.matches("-?[0-9.]+[a-zA-Z]*|[a-z_]+") ? v : "'" + v.replace("'", "''") + "'";
    }
}
