package org.planwright.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.planwright.store.StoreException;
import org.planwright.store.WorkbenchStore;
import org.planwright.tuning.apply.Approval;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code planwright config approval [on|off]}: shows or sets the store's administrator-approval preference
 * ({@link Approval#PREFERENCE}). When on, {@code config apply --yes} and the app's Apply change nothing without the
 * name of the administrator who approved the change, which the config history then records. Exit 0; 2 for a bad
 * argument or a store that cannot be opened.
 */
@Command(name = "approval", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Show or set whether configuration changes need an administrator's approval.",
        description = {"With 'on', 'config apply --yes' needs --approved-by NAME and the app asks who approved; the "
                + "name is recorded with each change in the config history.", ""})
final class ConfigApprovalCommand implements Callable<Integer> {

    @ParentCommand
    private ConfigCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "on|off", description = "Set it (without it: show it)")
    private String value;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Boolean set = value == null ? null : switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "yes", "true" -> Boolean.TRUE;
            case "off", "no", "false" -> Boolean.FALSE;
            default -> throw new CommandLine.ParameterException(cl, "approval: on or off, not '" + value + "'");
        };
        PrintWriter out = cl.getOut();
        try (WorkbenchStore store = StoreWorkspace.open(parent.parent.environment())) {
            if (set != null) {
                store.preferences().putBoolean(Approval.PREFERENCE, set);
            }
            boolean on = store.preferences().getBoolean(Approval.PREFERENCE).orElse(false);
            out.println(on ? "Configuration changes need an administrator's approval (config apply --approved-by NAME)."
                    : "Configuration changes need no administrator's approval.");
            out.flush();
            return ExitCodes.OK;
        } catch (StoreException e) {
            cl.getErr().println("planwright: " + e.getMessage());
            cl.getErr().flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }
}
