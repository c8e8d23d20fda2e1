package org.planwright.tuning.pgtune;

import java.util.Locale;

/**
 * PGTune's "data size" input: the database's size relative to the server's RAM. It changes random_page_cost
 * (all of the data in the OS cache makes random reads cheap) and work_mem (+30% when the data fits in RAM, -10%
 * when it is larger than RAM).
 */
public enum DataSize {
    /** the database is smaller than RAM */
    LESS_RAM,
    /** about RAM's size (PGTune: 1x to 3x RAM); PGTune's default */
    MID_RAM,
    /** much larger than RAM */
    GREATER_RAM;

    /** @return PGTune's value, e.g. {@code "mid_ram"} */
    public String pgtuneName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code less_ram}, {@code mid_ram} or {@code greater_ram}, any case
     * @return the data size class
     * @throws IllegalArgumentException naming the accepted values
     */
    public static DataSize parse(String text) {
        return PgTuneEnums.parse(DataSize.class, text, "data size");
    }
}
