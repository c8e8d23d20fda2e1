package org.planwright.tuning.pgtune;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing of PGTune's input values into the enums, with an error that names the accepted values. */
final class PgTuneEnums {

    private PgTuneEnums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        String accepted = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing " + what + ": one of " + accepted);
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + text.strip() + "': one of " + accepted, e);
        }
    }
}
