package org.planwright.app.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.plans.InsightThreshold;
import org.planwright.plans.InsightThresholds;
import org.planwright.store.WorkbenchStore;

/** The dialog's state without a scene, and the thresholds stored in a real H2 store file. */
class PreferencesViewModelTest {

    @TempDir
    Path home;

    @Test
    void fractionsAreEditedAsPercentages() {
        PreferencesViewModel vm = new PreferencesViewModel(InsightThresholds.defaults());
        assertThat(vm.textProperty(InsightThreshold.REMOVED_FRACTION).get()).isEqualTo("90");
        assertThat(vm.textProperty(InsightThreshold.MISESTIMATE_MAJOR).get()).isEqualTo("100");
        vm.textProperty(InsightThreshold.REMOVED_FRACTION).set("99.5");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.toThresholds().removedFraction()).isEqualTo(0.995);
    }

    @Test
    void invalidValuesAreNamedAndBlockTheResult() {
        PreferencesViewModel vm = new PreferencesViewModel(InsightThresholds.defaults());
        vm.textProperty(InsightThreshold.NESTED_LOOP_LOOPS).set("-5");
        assertThat(vm.errorProperty().get()).contains("Nested loop").contains("positive");
        vm.textProperty(InsightThreshold.NESTED_LOOP_LOOPS).set("2.5");
        assertThat(vm.errorProperty().get()).contains("Nested loop").contains("whole number");
        assertThatThrownBy(vm::toThresholds).isInstanceOf(IllegalStateException.class);
        vm.textProperty(InsightThreshold.NESTED_LOOP_LOOPS).set("many");
        assertThat(vm.errorProperty().get()).contains("enter a number").contains("many");
        vm.textProperty(InsightThreshold.NESTED_LOOP_LOOPS).set("500");
        vm.textProperty(InsightThreshold.JIT_SHARE).set("150");
        assertThat(vm.errorProperty().get()).contains("JIT").contains("at most 100");
        vm.textProperty(InsightThreshold.JIT_SHARE).set("10");
        vm.textProperty(InsightThreshold.MISESTIMATE_MINOR).set("500");
        assertThat(vm.errorProperty().get()).contains("minor <= major <= severe");
        vm.resetToDefaults();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.toThresholds()).isEqualTo(InsightThresholds.defaults());
    }

    @Test
    void savedThresholdsAreReadBackFromTheStoreAndBadStoredValuesFallBackToDefaults() {
        InsightThresholds changed = InsightThresholds.defaults().with(InsightThreshold.SLOW_COUNT_ROWS, 5000);
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            InsightPreferences prefs = new InsightPreferences(() -> java.util.Optional.of(store.preferences()));
            assertThat(prefs.current()).isEqualTo(InsightThresholds.defaults());
            prefs.save(changed);
            assertThat(prefs.current()).isEqualTo(changed);
            assertThat(store.preferences().withPrefix(InsightPreferences.PREFIX))
                    .containsOnlyKeys("insights.threshold.slow-count.rows");
            store.preferences().putString("insights.threshold.jit.share", "a lot");
            store.preferences().putString("insights.threshold.offset.fraction", "7");
        }
        try (WorkbenchStore store = WorkbenchStore.open(home)) {
            InsightPreferences again = new InsightPreferences(() -> java.util.Optional.of(store.preferences()));
            assertThat(again.current()).isEqualTo(changed);
        }
    }
}
