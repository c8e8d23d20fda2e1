package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Preferences in a real H2 store file: typed values, survival across reopen, prefixes, bad input. */
class PreferencesTest extends StoreTestBase {

    @Test
    void typedValuesRoundTripAndSurviveReopening() {
        Preferences p = store.preferences();
        assertThat(p.getDouble("insights.threshold.misestimate.major")).isEmpty();
        p.putDouble("insights.threshold.misestimate.major", 250);
        p.putDouble("insights.threshold.slow-node.share", 0.1 + 0.2);
        p.putBoolean("ui.dark", true);
        p.putString("ui.font", "JetBrains Mono");
        p.putDouble("insights.threshold.misestimate.major", 300); // replaces
        store.close();
        store = WorkbenchStore.open(dir, clock);
        p = store.preferences();
        assertThat(p.getDouble("insights.threshold.misestimate.major")).contains(300.0);
        assertThat(p.getDouble("insights.threshold.slow-node.share")).contains(0.1 + 0.2);
        assertThat(p.getBoolean("ui.dark")).contains(true);
        assertThat(p.getString("ui.font")).contains("JetBrains Mono");
    }

    @Test
    void prefixesListAndResetOnlyTheirOwnNames() throws Exception {
        Preferences p = store.preferences();
        p.putDouble("insights.threshold.jit.share", 0.2);
        p.putDouble("insights.threshold.offset.rows", 5000);
        p.putDouble("insights_threshold.other", 1); // '_' must not act as a LIKE wildcard
        p.putBoolean("ui.dark", false);
        assertThat(p.withPrefix("insights.threshold.")).containsOnlyKeys("insights.threshold.jit.share",
                "insights.threshold.offset.rows");
        assertThat(p.removeWithPrefix("insights.threshold.")).isEqualTo(2);
        assertThat(p.withPrefix("")).containsOnlyKeys("insights_threshold.other", "ui.dark");
        assertThat(p.remove("ui.dark")).isTrue();
        assertThat(p.remove("ui.dark")).isFalse();
        assertThat(rows("preference")).isEqualTo(1);
    }

    @Test
    void writesAreStampedWithTheClock() throws Exception {
        store.preferences().putString("a.b", "c");
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT updated_at FROM preference WHERE name = 'a.b'");
             var rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
                    .isEqualTo(Instant.parse("2026-11-23T09:00:00.123456Z"));
        }
    }

    @Test
    void badInputIsRefusedWithWhatIsWrongAndStoredTextIsNeverLost() {
        Preferences p = store.preferences();
        assertThatThrownBy(() -> p.putString(" ", "x")).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID));
        assertThatThrownBy(() -> p.putString("a", "x".repeat(Preferences.MAX_VALUE + 1)))
                .hasMessageContaining("longer than 4000");
        assertThatThrownBy(() -> p.putDouble("a", Double.NaN)).hasMessageContaining("finite");
        p.putString("insights.threshold.jit.share", "ten percent");
        assertThatThrownBy(() -> p.getDouble("insights.threshold.jit.share"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID))
                .hasMessageContaining("ten percent").hasMessageContaining("not a number");
        assertThat(p.getString("insights.threshold.jit.share")).contains("ten percent");
        p.putString("ui.dark", "yes");
        assertThatThrownBy(() -> p.getBoolean("ui.dark")).hasMessageContaining("not true or false");
    }
}
