package org.planwright.tuning.pgtune;

import java.util.Locale;

/**
 * PGTune's database types (workload types): what the server mostly runs. Their names are PGTune's input values.
 */
public enum DbType {
    /** web application: many short queries, mostly reads */
    WEB,
    /** online transaction processing: many short reads and writes */
    OLTP,
    /** data warehouse: few large analytical queries */
    DW,
    /** a developer's desktop: little memory for the database */
    DESKTOP,
    /** mixed transactional and analytical work */
    MIXED;

    /** @return PGTune's value, e.g. {@code "dw"} */
    public String pgtuneName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text PGTune's value, any case ({@code "web"}, {@code "oltp"}, {@code "dw"}, {@code "desktop"},
     *             {@code "mixed"})
     * @return the type
     * @throws IllegalArgumentException naming the accepted values
     */
    public static DbType parse(String text) {
        return PgTuneEnums.parse(DbType.class, text, "database type");
    }
}
