package org.planwright.app.config;

import java.util.Optional;
import java.util.function.Supplier;
import org.planwright.store.Preferences;
import org.planwright.store.StoreException;
import org.planwright.tuning.apply.Approval;

/**
 * The store's administrator-approval preference for configuration changes ({@link Approval#PREFERENCE}, the same one
 * {@code planwright config approval on|off} sets): when on, Apply in the server configuration window asks who
 * approved the change and records the name in the config history. Blocking H2 reads and writes: call off the
 * JavaFX application thread. Thread-safe.
 */
public final class ConfigApprovalPreference {

    private final Supplier<Optional<Preferences>> store;

    /** @param store the store's preferences once the store is open; empty before (approval is then not required) */
    public ConfigApprovalPreference(Supplier<Optional<Preferences>> store) {
        this.store = store;
    }

    /** @return true when configuration changes need an administrator's approval; blocking */
    public boolean required() {
        return store.get().flatMap(p -> p.getBoolean(Approval.PREFERENCE)).orElse(false);
    }

    /**
     * Stores the preference; blocking.
     *
     * @throws StoreException when the store is not open or cannot be written
     */
    public void save(boolean required) {
        store.get().orElseThrow(() -> new StoreException(StoreException.Reason.NOT_ACCESSIBLE,
                "The store is not open: the approval preference was not saved.")).putBoolean(Approval.PREFERENCE,
                required);
    }
}
