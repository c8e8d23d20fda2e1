package org.planwright.cli;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.planwright.sync.SyncException;
import org.planwright.sync.TeamAdmin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code planwright team grant --remote URL --user ADMIN --workspace NAME --role ROLE}: lets a PostgreSQL role (and
 * its members) sync one workspace, creating the workspace on the server when new.
 */
@Command(name = "grant", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Let a PostgreSQL role sync one workspace (row-level security keeps it out of the others).")
final class TeamGrantCommand implements Callable<Integer> {

    @ParentCommand
    TeamCommand team;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--remote", required = true, paramLabel = "CONNECTION", description = "The team server")
    String remote;

    @Option(names = {"-U", "--user"}, required = true, paramLabel = "ADMIN", description = "The admin role")
    String user;

    @Option(names = "--workspace", required = true, paramLabel = "NAME", description = "The workspace's name")
    String workspace;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "An existing PostgreSQL role")
    String role;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            UUID id = new TeamAdmin(TeamRemote.connections(remote, user, team.parent.environment(), spec.commandLine(),
                    err)).grant(workspace, role);
            out.println("role " + role + " may sync workspace \"" + workspace + "\" (" + id + ")");
            out.flush();
            return ExitCodes.OK;
        } catch (SyncException e) {
            err.println("planwright: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }
}
