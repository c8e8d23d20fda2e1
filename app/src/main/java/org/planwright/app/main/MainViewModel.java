package org.planwright.app.main;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.planwright.app.AppServices;
import org.planwright.app.compare.CompareMenuViewModel;
import org.planwright.app.config.ConfigMenu;
import org.planwright.app.connection.ConnectionProfilesViewModel;
import org.planwright.app.connection.ConnectionViewModel;
import org.planwright.app.editor.EditorTabsViewModel;
import org.planwright.app.editor.SyntaxCheckViewModel;
import org.planwright.app.plan.PlanImportViewModel;
import org.planwright.app.plan.PlanViewModel;
import org.planwright.app.preferences.InsightPreferences;
import org.planwright.app.query.ExplainViewModel;
import org.planwright.app.query.HistoryRecorder;
import org.planwright.app.query.PlanCaptureRecorder;
import org.planwright.app.query.QueryViewModel;
import org.planwright.app.results.ResultsViewModel;
import org.planwright.app.startup.StartupSequence;
import org.planwright.app.status.StatusViewModel;
import org.planwright.app.workload.WorkloadRecorder;
import org.planwright.app.workload.WorkloadViewModel;
import org.planwright.plans.InsightThresholds;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.WorkloadWindows;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;

/**
 * State and commands of the main window, composed of smaller view models (editors, connection, saved
 * connection profiles, query and EXPLAIN commands, results, plan, status, syntax checks, the compare and export
 * commands). Its constructor is where the app's view models are wired: each gets, by constructor injection, the
 * services it needs out of {@link AppServices} (the background executor, the connector, a store repository),
 * never the whole {@code AppServices}; views get only view models. Testable without a scene with a
 * {@code SameThreadExecutor}. FX thread only.
 */
public final class MainViewModel {

    private final AppServices services;
    private final EditorTabsViewModel editors = new EditorTabsViewModel();
    private final StatusViewModel status = new StatusViewModel();
    private final ResultsViewModel results = new ResultsViewModel();
    private final PlanViewModel plan = new PlanViewModel();
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(this, "workspace");
    private final ConnectionViewModel connection;
    private final QueryViewModel queries;
    private final ExplainViewModel explain;
    private final SyntaxCheckViewModel syntax;
    private final PlanImportViewModel planImport;
    private final InsightPreferences insightPreferences;
    private final org.planwright.app.config.ConfigApprovalPreference configApproval;
    private final ConnectionProfilesViewModel connectionProfiles;
    private final WorkloadRecorder workloadRecorder;
    private final org.planwright.app.workspace.WorkspaceViewModel workspaces;
    private final org.planwright.app.sync.TeamSyncViewModel teamSync;

