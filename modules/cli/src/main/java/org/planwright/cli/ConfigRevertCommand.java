package org.planwright.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.planwright.store.StoreException;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.apply.ApplyException;
import org.planwright.tuning.apply.ChangeEvent;
import org.planwright.tuning.apply.ConfigApplier;
import org.planwright.tuning.apply.ConfigChange;
import org.planwright.tuning.apply.LastChange;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingsSnapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code planwright config revert}: undoes the last change to this server that the workspace's config history shows
 * still in effect ({@link LastChange}: every parameter applied together in that run), with {@code ALTER SYSTEM
 * RESET} or {@code ALTER SYSTEM SET} back to the recorded old value, a reload and a check in pg_settings
 * ({@code ConfigApplier.restore}). Without {@code --yes} it shows what it would do and changes nothing. Each
 * parameter put back is a REVERTED event in the history. Exit 0 when reverted or for the dry run, 1 when there is
 * nothing to revert or it failed, 2 for bad usage or no connection.
 */
@Command(name = "revert", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Undo the last configuration change recorded for this server.",
        description = {"Without --yes, shows what it would do and changes nothing.", ""})
final class ConfigRevertCommand implements Callable<Integer> {

    @ParentCommand
    private ConfigCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions target;

    @Option(names = "--yes", description = "Revert (without it, nothing is changed)")
    private boolean yes;

    @Option(names = "--workspace", paramLabel = "NAME",
            description = "Workspace whose config history to read and write (default: the only one)")
    private String workspace;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: text)")
    private ConfigChangeOutput.Format format;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        ExplainCommand.ConnectRequest request = target.request(parent.parent.environment(), cl);
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        String server = ConfigApplyCommand.serverLabel(request);
        try (ConfigHistoryStore history = ConfigHistoryStore.open(parent.parent.environment(), workspace)) {
            List<ChangeEvent> last = LastChange.inEffect(history.events(), server);
            if (last.isEmpty()) {
                err.println("planwright: nothing to revert: no change to " + server + " in the config history of "
                        + "workspace \"" + history.workspace().name() + "\" is still in effect");
                err.flush();
                return ExitCodes.STATEMENT_FAILED;
            }
            ConfigApplier applier = new ConfigApplier(Clock.systemUTC());
            try (TargetSession session = ConnectionOptions.openReadWrite(request, parent.parent.environment(), err)) {
                SettingsSnapshot now = applier.snapshot(session, server);
                List<ConfigChange> undo = LastChange.undo(last, now);
                List<String> notes = new ArrayList<>();
                for (ConfigChange c : undo) {
                    now.setting(c.parameter()).map(ServerSetting::display)
                            .filter(v -> !v.equalsIgnoreCase(c.oldValue()) && !sameValue(now, c.parameter(), c.oldValue()))
                            .ifPresent(v -> notes.add(c.parameter() + " is " + v + " now, not " + c.oldValue()
                                    + " as recorded: it was changed outside Planwright since"));
                }
                List<ChangeEvent> events = new ArrayList<>();
                if (yes) {
                    applier.restore(session, server, undo);
                    UUID runId = UUID.randomUUID();
                    String who = session.serverInfo().user() + " (" + System.getProperty("user.name", "?") + ")";
                    for (int i = 0; i < undo.size(); i++) {
                        ConfigChange c = undo.get(i);
                        ChangeEvent e = new ChangeEvent(Clock.systemUTC().instant(), who, server, c.parameter(),
                                c.oldValue(), c.newValue(), last.get(i).context(), ChangeEvent.Action.REVERTED,
                                "reverted by hand (planwright config revert)", runId);
                        history.append(e);
                        events.add(e);
                    }
                }
                if (format == ConfigChangeOutput.Format.JSON) {
                    Map<String, Object> root = ConfigChangeOutput.ordered("server", server, "dryRun", !yes,
                            "workspace", history.workspace().name(), "revert", undo.stream().map(c ->
                                    ConfigChangeOutput.ordered("parameter", c.parameter(), "current", c.oldValue(),
                                            "restore", c.newValue(), "apply", c.applyMode().label())).toList(),
                            "events", events.stream().map(ConfigChangeOutput::event).toList(), "notes", notes);
                    ConfigChangeOutput.json(out, root);
                } else {
                    out.println(server + ": the last change still in effect (" + last.getLast().at() + ", "
                            + last.getLast().action().name().toLowerCase(Locale.ROOT) + ")");
                    for (ConfigChange c : undo) {
                        out.printf(Locale.ROOT, "  %s: %s -> %s  [%s]%n", c.parameter(), c.oldValue(), c.newValue(),
                                c.applyMode().label());
                    }
                    notes.forEach(n -> out.println("note: " + n));
                    out.println(yes ? "Reverted; recorded in the config history of workspace \""
                            + history.workspace().name() + "\"." : "Nothing was changed: run again with --yes to revert.");
                }
                out.flush();
                return ExitCodes.OK;
            }
        } catch (TargetException e) {
            err.println("planwright: cannot connect to " + request.shown() + ": " + e.userMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (ApplyException e) {
            err.println("planwright: " + e.getMessage());
            err.flush();
            return ExitCodes.STATEMENT_FAILED;
        } catch (StoreException | IllegalArgumentException e) {
            err.println("planwright: the config history: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }

    private static boolean sameValue(SettingsSnapshot now, String parameter, String value) {
        return now.setting(parameter).map(s -> {
            try {
                var a = s.baseValue();
                var b = org.planwright.tuning.settings.SettingValue.parse(value, s.unit());
                return a.isPresent() && b.isPresent() && Math.abs(a.getAsDouble() - b.getAsDouble()) < 1e-6;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }).orElse(false);
    }
}
