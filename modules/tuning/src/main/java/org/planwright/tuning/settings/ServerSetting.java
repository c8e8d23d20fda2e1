package org.planwright.tuning.settings;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One row of {@code pg_settings}.
 *
 * @param name           parameter name
 * @param setting        current value as text, in {@code unit} (e.g. {@code "16384"} with unit {@code "8kB"})
 * @param unit           {@code pg_settings.unit} ({@code "8kB"}, {@code "kB"}, {@code "MB"}, {@code "ms"},
 *                       {@code "s"}, {@code "min"}, ...), or null
 * @param category       {@code pg_settings.category}, e.g. "Resource Usage / Memory"
 * @param context        {@code pg_settings.context}: postmaster, sighup, user, superuser, backend, internal
 * @param vartype        bool, integer, real, string or enum
 * @param source         where the value comes from: default, configuration file, command line, ...
 * @param minVal         lowest value in {@code unit}, or null
 * @param maxVal         highest value in {@code unit}, or null
 * @param enumVals       allowed values of an enum parameter, else empty
 * @param bootVal        value at server start when nothing else sets it
 * @param resetVal       value RESET returns to
 * @param pendingRestart true when the configuration file changed it but it waits for a restart
 */
public record ServerSetting(String name, String setting, String unit, String category, String context,
                            String vartype, String source, String minVal, String maxVal, List<String> enumVals,
                            String bootVal, String resetVal, boolean pendingRestart) {

    public ServerSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(setting, "setting");
        enumVals = enumVals == null ? List.of() : List.copyOf(enumVals);
    }

    /** A setting known only by name, value and unit (e.g. read from a recorded {@code pg_settings} file). */
    public static ServerSetting of(String name, String setting, String unit, String context, String vartype,
                                   String source) {
        return new ServerSetting(name, setting, unit == null || unit.isEmpty() ? null : unit, null, context, vartype,
                source, null, null, List.of(), null, null, false);
    }

    /** @return how a change takes effect */
    public ApplyMode applyMode() {
        return ApplyMode.ofContext(context);
    }

    /** @return true for memory parameters (unit B, kB, 8kB, MB, ...) */
    public boolean isMemory() {
        return SettingValue.isMemoryUnit(unit);
    }

    /**
     * @return the value in base units: bytes for memory, milliseconds for time, the number itself otherwise; empty
     *     for non-numeric values (enum, string, bool) and -1 style "use another setting" values stay as they are
     */
    public OptionalDouble baseValue() {
        return SettingValue.toBase(setting, unit);
    }

    /**
     * @param value a value as postgresql.conf or {@code SET} takes it ({@code "512MB"}, {@code "1.1"}, {@code "on"})
     * @return true when it means this setting's current value: numerically equal in base units, else the same text
     *     (case-insensitive) as the setting or its display form
     */
    public boolean hasValue(String value) {
        OptionalDouble cur = baseValue();
        OptionalDouble want = parsed(value);
        if (cur.isPresent() && want.isPresent()) {
            return Math.abs(cur.getAsDouble() - want.getAsDouble()) <= Math.abs(want.getAsDouble()) * 1e-9;
        }
        return setting.equalsIgnoreCase(value.strip()) || display().equalsIgnoreCase(value.strip());
    }

    /**
     * @param proposed a proposed value as postgresql.conf takes it
     * @return true when it differs from the current value by more than 5% (timescaledb-tune's rule), or, for values
     *     that are not numbers, when it is another value
     */
    public boolean differsByMoreThan5Percent(String proposed) {
        OptionalDouble cur = baseValue();
        OptionalDouble next = parsed(proposed);
        if (cur.isPresent() && next.isPresent()) {
            return SettingValue.differsByMoreThan5Percent(cur.getAsDouble(), next.getAsDouble());
        }
        return !setting.equalsIgnoreCase(proposed);
    }

    private OptionalDouble parsed(String value) {
        try {
            return SettingValue.parse(value, unit);
        } catch (IllegalArgumentException e) {
            return OptionalDouble.empty();
        }
    }

    /** @return the value as a person writes it: {@code 128MB}, {@code 4GB}, {@code 200}, {@code on} */
    public String display() {
        return SettingValue.display(setting, unit);
    }
}
