package org.planwright.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.apply.ApplyException;
import org.planwright.tuning.apply.ChangePlan;
import org.planwright.tuning.apply.ConfigApplier;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.SettingsSnapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code planwright config validate --set NAME=VALUE ...}: checks proposed values against the live server's
 * pg_settings (type, range, enum values, unit, platform caps, memory budget: {@code SettingValidator}) in a
 * read-only session and says how each would take effect (reload, new session, restart). Changes nothing. Exit 0
 * when every value is valid, 1 when one is not, 2 for bad usage or no connection.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Check proposed parameter values against a live server (read-only).",
        description = {"Each value is checked against the server's pg_settings: the parameter exists and can be set, "
                + "the value has its type (bool, integer, real, enum, string) and a unit of the right kind, lies "
                + "within min_val..max_val, is one of enumvals; Windows up to PostgreSQL 17 caps work_mem and the "
                + "maintenance memories below 2GB; and, with the hardware known, postgresqltuner's memory budget "
                + "over all values together.", ""})
final class ConfigValidateCommand implements Callable<Integer> {

    @ParentCommand
    private ConfigCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions target;

    @Mixin
    private HardwareOptions machine;

    @Option(names = "--set", required = true, paramLabel = "NAME=VALUE",
            description = "A parameter and its proposed value as ALTER SYSTEM takes it, e.g. work_mem=64MB (repeatable)")
    private Map<String, String> set;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: text)")
    private ConfigChangeOutput.Format format;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        ExplainCommand.ConnectRequest request = target.request(parent.parent.environment(), cl);
        var os = machine.os(cl);
        Optional<Hardware> hardware = machine.hardware(cl, request.profile().effectiveHost());
        Map<String, String> changes = ConfigApplyCommand.normalised(cl, set);
        PrintWriter err = cl.getErr();
        String server = ConfigApplyCommand.serverLabel(request);
        try (TargetSession session = ConnectionOptions.open(request, parent.parent.environment(), err)) {
            ConfigApplier applier = new ConfigApplier(Clock.systemUTC());
            SettingsSnapshot now = applier.snapshot(session, server);
            ChangePlan plan = applier.plan(now, changes, hardware.orElse(null), os);
            List<String> notes = hardware.isPresent() ? List.of()
                    : List.of("memory budget not checked: give --ram-gb and --cpus (the server is not on this machine)");
            PrintWriter out = cl.getOut();
            if (format == ConfigChangeOutput.Format.JSON) {
                var root = ConfigChangeOutput.ordered("server", server, "version", now.version(), "valid",
                        plan.problems().isEmpty());
                ConfigChangeOutput.plan(root, plan);
                root.put("notes", notes);
                ConfigChangeOutput.json(out, root);
            } else {
                out.println(server + " (PostgreSQL " + now.version() + ")");
                boolean valid = plan.problems().isEmpty();
                ConfigChangeOutput.planText(out, plan, valid ? "Valid, would apply live" : "Would apply live",
                        valid ? "Valid, would prepare" : "Would prepare");
                notes.forEach(n -> out.println("note: " + n));
                out.println(plan.problems().isEmpty() ? "All values are valid. Nothing was changed."
                        : "Nothing was changed.");
            }
            out.flush();
            return plan.problems().isEmpty() ? ExitCodes.OK : ExitCodes.STATEMENT_FAILED;
        } catch (org.planwright.targetdb.TargetException e) {
            err.println("planwright: cannot read " + request.shown() + ": " + e.userMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (ApplyException e) {
            err.println("planwright: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }
}
