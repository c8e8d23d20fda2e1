package org.planwright.app.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The editor tabs: create, open, save, close, and which tab is selected. FX thread only.
 */
public final class EditorTabsViewModel {

    private final ObservableList<EditorTabViewModel> tabs = FXCollections.observableArrayList();
    private final ObjectProperty<EditorTabViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private int untitledCounter;

    /** @return the open tabs in display order */
    public ObservableList<EditorTabViewModel> tabs() {
        return tabs;
    }

    /** @return the selected tab; null when none is open */
    public ObjectProperty<EditorTabViewModel> selectedProperty() {
        return selected;
    }

    /** @return the selected tab, if any */
    public Optional<EditorTabViewModel> selected() {
        return Optional.ofNullable(selected.get());
    }

    /**
     * Opens a new untitled tab and selects it.
     *
     * @param text initial text (clean)
     * @return the new tab
     */
    public EditorTabViewModel newTab(String text) {
        untitledCounter++;
        EditorTabViewModel tab = new EditorTabViewModel("Query " + untitledCounter, text);
        tabs.add(tab);
        selected.set(tab);
        return tab;
    }

    /**
     * Opens a file in a new tab, or selects the tab that already shows it.
     *
     * @param file an SQL file (UTF-8)
     * @return the tab showing it
     * @throws IOException when it cannot be read; no tab is added
     */
    public EditorTabViewModel open(Path file) throws IOException {
        Path normalized = file.toAbsolutePath().normalize();
        for (EditorTabViewModel t : tabs) {
            if (normalized.equals(t.fileProperty().get())) {
                selected.set(t);
                return t;
            }
        }
        EditorTabViewModel tab = new EditorTabViewModel(normalized.getFileName().toString(), "");
        tab.load(normalized);
        tabs.add(tab);
        selected.set(tab);
        return tab;
    }

    /**
     * Closes a tab (the caller asked about unsaved changes already); selects a neighbour.
     *
     * @param tab the tab to close
     */
    public void close(EditorTabViewModel tab) {
        int i = tabs.indexOf(tab);
        if (i < 0) {
            return;
        }
        tabs.remove(i);
        if (selected.get() == tab) {
            selected.set(tabs.isEmpty() ? null : tabs.get(Math.min(i, tabs.size() - 1)));
        }
    }
}
