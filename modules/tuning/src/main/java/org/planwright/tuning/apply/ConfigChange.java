package org.planwright.tuning.apply;

import java.util.Objects;
import org.planwright.tuning.settings.ApplyMode;

/**
 * One parameter change.
 *
 * @param parameter the parameter
 * @param oldValue  its value before, as pg_settings shows it to a person ({@code "4MB"})
 * @param newValue  the value to set, as written in ALTER SYSTEM ({@code "64MB"})
 * @param applyMode restart, reload or new session (from pg_settings.context)
 */
public record ConfigChange(String parameter, String oldValue, String newValue, ApplyMode applyMode) {
    public ConfigChange {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(applyMode, "applyMode");
        if (!parameter.matches("[a-z_][a-z0-9_.]*")) {
            throw new IllegalArgumentException("'" + parameter + "' is not a parameter name");
        }
    }

    /** @return {@code ALTER SYSTEM SET parameter = 'value'} */
    public String alterSystemSql() {
        return "ALTER SYSTEM SET " + parameter + " = '" + newValue.replace("'", "''") + "'";
    }
}
