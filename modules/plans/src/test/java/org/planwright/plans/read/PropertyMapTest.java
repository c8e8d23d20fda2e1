package org.planwright.plans.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PropertyMap} while a reader fills it: insertion order, removal, growth past the 32-key mask, freezing. */
class PropertyMapTest {

    @Test
    void propertyMapWhileBuilding() {
        PropertyMap m = new PropertyMap();
        for (int i = 0; i < 40; i++) {
            assertThat(m.put("k" + i, i)).isNull();
        }
        assertThat(m.put("k3", "three")).isEqualTo(3);
        assertThat(m.remove("k0")).isEqualTo(0);
        assertThat(m.remove("absent")).isNull();
        m.put("k0", null);
        assertThat(m).hasSize(40).containsEntry("k3", "three").containsKey("k0").containsEntry("k39", 39);
        assertThat(m.get("k0")).isNull();
        assertThat(m.keySet()).startsWith("k1", "k2", "k3").endsWith("k39", "k0");
        for (int i = 1; i < 40; i++) { // every key still found after the removal rebuilt the key mask
            assertThat(m.containsKey("k" + i)).as("k" + i).isTrue();
        }
        m.keySet().removeIf(k -> !k.equals("k5"));
        assertThat(m).containsExactly(Map.entry("k5", 5));
        assertThat(m.freeze().get("k5")).isEqualTo(5);
        assertThatThrownBy(() -> m.put("k6", 6)).isInstanceOf(UnsupportedOperationException.class);
    }
}
