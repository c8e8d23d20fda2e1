package org.planwright.app.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.store.StoreException;
import org.planwright.store.TransferResult;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;

/**
 * The Workspace menu's state and commands: the workspaces with their record counts, the active one (the main
 * window's), and switch, new, rename, archive, restore, delete, export and import. Every store call runs through the
 * {@link BackgroundExecutor}; results land on the UI thread. A failure becomes {@link #messageProperty()} text (the
 * store's own message: what happened and what to do), never an exception. FX thread only.
 */
public final class WorkspaceViewModel {

    private final BackgroundExecutor executor;
    private final Supplier<WorkbenchStore> store;
    private final ObjectProperty<Workspace> active;
    private final ObservableList<WorkspaceItem> items = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    /**
     * @param executor background work
     * @param store    opens the workbench store (blocking; called on a worker)
     * @param active   the active workspace, shared with the main window (switching sets it)
     */
    public WorkspaceViewModel(BackgroundExecutor executor, Supplier<WorkbenchStore> store,
                              ObjectProperty<Workspace> active) {
        this.executor = Objects.requireNonNull(executor);
        this.store = Objects.requireNonNull(store);
        this.active = Objects.requireNonNull(active);
    }

    /** @return every workspace, archived ones last, each with its record counts (after {@link #refresh()}) */
    public ObservableList<WorkspaceItem> items() {
        return items;
    }

    /** @return the workspaces that can be switched to (not archived) */
    public List<WorkspaceItem> switchable() {
        return items.stream().filter(i -> !i.archived()).toList();
    }

    /** @return the archived workspaces (Restore) */
    public List<WorkspaceItem> archived() {
        return items.stream().filter(WorkspaceItem::archived).toList();
    }

    /** @return the active workspace */
    public ObjectProperty<Workspace> activeProperty() {
        return active;
    }

    /** @return the outcome of the last command, for the status bar or a dialog ("" when none) */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** @return true while a command runs in the background */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Reloads the list and the counts. */
    public void refresh() {
        run(() -> load(store.get()), list -> { });
    }

    /** Makes the workspace the active one. */
    public void switchTo(WorkspaceItem item) {
        active.set(item.workspace());
        message.set("Workspace \"" + item.workspace().name() + "\" is active.");
    }

    /** Creates a workspace and switches to it. */
    public void create(String name) {
        Workspace[] made = new Workspace[1];
        run(() -> {
            made[0] = store.get().workspaces().create(name);
            return load(store.get());
        }, list -> {
            active.set(made[0]);
            message.set("Workspace \"" + made[0].name() + "\" created.");
        });
    }

    /** Renames a workspace (the active one stays active under its new name). */
    public void rename(WorkspaceItem item, String newName) {
        Workspace[] renamed = new Workspace[1];
        run(() -> {
            renamed[0] = store.get().workspaces().rename(item.workspace().id(), newName);
            return load(store.get());
        }, list -> {
            if (isActive(item)) {
                active.set(renamed[0]);
            }
            message.set("Workspace renamed to \"" + renamed[0].name() + "\".");
        });
    }

    /** Archives a workspace other than the active one. */
    public void archive(WorkspaceItem item) {
        if (isActive(item)) {
            message.set("Switch to another workspace before archiving \"" + item.workspace().name() + "\".");
            return;
        }
        run(() -> {
            store.get().workspaces().archive(item.workspace().id());
            return load(store.get());
        }, list -> message.set("Workspace \"" + item.workspace().name() + "\" archived; Workspace › Restore brings"
                + " it back."));
    }

    /** Brings an archived workspace back. */
    public void restore(WorkspaceItem item) {
        run(() -> {
            store.get().workspaces().restore(item.workspace().id());
            return load(store.get());
        }, list -> message.set("Workspace \"" + item.workspace().name() + "\" restored."));
    }

    /**
     * @return the question the delete confirmation asks, naming what goes: e.g. "Delete workspace "Acme" and its 42
     *     records (13 plan captures, 20 query history entries, ...) for good?"; null when it may not be deleted
     *     (the active workspace), with the reason in {@link #messageProperty()}
     */
    public String deleteConfirmation(WorkspaceItem item) {
        if (isActive(item)) {
            message.set("Switch to another workspace before deleting \"" + item.workspace().name() + "\".");
            return null;
        }
        String kinds = item.records().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> WorkspaceItem.count(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Delete workspace \"%s\" and its %d records%s for good? This cannot be"
                        + " undone; the store file is compacted so none of its text stays readable.",
                item.workspace().name(), item.totalRecords(), kinds.isEmpty() ? "" : " (" + kinds + ")");
    }

    /** Deletes a workspace (after the view's confirmation); compaction runs in the background too. */
    public void delete(WorkspaceItem item) {
        if (isActive(item)) {
            message.set("Switch to another workspace before deleting \"" + item.workspace().name() + "\".");
            return;
        }
        run(() -> {
            store.get().workspaces().delete(item.workspace().id());
            return load(store.get());
        }, list -> message.set(String.format(Locale.ROOT, "Workspace \"%s\" deleted with its %d records; the store"
                + " file was compacted.", item.workspace().name(), item.totalRecords())));
    }

    /** Exports a workspace to an encrypted file; the passphrase is wiped after use. */
    public void export(WorkspaceItem item, Path file, char[] passphrase) {
        TransferResult[] done = new TransferResult[1];
        run(() -> {
            try {
                done[0] = store.get().transfer().export(item.workspace().id(), file, passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            return load(store.get());
        }, list -> message.set(String.format(Locale.ROOT, "Workspace \"%s\" exported to %s: %d records, encrypted.",
                item.workspace().name(), file.getFileName(), done[0].totalRecords())));
    }

    /**
     * Imports a workspace file (merging by key); the passphrase is wiped after use.
     *
     * @param nameIfTaken the name to use when the file's workspace is new here and its name is taken; null to refuse
     */
    public void importFile(Path file, char[] passphrase, String nameIfTaken) {
        TransferResult[] done = new TransferResult[1];
        run(() -> {
            try {
                done[0] = store.get().transfer().importFile(file, passphrase, nameIfTaken);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            return load(store.get());
        }, list -> message.set(String.format(Locale.ROOT, "%s \"%s\": %d records added, %d already here.",
                done[0].mergedInto() ? "Merged into workspace" : "Imported workspace", done[0].workspace().name(),
                done[0].totalRecords(), done[0].totalAlreadyPresent())));
    }

    /** @return true when the item is the active workspace */
    public boolean isActive(WorkspaceItem item) {
        return active.get() != null && active.get().id().equals(item.workspace().id());
    }

    private static List<WorkspaceItem> load(WorkbenchStore s) {
        List<WorkspaceItem> out = new ArrayList<>();
        for (Workspace w : s.workspaces().list()) {
            out.add(new WorkspaceItem(w, false, s.workspaces().recordCounts(w.id())));
        }
        for (Workspace w : s.workspaces().listArchived()) {
            out.add(new WorkspaceItem(w, true, s.workspaces().recordCounts(w.id())));
        }
        return out;
    }

    private void run(Callable<List<WorkspaceItem>> work, Consumer<List<WorkspaceItem>> then) {
        busy.set(true);
        executor.submit(work, list -> {
            busy.set(false);
            items.setAll(list);
            then.accept(list);
        }, failure -> {
            busy.set(false);
            message.set(failure instanceof StoreException se ? se.getMessage()
                    : "The workspace command failed: " + failure.getMessage());
        });
    }
}
