package org.planwright.tuning.pgtune;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One parameter PGTune emits.
 *
 * @param name      the PostgreSQL parameter, e.g. {@code shared_buffers}
 * @param value     the value as PGTune writes it: memory in the largest unit without loss ({@code "512MB"},
 *                  {@code "3932kB"}, {@code "16GB"}), numbers as JavaScript prints them ({@code "1.1"}, {@code "4"})
 * @param kilobytes the memory value in kB for memory parameters, else -1
 */
public record PgTuneSetting(String name, String value, long kilobytes) {

    public PgTuneSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** @return the value in kB for memory parameters */
    public OptionalLong memoryKb() {
        return kilobytes < 0 ? OptionalLong.empty() : OptionalLong.of(kilobytes);
    }
}
