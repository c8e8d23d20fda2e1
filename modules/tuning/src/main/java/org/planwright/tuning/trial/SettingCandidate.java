package org.planwright.tuning.trial;

import java.util.Objects;

/**
 * One session-settable change to try.
 *
 * @param parameter the parameter, e.g. {@code work_mem}
 * @param value     the value as {@code SET} takes it, e.g. {@code "43690kB"}, {@code "1.1"}, {@code "off"}
 * @param source    where the value comes from, e.g. "PGTune's dw profile", "evidence: temporary files"
 */
public record SettingCandidate(String parameter, String value, String source) {

    public SettingCandidate {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }
}
