package org.planwright.app.config;

/** PGTune's two outputs: postgresql.conf lines or ALTER SYSTEM statements. */
public enum ExportKind {
    CONF("postgresql.conf lines", "conf"), ALTER_SYSTEM("ALTER SYSTEM statements", "sql");

    private final String label;
    private final String extension;

    ExportKind(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    /** @return shown in the Export menu */
    public String label() {
        return label;
    }

    /** @return the file extension of a saved export */
    public String extension() {
        return extension;
    }
}
