package org.planwright.tuning.pgtune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What PGTune gives for one input.
 *
 * @param input    the input
 * @param settings the parameters in PGTune's output order; parameters PGTune leaves out are absent
 * @param warnings PGTune's warning lines, the first being {@code "WARNING"}; empty when there are none
 */
public record PgTuneResult(PgTuneInput input, List<PgTuneSetting> settings, List<String> warnings) {

    public PgTuneResult {
        Objects.requireNonNull(input, "input");
        settings = List.copyOf(settings);
        warnings = List.copyOf(warnings);
    }

    /** @return parameter name to value text, in PGTune's order */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        settings.forEach(s -> map.put(s.name(), s.value()));
        return map;
    }

    /**
     * @param name a parameter name
     * @return its setting, or empty when PGTune leaves it out for this input
     */
    public Optional<PgTuneSetting> setting(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** @return the value text of a parameter, or empty */
    public Optional<String> value(String name) {
        return setting(name).map(PgTuneSetting::value);
    }
}
