package org.planwright.app.main;

import org.planwright.app.AppServices;
import org.planwright.app.editor.EditorTabsViewModel;

/**
 * State and commands of the main window, composed of smaller view models. FX thread only.
 */
public final class MainViewModel {

    private final AppServices services;
    private final EditorTabsViewModel editors = new EditorTabsViewModel();
    private final StatusViewModel status = new StatusViewModel();

    /** @param services the application's services */
    public MainViewModel(AppServices services) {
        this.services = services;
    }

    /** @return the editor tabs */
    public EditorTabsViewModel editors() {
        return editors;
    }

    /** @return the status bar state */
    public StatusViewModel status() {
        return status;
    }

    /** @return the services */
    public AppServices services() {
        return services;
    }
}
