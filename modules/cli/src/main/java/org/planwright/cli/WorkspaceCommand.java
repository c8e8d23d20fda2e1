package org.planwright.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.planwright.store.StoreException;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code planwright workspace list|create|rename|archive|restore|delete|export|import}: the workspaces of the store
 * that {@code PLANWRIGHT_HOME} / {@code -Dplanwright.home} points at (issue 12). Text or JSON
 * ({@code docs/cli-json-output.md}, "workspace"). Exit 0 done, 2 bad usage or a store error (one line on stderr).
 */
@Command(name = "workspace", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Manage the workspaces (client engagements) of the Planwright store.",
        subcommands = {WorkspaceCommand.ListCommand.class, WorkspaceCommand.CreateCommand.class,
                WorkspaceCommand.RenameCommand.class, WorkspaceCommand.ArchiveCommand.class,
                WorkspaceCommand.RestoreCommand.class, WorkspaceCommand.DeleteCommand.class,
                WorkspaceExportCommand.class, WorkspaceImportCommand.class})
final class WorkspaceCommand implements Runnable {

    @ParentCommand
    PlanwrightCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: list, create, rename, archive, restore, delete, export or import");
    }

    /** text or json */
    enum Format { TEXT, JSON }

    /** Work on the open store; returns the exit code. */
    interface Work {
        int run(WorkbenchStore store, PrintWriter out);
    }

    /** Opens the store, runs the work, turns store and name errors into one line on stderr and exit 2. */
    static int withStore(WorkspaceCommand command, CommandLine.Model.CommandSpec spec, Work work) {
        PrintWriter err = spec.commandLine().getErr();
        try (WorkbenchStore store = StoreWorkspace.open(command.parent.environment())) {
            int code = work.run(store, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return code;
        } catch (StoreException | IllegalArgumentException e) {
            err.println("planwright: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }

    /** The JSON object of a workspace: id, name, archived, createdAt, updatedAt. */
    static Map<String, Object> json(WorkbenchStore store, Workspace w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id().toString());
        m.put("name", w.name());
        m.put("archived", store.workspaces().isArchived(w.id()));
        m.put("createdAt", w.createdAt().toString());
        m.put("updatedAt", w.updatedAt().toString());
        return m;
    }

    /** Prints a one-workspace result: text line, or {"action": ..., "workspace": {...}, extra...}. */
    static void result(PrintWriter out, Format format, WorkbenchStore store, String action, Workspace w,
                       Map<String, Object> extra, String text) {
        if (format == Format.JSON) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", action);
            m.put("workspace", json(store, w));
            m.putAll(extra);
            out.print(CliJson.write(m));
        } else {
            out.println(text);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the workspaces with their record counts per kind (archived ones with --all).")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        WorkspaceCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--all", description = "Include archived workspaces.")
        boolean all;
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: text).")
        Format format;

        @Override
        public Integer call() {
            return withStore(parent, spec, (store, out) -> {
                List<Workspace> list = new ArrayList<>(store.workspaces().list());
                if (all) {
                    list.addAll(store.workspaces().listArchived());
                    list.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Workspace w : list) {
                    Map<String, Long> counts = store.workspaces().recordCounts(w.id());
                    Map<String, Object> m = json(store, w);
                    m.put("records", counts);
                    m.put("totalRecords", counts.values().stream().mapToLong(Long::longValue).sum());
                    rows.add(m);
                }
                if (format == Format.JSON) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("store", store.directory().toString());
                    doc.put("workspaces", rows);
                    out.print(CliJson.write(doc));
                    return ExitCodes.OK;
                }
                if (rows.isEmpty()) {
                    out.println("no workspace in " + store.directory());
                }
                for (Map<String, Object> m : rows) {
                    out.printf(Locale.ROOT, "%s%s  %d records%n", m.get("name"),
                            Boolean.TRUE.equals(m.get("archived")) ? " (archived)" : "", (Long) m.get("totalRecords"));
                    @SuppressWarnings("unchecked")
                    Map<String, Long> counts = (Map<String, Long>) m.get("records");
                    counts.forEach((kind, n) -> {
                        if (n > 0) {
                            out.printf(Locale.ROOT, "  %-22s %d%n", kind, n);
                        }
                    });
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a workspace.")
    static final class CreateCommand implements Callable<Integer> {
        @ParentCommand
        WorkspaceCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "1 to 200 characters, unique in the store.")
        String name;
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: text).")
        Format format;

        @Override
        public Integer call() {
            return withStore(parent, spec, (store, out) -> {
                Workspace w = store.workspaces().create(name);
                result(out, format, store, "created", w, Map.of(), "workspace \"" + w.name() + "\" created");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a workspace.")
    static final class RenameCommand implements Callable<Integer> {
        @ParentCommand
        WorkspaceCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", description = "The workspace's name now.")
        String name;
        @Parameters(index = "1", paramLabel = "NEW-NAME", description = "Its new name.")
        String newName;
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: text).")
        Format format;

        @Override
        public Integer call() {
            return withStore(parent, spec, (store, out) -> {
                Workspace w = store.workspaces().rename(StoreWorkspace.pick(store, name, true).id(), newName);
                result(out, format, store, "renamed", w, Map.of("oldName", name),
                        "workspace \"" + name + "\" renamed to \"" + w.name() + "\"");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "archive", mixinStandardHelpOptions = true,
            description = "Archive a workspace: kept with all its records, hidden from lists until restored.")
    static final class ArchiveCommand implements Callable<Integer> {
        @ParentCommand
        WorkspaceCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: text).")
        Format format;

        @Override
        public Integer call() {
            return withStore(parent, spec, (store, out) -> {
                Workspace w = store.workspaces().archive(StoreWorkspace.pick(store, name, true).id());
                result(out, format, store, "archived", w, Map.of(), "workspace \"" + w.name() + "\" archived");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Bring an archived workspace back.")
    static final class RestoreCommand implements Callable<Integer> {
        @ParentCommand
        WorkspaceCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: text).")
        Format format;

        @Override
        public Integer call() {
            return withStore(parent, spec, (store, out) -> {
                Workspace w = store.workspaces().restore(StoreWorkspace.pick(store, name, true).id());
                result(out, format, store, "restored", w, Map.of(), "workspace \"" + w.name() + "\" restored");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete a workspace and every record in it, for good, and compact the store file so no "
                    + "deleted text stays readable in it.", "Without --yes, only says what would be deleted."})
    static final class DeleteCommand implements Callable<Integer> {
        @ParentCommand
        WorkspaceCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--yes", description = "Delete without asking (scripts).")
        boolean yes;
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: text).")
        Format format;

        @Override
        public Integer call() {
            return withStore(parent, spec, (store, out) -> {
                Workspace w = StoreWorkspace.pick(store, name, true);
                Map<String, Long> counts = store.workspaces().recordCounts(w.id());
                long total = counts.values().stream().mapToLong(Long::longValue).sum();
                if (!yes) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.printf(Locale.ROOT, "planwright: deleting workspace \"%s\" removes its %d records for good;"
                            + " add --yes to delete it%n", w.name(), total);
                    err.flush();
                    return ExitCodes.USAGE_OR_CONNECTION;
                }
                Map<String, Object> deleted = json(store, w);
                store.workspaces().delete(w.id());
                if (format == Format.JSON) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("action", "deleted");
                    m.put("workspace", deleted);
                    m.put("records", counts);
                    m.put("compacted", true);
                    out.print(CliJson.write(m));
                } else {
                    out.printf(Locale.ROOT, "workspace \"%s\" deleted with its %d records; store file compacted%n",
                            w.name(), total);
                }
                return ExitCodes.OK;
            });
        }
    }
}
