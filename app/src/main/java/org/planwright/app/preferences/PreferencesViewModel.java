package org.planwright.app.preferences;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.planwright.plans.InsightThreshold;
import org.planwright.plans.InsightThresholds;

/**
 * State of the preferences dialog: one text per {@link InsightThreshold} as the user types it (fractions as
 * percentages, "10" for 0.10), validation with a message that names the threshold, and Reset to defaults. No
 * scene needed. FX thread only.
 */
public final class PreferencesViewModel {

    private final Map<InsightThreshold, StringProperty> texts = new EnumMap<>(InsightThreshold.class);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final javafx.beans.property.BooleanProperty configApprovalRequired =
            new javafx.beans.property.SimpleBooleanProperty(this, "configApprovalRequired");

    /** @param start the thresholds in force, shown first */
    public PreferencesViewModel(InsightThresholds start) {
        this(start, false);
    }

    /**
     * @param start            the thresholds in force, shown first
     * @param approvalRequired the stored admin-approval preference for configuration changes
     */
    public PreferencesViewModel(InsightThresholds start, boolean approvalRequired) {
        configApprovalRequired.set(approvalRequired);
        for (InsightThreshold t : InsightThreshold.values()) {
            StringProperty p = new SimpleStringProperty(this, t.key(), display(t, t.valueIn(start)));
            p.addListener((obs, old, now) -> error.set(validationError().orElse("")));
            texts.put(t, p);
        }
    }

    /**
     * @return whether configuration changes need an administrator's approval (the name of who approved is then asked
     *     at Apply and recorded in the config history)
     */
    public javafx.beans.property.BooleanProperty configApprovalRequiredProperty() {
        return configApprovalRequired;
    }

    /** @return the editable text of one threshold (percent for fractions) */
    public StringProperty textProperty(InsightThreshold t) {
        return texts.get(t);
    }

    /** @return the current validation problem, "" when every value is fine */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return the unit shown after the field, e.g. "%", "x", "rows" */
    public static String unitOf(InsightThreshold t) {
        return switch (t.unit()) {
            case FRACTION -> "%";
            case FACTOR -> "x";
            case RATIO -> "per row";
            case COUNT -> "";
            case ROWS -> "rows";
            case BLOCKS -> "blocks (8 kB)";
        };
    }

    /** Puts every field back to its shipped value. */
    public void resetToDefaults() {
        for (InsightThreshold t : InsightThreshold.values()) {
            texts.get(t).set(display(t, t.defaultValue()));
        }
    }

    /** @return the first problem, naming the threshold, or empty when the values make valid thresholds */
    public Optional<String> validationError() {
        Map<InsightThreshold, Double> values = new EnumMap<>(InsightThreshold.class);
        for (InsightThreshold t : InsightThreshold.values()) {
            String text = texts.get(t).get() == null ? "" : texts.get(t).get().trim();
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return Optional.of(t.label() + ": enter a number" + (text.isEmpty() ? "" : ", not \"" + text + "\""));
            }
            if (t.unit() == InsightThreshold.Unit.FRACTION) {
                if (v <= 0 || v > 100) {
                    return Optional.of(t.label() + ": must be a percentage above 0 and at most 100");
                }
                v = v / 100;
            }
            String problem = t.problem(v);
            if (problem != null) {
                return Optional.of(t.label() + ": " + problem);
            }
            values.put(t, v);
        }
        try {
            InsightThresholds.fromValues(values);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * @return the thresholds typed
     * @throws IllegalStateException when {@link #validationError()} is not empty
     */
    public InsightThresholds toThresholds() {
        validationError().ifPresent(e -> {
            throw new IllegalStateException(e);
        });
        Map<InsightThreshold, Double> values = new EnumMap<>(InsightThreshold.class);
        for (InsightThreshold t : InsightThreshold.values()) {
            double v = Double.parseDouble(texts.get(t).get().trim());
            values.put(t, t.unit() == InsightThreshold.Unit.FRACTION ? v / 100 : v);
        }
        return InsightThresholds.fromValues(values);
    }

    /** @return the value as typed in the field: percent for fractions, no trailing zeros ("10", "0.5", "1000") */
    static String display(InsightThreshold t, double value) {
        double shown = t.unit() == InsightThreshold.Unit.FRACTION ? value * 100 : value;
        BigDecimal d = BigDecimal.valueOf(shown).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return d.toPlainString();
    }
}