    /** @param services the application's services */
    public MainViewModel(AppServices services) {
        this.services = services;
        connection = new ConnectionViewModel(services.connector(), services.passwords(), services.executor(), status);
        queries = new QueryViewModel(editors, connection, results, status, services.executor(),
                new HistoryRecorder(() -> services.store().map(WorkbenchStore::queryHistory), workspace::get));
        insightPreferences = new InsightPreferences(() -> services.store().map(WorkbenchStore::preferences));
        configApproval = new org.planwright.app.config.ConfigApprovalPreference(
                () -> services.store().map(WorkbenchStore::preferences));
        explain = new ExplainViewModel(editors, connection, queries, plan, results, services.executor(),
                new PlanCaptureRecorder(() -> services.store().map(WorkbenchStore::planCaptures), workspace::get),
                insightPreferences::current);
        connectionProfiles = new ConnectionProfilesViewModel(
                () -> services.store().map(WorkbenchStore::connectionProfiles), workspace::get, connection,
                services.executor());
        syntax = new SyntaxCheckViewModel(editors, connection, services.executor());
        planImport = new PlanImportViewModel(plan, services.executor(), status::done, insightPreferences::current);
        workloadRecorder = new WorkloadRecorder(services.executor(), connection::active, workspace::get,
                () -> services.store().map(WorkbenchStore::workloadWindows), WorkloadRecorder.DEFAULT_INTERVAL,
                Duration.ofDays(WorkloadWindows.DEFAULT_RETENTION_DAYS), Clock.systemUTC());
        workspaces = new org.planwright.app.workspace.WorkspaceViewModel(services.executor(), services::openStore,
                workspace);
        workspaces.messageProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty()) {
                status.done(now);
            }
        });
        teamSync = new org.planwright.app.sync.TeamSyncViewModel(services.executor(), services::store, workspace::get,
                new org.planwright.app.sync.TargetRemote(services.connector(), services.passwords(),
                        org.planwright.targetdb.PgEnvironment.system()), Clock.systemUTC());
        // the active workspace syncs in the background while a team server is set (docs/sync.md)
        workspace.addListener((o, was, now) -> {
            if (now != null) {
                teamSync.loadSettings();
            }
        });
        // while connected, the workload is recorded (a new series per connection)
        connection.activeProperty().addListener((o, was, now) -> {
            if (now == null) {
                workloadRecorder.stop();
            } else {
                workloadRecorder.start();
            }
        });
    }

    /** @return what the Server configuration page needs (executor, connection, workspace, history) */
    public ConfigMenu.Context configMenu() {
        return new ConfigMenu.Context(services.executor(), () -> connection.active().orElse(null), workspace::get,
                () -> services.store().map(WorkbenchStore::configHistory), services.connector(), configApproval);
    }

    /** @return what the Advice pane needs (executor, connector, connection, thresholds, advice records) */
    public org.planwright.app.advice.AdviceHost.Context advicePage() {
        return new org.planwright.app.advice.AdviceHost.Context(services.executor(), services.connector(),
                connection::active, connection.statementTimeoutProperty()::get, insightPreferences::current,
                () -> services.store().map(WorkbenchStore::adviceRecords),
                () -> workspace.get() == null ? null : workspace.get().id(),
                outcome -> services.store().ifPresent(store -> {
                    // on the trial's worker thread: record, then train a new version when enough new trials arrived
                    org.planwright.learning.LearningService learning = new org.planwright.learning.LearningService(
                            store, org.planwright.learning.LearningSettings.defaults(), Clock.systemUTC());
                    learning.record(outcome);
                    learning.retrainIfDue(outcome.workspaceId());
                }),
                () -> services.store().map(store -> store.learning().feedback()),
                () -> services.store().map(store -> new org.planwright.learning.LearningService(store,
                        org.planwright.learning.LearningSettings.defaults(), Clock.systemUTC())));
    }

    /** @return the team sync state and commands (status-bar item, Workspace ▸ Team sync…) */
    public org.planwright.app.sync.TeamSyncViewModel teamSync() {
        return teamSync;
    }

    /** @return the Workspace menu's view model (switch, new, rename, archive, delete, export, import) */
    public org.planwright.app.workspace.WorkspaceViewModel workspaces() {
        return workspaces;
    }

    /** @return what the Learning page needs (executor, store, workspace) */
    public org.planwright.app.learning.LearningWindow.Context learningPage() {
        return new org.planwright.app.learning.LearningWindow.Context(services.executor(), services::openStore,
                workspace::get);
    }

    /** @return a fresh view model for the Workload page (FX thread) */
    public WorkloadViewModel newWorkloadViewModel() {
        return new WorkloadViewModel(services.executor(), () -> services.store().map(WorkbenchStore::workloadWindows),
                workspace::get, connection::active,
                Clock.systemUTC(), ZoneId.systemDefault());
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
        new StartupSequence(services, status, workspace::set, connection::connect).run();
    }

    /**
     * Connects a profile and makes it the active connection.
     *
     * @param profile the profile
     */
    public void connect(ConnectionProfile profile) {
        connection.connect(profile);
    }

    /** @return the editor tabs */
    public EditorTabsViewModel editors() {
        return editors;
    }

    /** @return the status bar state */
    public StatusViewModel status() {
        return status;
    }

    /** @return result table and messages */
    public ResultsViewModel results() {
        return results;
    }

    /** @return the plan view's state */
    public PlanViewModel plan() {
        return plan;
    }

    /** @return opening and pasting plans without a connection */
    public PlanImportViewModel planImport() {
        return planImport;
    }

    /** @return the active connection */
    public ConnectionViewModel connection() {
        return connection;
    }

    /** @return run / run all / cancel */
    public QueryViewModel queries() {
        return queries;
    }

    /** @return EXPLAIN / EXPLAIN ANALYZE */
    public ExplainViewModel explain() {
        return explain;
    }

    /** @return as-you-type syntax checks */
    public SyntaxCheckViewModel syntax() {
        return syntax;
    }

    /** @return the active workspace; null until the store is open */
    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    /** @return the insight thresholds in force and their stored preferences */
    public InsightPreferences insightPreferences() {
        return insightPreferences;
    }

    /** @return the active workspace's saved connection profiles (the connection dialog) */
    public ConnectionProfilesViewModel connectionProfiles() {
        return connectionProfiles;
    }

    /**
     * @param errors shows a failure (title, cause) to the user
     * @return the commands of the File menu's plan items: compare plans, export the plan shown
     */
    public CompareMenuViewModel compareMenu(BiConsumer<String, Throwable> errors) {
        return new CompareMenuViewModel(plan, () -> services.store().map(WorkbenchStore::planCaptures),
                workspace::get, insightPreferences::current, services.executor(), status::done, errors);
    }

    /**
     * Stores the insight thresholds and the admin-approval preference for configuration changes, in the background.
     *
     * @param thresholds       the thresholds the preferences dialog returned
     * @param approvalRequired whether configuration changes need an administrator's approval
     * @param failed           receives a store error on the UI thread
     */
    public void savePreferences(InsightThresholds thresholds, boolean approvalRequired, Consumer<Throwable> failed) {
        services.executor().submit(() -> {
            insightPreferences.save(thresholds);
            configApproval.save(approvalRequired);
            return thresholds;
        }, saved -> status.done("Preferences saved; they apply to the next analysis"), failed);
    }

    /**
     * Reads the admin-approval preference for configuration changes in the background.
     *
     * @param then   receives it on the UI thread
     * @param failed receives a store error on the UI thread
     */
    public void readConfigApproval(Consumer<Boolean> then, Consumer<Throwable> failed) {
        services.executor().submit(configApproval::required, then, failed);
    }
}
