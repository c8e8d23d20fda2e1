package org.planwright.tuning.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.planwright.tuning.settings.SettingValue;

/**
 * Compares two configurations parameter by parameter. The parameters compared are those of a partial side (both
 * sides' when both are partial), else the union of both. Values are equal when they mean the same: memory and
 * time in any unit ({@code 4GB} = {@code 4096MB}, {@code 5min} = {@code 300s}), numbers numerically, booleans in
 * any spelling, other text ignoring case. Stateless.
 */
public final class ConfigComparison {

    private ConfigComparison() {
    }

    /**
     * @return the lines, by group (in {@link ParameterGroup} order) and then by parameter name
     */
    public static List<ComparisonLine> compare(ConfigSide left, ConfigSide right) {
        Set<String> names = new LinkedHashSet<>();
        if (left.partial() || right.partial()) {
            if (left.partial()) {
                names.addAll(left.values().keySet());
            }
            if (right.partial()) {
                names.addAll(right.values().keySet());
            }
        } else {
            names.addAll(left.values().keySet());
            names.addAll(right.values().keySet());
        }
        List<ComparisonLine> lines = new ArrayList<>();
        for (String n : names) {
            String l = left.values().getOrDefault(n, "");
            String r = right.values().getOrDefault(n, "");
            lines.add(new ComparisonLine(ParameterGroup.of(n), n, l, r, !same(l, r)));
        }
        lines.sort(Comparator.comparing(ComparisonLine::group).thenComparing(ComparisonLine::parameter));
        return lines;
    }

    /** @return true when the two values mean the same */
    public static boolean same(String a, String b) {
        String x = a.strip();
        String y = b.strip();
        if (x.equalsIgnoreCase(y)) {
            return true;
        }
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        Boolean bx = bool(x);
        Boolean by = bool(y);
        if (bx != null && by != null) {
            return bx.equals(by);
        }
        OptionalDouble nx = normalise(x);
        OptionalDouble ny = normalise(y);
        return nx.isPresent() && ny.isPresent() && Math.abs(nx.getAsDouble() - ny.getAsDouble())
                <= 1e-9 * Math.max(1, Math.abs(nx.getAsDouble()));
    }

    private static OptionalDouble normalise(String v) {
        String unit = v.replaceAll("^-?[0-9.]+\\s*", "");
        try {
            if (unit.isEmpty()) {
                return OptionalDouble.of(Double.parseDouble(v));
            }
            if (SettingValue.isMemoryUnit(unit)) {
                return SettingValue.parse(v, "B").isPresent() ? SettingValue.parse(v, "B") : OptionalDouble.empty();
            }
            if (SettingValue.isTimeUnit(unit)) {
                return SettingValue.parse(v, "ms");
            }
        } catch (IllegalArgumentException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    private static Boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> Boolean.TRUE;
            case "off", "false", "no" -> Boolean.FALSE;
            default -> null;
        };
    }
}
