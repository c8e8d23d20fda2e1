package org.planwright.tuning.settings;

/**
 * One row of {@code pg_file_settings}: a line of postgresql.conf or postgresql.auto.conf.
 *
 * @param sourceFile file path
 * @param sourceLine line number
 * @param name       parameter
 * @param setting    value as written
 * @param applied    true when this line's value is the one in effect
 * @param error      why it cannot be applied (e.g. "setting could not be applied"), or null
 */
public record FileSetting(String sourceFile, int sourceLine, String name, String setting, boolean applied,
                          String error) {

    /** @return true when the line is in postgresql.auto.conf, i.e. written by ALTER SYSTEM */
    public boolean fromAlterSystem() {
        return sourceFile != null && sourceFile.endsWith("postgresql.auto.conf");
    }
}
