package org.planwright.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code planwright team init|grant}: the team admin's commands for the sync server (docs/sync.md). */
@Command(name = "team", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Set up the team PostgreSQL that workbench stores sync through.",
        subcommands = {TeamInitCommand.class, TeamGrantCommand.class})
final class TeamCommand implements Runnable {

    @ParentCommand
    PlanwrightCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
