package org.planwright.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Clock;
import org.planwright.store.StoreLocation;
import org.planwright.store.StoreUnlock;
import org.planwright.store.Workspace;
import org.planwright.store.WorkbenchStore;

/**
 * Opens the workbench store the app uses ({@code -Dplanwright.home}, else {@code PLANWRIGHT_HOME}, else the OS
 * default: {@link StoreLocation}) and picks a workspace: the one named, else the only one there is.
 */
final class StoreWorkspace {

    private StoreWorkspace() {
    }

    /** @return the store folder for this environment */
    static java.nio.file.Path location(CliEnvironment environment) {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(k -> properties.put(k, System.getProperty(k)));
        return StoreLocation.resolve(System.getProperty("os.name", ""), environment.env(), properties,
                System.getProperty("user.home", "")).path();
    }

    /**
     * Opens the store of this environment. An encrypted store's key comes from the OS keychain (ADR 0023) or from
     * its master password: {@code PLANWRIGHT_MASTER_PASSWORD}, else the terminal (asked only when needed).
     *
     * @throws org.planwright.store.StoreException as {@link WorkbenchStore#open(java.nio.file.Path)}, and ENCRYPTED
     */
    static WorkbenchStore open(CliEnvironment environment) {
        return WorkbenchStore.open(location(environment), Clock.systemUTC(), unlock(environment));
    }

    /** @return the OS keychain, then the master password from the environment, then from the terminal */
    static StoreUnlock unlock(CliEnvironment environment) {
        return StoreUnlock.fromEnvironment(environment.env()).withKeychain(environment.keychain())
                .orElseAsk(() -> environment.prompt().ask("Master password of the Planwright store: "));
    }

    /**
     * @param name the workspace's name (letter case matters only when two names differ in it alone), or null for
     *             the only one
     * @throws IllegalArgumentException with a one-line message naming the choices
     */
    static Workspace pick(WorkbenchStore store, String name) {
        return pick(store, name, false);
    }

    /**
     * As {@link #pick(WorkbenchStore, String)}; with {@code archivedToo}, a named archived workspace is found too
     * (workspace rename, restore, delete, export).
     */
    static Workspace pick(WorkbenchStore store, String name, boolean archivedToo) {
        List<Workspace> all = new java.util.ArrayList<>(store.workspaces().list());
        if (archivedToo && name != null) {
            all.addAll(store.workspaces().listArchived());
        }
        if (name != null) {
            // the exact name first, else the one name that differs only in letter case
            return all.stream().filter(w -> w.name().equals(name)).findFirst()
                    .or(() -> all.stream().filter(w -> w.name().equalsIgnoreCase(name)).reduce((a, b) -> {
                        throw new IllegalArgumentException("workspace \"" + name + "\" is ambiguous: " + names(all));
                    })).orElseThrow(() ->
                    new IllegalArgumentException("no workspace \"" + name + "\" in " + store.directory() + "; there are: "
                            + names(all)));
        }
        if (all.size() == 1) {
            return all.getFirst();
        }
        throw new IllegalArgumentException(all.isEmpty() ? "the store " + store.directory() + " has no workspace yet"
                : "choose a workspace with --workspace NAME: " + names(all));
    }

    private static String names(List<Workspace> all) {
        return all.stream().map(w -> "\"" + w.name() + "\"").collect(Collectors.joining(", "));
    }
}
