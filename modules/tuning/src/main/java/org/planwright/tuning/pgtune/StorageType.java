package org.planwright.tuning.pgtune;

import java.util.Locale;

/** The data storage as PGTune asks for it: spinning disks, SSDs, network storage (SAN) or NVMe drives. */
public enum StorageType {
    HDD, SSD, SAN, NVME;

    /** @return PGTune's value, e.g. {@code "ssd"} */
    public String pgtuneName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code hdd}, {@code ssd}, {@code san} or {@code nvme}, any case
     * @return the storage type
     * @throws IllegalArgumentException naming the accepted values
     */
    public static StorageType parse(String text) {
        return PgTuneEnums.parse(StorageType.class, text, "storage type");
    }
}
