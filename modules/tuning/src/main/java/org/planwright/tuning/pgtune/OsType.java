package org.planwright.tuning.pgtune;

import java.util.Locale;

/** The server's operating system as PGTune asks for it. */
public enum OsType {
    LINUX, WINDOWS, MAC;

    /** @return PGTune's value, e.g. {@code "linux"} */
    public String pgtuneName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code linux}, {@code windows} or {@code mac}, any case
     * @return the OS
     * @throws IllegalArgumentException naming the accepted values
     */
    public static OsType parse(String text) {
        return PgTuneEnums.parse(OsType.class, text, "OS type");
    }
}
