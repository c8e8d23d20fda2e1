package org.planwright.app.editor;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * A {@link TabPane} of {@link SqlEditorView}s mirroring {@link EditorTabsViewModel}. Closing a tab asks
 * {@code confirmClose} first (unsaved changes). FX thread only.
 */
public final class EditorTabsView extends TabPane {

    private final Map<EditorTabViewModel, Tab> tabFor = new HashMap<>();
    private final Map<EditorTabViewModel, SqlEditorView> editorFor = new HashMap<>();

    /**
     * @param vm           the tabs' state
     * @param confirmClose answers whether a tab may close (e.g. asks about unsaved changes)
     */
    public EditorTabsView(EditorTabsViewModel vm, Predicate<EditorTabViewModel> confirmClose) {
        setId("editor-tabs");
        setTabClosingPolicy(TabClosingPolicy.ALL_TABS);
        vm.tabs().forEach(t -> add(vm, t, confirmClose));
        vm.tabs().addListener((ListChangeListener<EditorTabViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(t -> {
                    getTabs().remove(tabFor.remove(t));
                    editorFor.remove(t);
                });
                c.getAddedSubList().forEach(t -> add(vm, t, confirmClose));
            }
        });
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && tabFor.containsKey(now)) {
                getSelectionModel().select(tabFor.get(now));
            }
        });
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.selectedProperty().set((EditorTabViewModel) now.getUserData());
            }
        });
        if (vm.selectedProperty().get() != null) {
            getSelectionModel().select(tabFor.get(vm.selectedProperty().get()));
        }
    }

    /**
     * @param tab a tab's view model
     * @return its editor view, or null when not shown
     */
    public SqlEditorView editorFor(EditorTabViewModel tab) {
        return editorFor.get(tab);
    }

    private void add(EditorTabsViewModel vm, EditorTabViewModel t, Predicate<EditorTabViewModel> confirmClose) {
        SqlEditorView editor = new SqlEditorView(t);
        Tab tab = new Tab();
        tab.textProperty().bind(t.titleProperty());
        tab.setContent(editor);
        tab.setUserData(t);
        tab.setOnCloseRequest(e -> {
            e.consume();
            if (confirmClose.test(t)) {
                vm.close(t);
            }
        });
        tabFor.put(t, tab);
        editorFor.put(t, editor);
        getTabs().add(vm.tabs().indexOf(t), tab);
    }
}
