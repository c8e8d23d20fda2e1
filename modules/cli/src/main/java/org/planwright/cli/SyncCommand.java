package org.planwright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.planwright.store.StoreException;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.sync.SyncClient;
import org.planwright.sync.SyncException;
import org.planwright.sync.SyncSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code planwright sync --remote URL --user ROLE [--workspace NAME] [--format text|json]}: one round, up then down,
 * of one workspace of the store ({@code -Dplanwright.home} / {@code PLANWRIGHT_HOME}) with the team server. A
 * workspace named but missing here is created (a new device pulling the team's work). Exit 0 when the round ended
 * well, 2 when the role may not sync the workspace, the server is unreachable, or the store cannot be opened.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Sync one workspace with the team PostgreSQL: upload what changed here, download what changed there.")
final class SyncCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @ParentCommand
    PlanwrightCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--remote", required = true, paramLabel = "CONNECTION",
            description = "The team server: postgresql://host:5432/team, 'host=... dbname=...' or a JDBC URL; the"
                    + " password comes from PGPASSWORD or ~/.pgpass")
    String remote;

    @Option(names = {"-U", "--user"}, required = true, paramLabel = "ROLE", description = "The role that syncs")
    String user;

    @Option(names = "--workspace", paramLabel = "NAME", description = "The workspace (default: the only one)")
    String workspace;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (default: text). JSON: see docs/cli-json-output.md")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var connections = TeamRemote.connections(remote, user, parent.environment(), spec.commandLine(), err);
        try (WorkbenchStore store = StoreWorkspace.open(parent.environment())) {
            boolean known = workspace == null
                    || store.workspaces().list().stream().anyMatch(w -> w.name().equalsIgnoreCase(workspace));
            Workspace ws = known ? StoreWorkspace.pick(store, workspace) : store.workspaces().ensure(workspace);
            SyncSummary s = new SyncClient(connections, user).sync(store, ws);
            out.print(format == Format.json ? json(s) : text(s));
            out.flush();
            return ExitCodes.OK;
        } catch (SyncException | StoreException | IllegalArgumentException e) {
            err.println("planwright: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }

    static String text(SyncSummary s) {
        return String.format(Locale.ROOT, "workspace \"%s\": uploaded %d, downloaded %d, conflicts %d%s%s; %d pending%n",
                s.workspace(), s.uploaded(), s.downloaded(), s.conflicts(),
                s.rejected() > 0 ? ", rejected " + s.rejected() + " (kept aside, see docs/sync.md)" : "",
                s.fullPull() ? " (full pull)" : "", s.pending());
    }

    static String json(SyncSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workspace", s.workspace());
        m.put("uploaded", s.uploaded());
        m.put("downloaded", s.downloaded());
        m.put("conflicts", s.conflicts());
        m.put("rejected", s.rejected());
        m.put("unchanged", s.unchanged());
        m.put("batches", s.batches());
        m.put("fullPull", s.fullPull());
        m.put("pending", s.pending());
        try {
            return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the summary as JSON", e);
        }
    }
}
