package org.planwright.tuning.settings;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of PostgreSQL parameters with units, as {@code pg_settings} and postgresql.conf write them. Memory units
 * are B, kB, MB, GB, TB (powers of 1024) and pg_settings' block units {@code 8kB}, {@code 16MB}; time units us,
 * ms, s, min, h, d (PostgreSQL documentation, "Parameter Names and Values").
 */
public final class SettingValue {

    private static final Pattern WITH_UNIT = Pattern.compile("\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)\\s*");

    private SettingValue() {
    }

    /** @return true for B, kB, MB, GB, TB and block units such as 8kB */
    public static boolean isMemoryUnit(String unit) {
        return unit != null && memoryFactor(unit) > 0;
    }

    /** @return true for us, ms, s, min, h, d */
    public static boolean isTimeUnit(String unit) {
        return unit != null && timeFactorMs(unit) > 0;
    }

    /**
     * @param setting a value in {@code unit} (pg_settings.setting), e.g. "16384"
     * @param unit    pg_settings.unit, e.g. "8kB", or null
     * @return bytes for memory, ms for time, the number for unitless numbers; empty for non-numbers
     */
    public static OptionalDouble toBase(String setting, String unit) {
        double number;
        try {
            number = Double.parseDouble(setting.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return OptionalDouble.empty();
        }
        if (number < 0) {
            return OptionalDouble.of(number); // -1: "use the other setting" or "off"
        }
        if (isMemoryUnit(unit)) {
            return OptionalDouble.of(number * memoryFactor(unit));
        }
        if (isTimeUnit(unit)) {
            return OptionalDouble.of(number * timeFactorMs(unit));
        }
        return OptionalDouble.of(number);
    }

    /**
     * Parses a value as a person or postgresql.conf writes it ({@code "512MB"}, {@code "0.9"}, {@code "5min"})
     * for a parameter whose pg_settings unit is {@code unit}: a bare number counts in that unit.
     *
     * @return bytes / ms / the number; empty when not numeric
     * @throws IllegalArgumentException when the value's unit does not fit the parameter (e.g. "5s" for memory)
     */
    public static OptionalDouble parse(String value, String unit) {
        Matcher m = WITH_UNIT.matcher(value == null ? "" : value);
        if (!m.matches()) {
            return OptionalDouble.empty();
        }
        double number = Double.parseDouble(m.group(1));
        String given = m.group(2);
        if (given.isEmpty()) {
            return toBase(m.group(1), unit);
        }
        if (isMemoryUnit(unit)) {
            double f = memoryFactor(given);
            if (f <= 0) {
                throw new IllegalArgumentException("'" + value.strip() + "': memory takes B, kB, MB, GB or TB");
            }
            return OptionalDouble.of(number * f);
        }
        if (isTimeUnit(unit)) {
            double f = timeFactorMs(given);
            if (f <= 0) {
                throw new IllegalArgumentException("'" + value.strip() + "': time takes us, ms, s, min, h or d");
            }
            return OptionalDouble.of(number * f);
        }
        throw new IllegalArgumentException("'" + value.strip() + "': this parameter takes no unit");
    }

    /**
     * @return {@code setting} written the way a person reads it: memory in the largest whole unit (as PGTune and
     *     PostgreSQL's SHOW do), time as in SHOW, other values unchanged
     */
    public static String display(String setting, String unit) {
        OptionalDouble base = toBase(setting, unit);
        if (base.isEmpty() || base.getAsDouble() < 0) {
            return setting;
        }
        if (isMemoryUnit(unit)) {
            return formatBytes((long) base.getAsDouble());
        }
        if (isTimeUnit(unit)) {
            return formatMs((long) base.getAsDouble());
        }
        return setting;
    }

    /** @return bytes in the largest unit without loss: {@code 512MB}, {@code 3932kB}, {@code 16GB}, {@code 100B} */
    public static String formatBytes(long bytes) {
        String[] units = {"TB", "GB", "MB", "kB"};
        long[] factors = {1L << 40, 1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes != 0 && bytes % factors[i] == 0) {
                return bytes / factors[i] + units[i];
            }
        }
        return bytes == 0 ? "0" : bytes + "B";
    }

    /** @return ms in the largest unit without loss: {@code 5min}, {@code 30s}, {@code 200ms} */
    public static String formatMs(long ms) {
        if (ms != 0 && ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "min";
        }
        if (ms != 0 && ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /**
     * timescaledb-tune's rule: a change is worth proposing only when the values differ by more than 5%.
     *
     * @return true when |proposed - current| > 5% of current (any change counts when current is 0)
     */
    public static boolean differsByMoreThan5Percent(double current, double proposed) {
        if (current == 0) {
            return proposed != 0;
        }
        return Math.abs(proposed - current) / Math.abs(current) > 0.05;
    }

    static double memoryFactor(String unit) {
        Matcher m = Pattern.compile("([0-9]*)(B|kB|MB|GB|TB)").matcher(unit.strip());
        if (!m.matches()) {
            return -1;
        }
        double block = m.group(1).isEmpty() ? 1 : Double.parseDouble(m.group(1));
        double f = switch (m.group(2)) {
            case "B" -> 1;
            case "kB" -> 1024;
            case "MB" -> 1024.0 * 1024;
            case "GB" -> 1024.0 * 1024 * 1024;
            default -> 1024.0 * 1024 * 1024 * 1024;
        };
        return block * f;
    }

    static double timeFactorMs(String unit) {
        return switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "us" -> 0.001;
            case "ms" -> 1;
            case "s" -> 1000;
            case "min" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> -1;
        };
    }
}
