package org.planwright.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code planwright config}: server configuration. {@code pgtune} ({@link ConfigPgTuneCommand}) gives PGTune's
 * hardware-only profile; {@code advise} ({@link ConfigAdviseCommand}) reads a live server and recommends changes
 * from its workload's evidence; {@code validate}, {@code apply} and {@code revert}
 * ({@link ConfigValidateCommand}, {@link ConfigApplyCommand}, {@link ConfigRevertCommand}) check, apply, measure and
 * undo changes, recorded in the workspace's config history.
 */
@Command(name = "config", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Server configuration: PGTune's profile, workload-aware advice, validate / apply / revert.",
        subcommands = {ConfigPgTuneCommand.class, ConfigAdviseCommand.class, ConfigValidateCommand.class,
                ConfigApplyCommand.class, ConfigRevertCommand.class, ConfigApprovalCommand.class})
final class ConfigCommand implements Runnable {

    @ParentCommand
    PlanwrightCommand parent;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: try 'planwright config pgtune', 'advise', 'validate', 'apply' or 'revert'");
    }
}
