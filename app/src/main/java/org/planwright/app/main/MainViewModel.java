package org.planwright.app.main;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.planwright.app.AppServices;
import org.planwright.app.editor.EditorTabsViewModel;
import org.planwright.app.startup.StartupSequence;
import org.planwright.store.Workspace;
import org.planwright.target.ConnectionProfile;

/**
 * State and commands of the main window, composed of smaller view models. FX thread only.
 */
public final class MainViewModel {

    private final AppServices services;
    private final EditorTabsViewModel editors = new EditorTabsViewModel();
    private final StatusViewModel status = new StatusViewModel();
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(this, "workspace");

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

    /** @return the active workspace; null until the store is open */
    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    /**
     * Opens the first editor tab (the demo script unless the options give one) and starts the background
     * start-up ({@link StartupSequence}).
     */
    public void startUp() {
        if (editors.tabs().isEmpty()) {
            String script = services.options().initialScript();
            editors.newTab(script != null ? script : DemoScript.text()).markClean();
        }
        new StartupSequence(services, status, workspace::set, this::connect).run();
    }

    /**
     * Connects a profile and makes it the active connection.
     *
     * @param profile the profile
     */
    public void connect(ConnectionProfile profile) {
        status.connectionProperty().set(profile.name() + " · " + profile.database());
    }

    /** @return the services */
    public AppServices services() {
        return services;
    }
}
