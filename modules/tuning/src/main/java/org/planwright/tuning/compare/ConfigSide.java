package org.planwright.tuning.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.planwright.tuning.advice.Advice;
import org.planwright.tuning.advice.ConfigRecommendation;
import org.planwright.tuning.pgtune.PgTuneResult;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingsSnapshot;

/**
 * One side of a comparison: parameter values as a person writes them.
 *
 * @param label   what it is, e.g. "db1:5432/shop (live)", "PGTune dw 16 GB", "snapshot 2026-11-03"
 * @param values  parameter to value ("4GB", "0.9", "on")
 * @param partial true when the side sets only some parameters (a PGTune profile, a set of recommendations): a
 *                comparison then covers only its parameters
 */
public record ConfigSide(String label, Map<String, String> values, boolean partial) {

    public ConfigSide {
        Objects.requireNonNull(label, "label");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return every pg_settings value of the snapshot */
    public static ConfigSide of(SettingsSnapshot snapshot, String label) {
        Map<String, String> v = new LinkedHashMap<>();
        for (ServerSetting s : snapshot.settings().values()) {
            v.put(s.name(), s.display());
        }
        return new ConfigSide(label, v, false);
    }

    /** @return PGTune's parameters */
    public static ConfigSide of(PgTuneResult pgtune) {
        var in = pgtune.input();
        return new ConfigSide("PGTune " + in.dbType().pgtuneName() + ", " + in.totalMemory() + " " + in.memoryUnit()
                + (in.cpus() == null ? "" : ", " + in.cpus() + " CPUs") + ", " + in.storage().pgtuneName(),
                pgtune.asMap(), true);
    }

    /** @return the advisor's recommended values (the parameters it proposes to change) */
    public static ConfigSide recommended(Advice advice) {
        Map<String, String> v = new LinkedHashMap<>();
        for (ConfigRecommendation r : advice.recommendations()) {
            v.put(r.parameter(), r.recommended());
        }
        return new ConfigSide("recommended", v, true);
    }
}
