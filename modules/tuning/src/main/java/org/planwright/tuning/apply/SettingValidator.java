package org.planwright.tuning.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.planwright.tuning.advice.MemoryBudget;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingValue;
import org.planwright.tuning.settings.SettingsSnapshot;

/**
 * Checks proposed values before anything is applied: the parameter exists and is settable; the value has the
 * parameter's type (bool, integer, real, enum, string) and a unit of the right kind; it lies within
 * pg_settings' min_val..max_val; an enum value is one of enumvals; platform caps (Windows up to PostgreSQL 17:
 * work_mem, maintenance_work_mem and autovacuum_work_mem below 2GB, as PGTune caps them); and, with hardware
 * known, postgresqltuner's {@link MemoryBudget} over all changes together. Stateless.
 */
public final class SettingValidator {

    private static final Set<String> BOOLS = Set.of("on", "off", "true", "false", "yes", "no", "1", "0");
    private static final Set<String> WINDOWS_CAPPED = Set.of("work_mem", "maintenance_work_mem",
            "autovacuum_work_mem");
    private static final double TWO_GB = 2.0 * (1L << 30);
    /** the parameters the memory budget reads: it is checked unless one of them is itself not valid */
    private static final Set<String> BUDGET_INPUTS = Set.of("shared_buffers", "work_mem", "maintenance_work_mem",
            "autovacuum_work_mem", "max_connections", "autovacuum_max_workers");

    /**
     * @param snapshot the server's settings now
     * @param changes  parameter to new value as written in ALTER SYSTEM
     * @param hardware the server's hardware, or null to skip the memory budget
     * @param os       the server's OS
     * @return the problems, each naming the parameter and what to change; empty when all is valid
     */
    public List<String> validate(SettingsSnapshot snapshot, Map<String, String> changes, Hardware hardware,
                                 OsType os) {
        List<String> problems = new ArrayList<>();
        changes.forEach((name, value) -> problems.addAll(validateOne(snapshot, name, value, os)));
        if (hardware != null && problems.stream().noneMatch(p -> BUDGET_INPUTS.stream().anyMatch(
                n -> p.startsWith(n + ":")))) {
            double sb = bytes(snapshot, changes, "shared_buffers");
            double wm = bytes(snapshot, changes, "work_mem");
            double av = bytes(snapshot, changes, "autovacuum_work_mem");
            double maint = av > 0 ? av : bytes(snapshot, changes, "maintenance_work_mem");
            int conns = (int) bytes(snapshot, changes, "max_connections");
            int workers = (int) bytes(snapshot, changes, "autovacuum_max_workers");
            double max = MemoryBudget.maxMemory(sb, wm, conns, maint, workers);
            if (max > hardware.ramBytes() * MemoryBudget.SHARE) {
                problems.add(String.format(Locale.ROOT, "memory budget: shared_buffers + work_mem x %d connections x "
                                + "1.5 + maintenance memory x %d autovacuum workers = %s, over 80%% of RAM (%s)", conns,
                        workers, SettingValue.formatBytes((long) max - (long) max % 1024),
                        SettingValue.formatBytes(hardware.ramBytes())));
            }
        }
        return problems;
    }

    /** @return the problems of one value (see the class comment) */
    public List<String> validateOne(SettingsSnapshot snapshot, String name, String value, OsType os) {
        List<String> problems = new ArrayList<>();
        ServerSetting s = snapshot.setting(name).orElse(null);
        if (s == null) {
            return List.of(name + ": no such parameter on this server");
        }
        if ("internal".equals(s.context())) {
            return List.of(name + ": cannot be changed (internal)");
        }
        String v = value == null ? "" : value.strip();
        String type = s.vartype() == null ? "" : s.vartype();
        switch (type) {
            case "bool" -> {
                if (!BOOLS.contains(v.toLowerCase(Locale.ROOT))) {
                    problems.add(name + ": '" + v + "' is not a boolean (on/off)");
                }
            }
            case "enum" -> {
                if (s.enumVals().stream().noneMatch(e -> e.equalsIgnoreCase(v))) {
                    problems.add(name + ": '" + v + "' is not one of " + String.join(", ", s.enumVals()));
                }
            }
            case "integer", "real" -> problems.addAll(numeric(s, v, type.equals("integer")));
            default -> { /* strings take any text */ }
        }
        if (problems.isEmpty() && os == OsType.WINDOWS && snapshot.majorVersion() <= 17
                && WINDOWS_CAPPED.contains(name)) {
            OptionalDouble b = SettingValue.parse(v, s.unit());
            if (b.isPresent() && b.getAsDouble() >= TWO_GB) {
                problems.add(name + ": Windows before PostgreSQL 18 refuses 2GB or more; at most 2047MB");
            }
        }
        return problems;
    }

    private static List<String> numeric(ServerSetting s, String v, boolean integer) {
        OptionalDouble base;
        try {
            base = SettingValue.parse(v, s.unit());
        } catch (IllegalArgumentException e) {
            return List.of(s.name() + ": " + e.getMessage());
        }
        if (base.isEmpty()) {
            return List.of(s.name() + ": '" + v + "' is not a number");
        }
        double inUnit = base.getAsDouble();
        OptionalDouble one = SettingValue.toBase("1", s.unit());
        if (one.isPresent() && one.getAsDouble() != 0 && inUnit >= 0) {
            inUnit = base.getAsDouble() / one.getAsDouble();
        }
        List<String> problems = new ArrayList<>();
        if (integer && inUnit >= 0 && Math.abs(inUnit - Math.rint(inUnit)) > 1e-9 && !SettingValue.isTimeUnit(s.unit())
                && !SettingValue.isMemoryUnit(s.unit())) {
            problems.add(s.name() + ": '" + v + "' is not a whole number");
        }
        double min = parseOr(s.minVal(), Double.NEGATIVE_INFINITY);
        double max = parseOr(s.maxVal(), Double.POSITIVE_INFINITY);
        if (inUnit < min || inUnit > max) {
            problems.add(String.format(Locale.ROOT, "%s: '%s' is outside %s..%s", s.name(), v,
                    SettingValue.display(s.minVal(), s.unit()), SettingValue.display(s.maxVal(), s.unit())));
        }
        return problems;
    }

    private static double parseOr(String text, double fallback) {
        try {
            return text == null ? fallback : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double bytes(SettingsSnapshot snapshot, Map<String, String> changes, String name) {
        ServerSetting s = snapshot.setting(name).orElse(null);
        if (s == null) {
            return 0;
        }
        String proposed = changes.get(name);
        if (proposed != null) {
            return SettingValue.parse(proposed, s.unit()).orElse(0);
        }
        return s.baseValue().orElse(0);
    }
}
