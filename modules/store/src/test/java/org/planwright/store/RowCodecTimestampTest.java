package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RowCodec#timestamp}, the hand parser of synced timestamps, agrees with {@link OffsetDateTime#parse}. */
class RowCodecTimestampTest {

    @Test
    void parsesWhatOffsetDateTimeWritesLikeTheJdkParser() {
        Random random = new Random(12);
        int[] fractionDigits = {0, 1, 3, 6, 9};
        for (int i = 0; i < 20_000; i++) {
            long seconds = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond()
                    + (long) (random.nextDouble() * 6_000_000_000L);
            int digits = fractionDigits[random.nextInt(fractionDigits.length)];
            int nanos = digits == 0 ? 0 : random.nextInt(1_000_000_000);
            nanos -= nanos % (int) Math.pow(10, 9 - digits);
            ZoneOffset offset = random.nextInt(3) == 0 ? ZoneOffset.UTC
                    : ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4) - 18 * 4) * 15 * 60);
            String text = OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), offset).toString();
            assertThat(RowCodec.timestamp(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
        }
    }

    @Test
    void otherShapesGoToTheJdkParser() {
        for (String text : new String[] {"2026-12-03T21:45Z", "2026-12-03T21:45:07.5+05:30", "2026-12-03T21:45:07Z",
                "2026-12-03T21:45:07.123456789-08:00", "+12026-12-03T21:45:07Z",
                "2026-12-03T21:45:07.Z"}) {
            assertThat(RowCodec.timestamp(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
        }
    }

    @Test
    void refusesWhatTheJdkParserRefuses() {
        for (String text : new String[] {"2026-13-03T21:45:07Z", "2026-02-30T21:45:07Z", "2026-12-03T25:45:07Z",
                "2026-12-03T21:45:07.1234567890Z", "2026-12-03T21:45:07", "2026-12-0xT21:45:07Z",
                "2026-12-03T21:45:07+25:00", "yesterday"}) {
            assertThatThrownBy(() -> OffsetDateTime.parse(text)).as(text).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> RowCodec.timestamp(text)).as(text).isInstanceOf(DateTimeException.class);
        }
    }
}
