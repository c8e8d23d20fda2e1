package org.planwright.tuning.settings;

import java.util.Locale;

/**
 * What it takes for a changed setting to take effect, from {@code pg_settings.context}
 * (PostgreSQL documentation, "pg_settings", column context).
 */
public enum ApplyMode {
    /** {@code postmaster}: only a server restart; never applied live by Planwright */
    RESTART,
    /** {@code sighup}, {@code user}, {@code superuser}: {@code pg_reload_conf()}; sessions see it at once */
    RELOAD,
    /** {@code backend}, {@code superuser-backend}: a reload, then only new sessions see it */
    NEW_SESSION,
    /** {@code internal}: cannot be changed */
    NOT_SETTABLE;

    /**
     * @param context {@code pg_settings.context}
     * @return its apply mode; unknown contexts count as RESTART (the safe side)
     */
    public static ApplyMode ofContext(String context) {
        return switch (context == null ? "" : context.toLowerCase(Locale.ROOT)) {
            case "sighup", "user", "superuser" -> RELOAD;
            case "backend", "superuser-backend" -> NEW_SESSION;
            case "internal" -> NOT_SETTABLE;
            default -> RESTART;
        };
    }

    /** @return the word the CLI and the UI show: restart, reload, new session, not settable */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
