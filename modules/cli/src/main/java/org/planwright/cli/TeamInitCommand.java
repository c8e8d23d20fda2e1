package org.planwright.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.planwright.sync.SyncException;
import org.planwright.sync.TeamAdmin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code planwright team init --remote URL --user ADMIN}: creates or migrates the team schema (Flyway). */
@Command(name = "init", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Create or migrate the team schema on the team PostgreSQL (run as a role that may create schemas).")
final class TeamInitCommand implements Callable<Integer> {

    @ParentCommand
    TeamCommand team;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--remote", required = true, paramLabel = "CONNECTION",
            description = "The team server: postgresql://host:5432/team, 'host=... dbname=...' or a JDBC URL; the"
                    + " password comes from PGPASSWORD or ~/.pgpass")
    String remote;

    @Option(names = {"-U", "--user"}, required = true, paramLabel = "ADMIN", description = "The admin role")
    String user;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String version = new TeamAdmin(TeamRemote.connections(remote, user, team.parent.environment(),
                    spec.commandLine(), err)).init();
            out.println("team schema at version " + version);
            out.flush();
            return ExitCodes.OK;
        } catch (SyncException e) {
            err.println("planwright: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }
}
