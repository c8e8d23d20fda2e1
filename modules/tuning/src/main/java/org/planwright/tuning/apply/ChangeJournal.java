package org.planwright.tuning.apply;

/**
 * Where a validation run writes its history: append-only. The workbench store's config history implements it
 * (wired by the app and the CLI); tests use a list.
 */
@FunctionalInterface
public interface ChangeJournal {

    /**
     * @param event the event to append; never changed or removed afterwards
     */
    void append(ChangeEvent event);
}
