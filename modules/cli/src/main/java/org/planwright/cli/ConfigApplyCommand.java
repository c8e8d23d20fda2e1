package org.planwright.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.planwright.store.StoreException;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.advice.Advice;
import org.planwright.tuning.advice.AdviceRequest;
import org.planwright.tuning.advice.ConfigRecommendation;
import org.planwright.tuning.advice.EvidenceCollector;
import org.planwright.tuning.advice.PostgresConfigAdvisor;
import org.planwright.tuning.apply.ApplyException;
import org.planwright.tuning.apply.Approval;
import org.planwright.tuning.apply.Cancellation;
import org.planwright.tuning.apply.ChangeEvent;
import org.planwright.tuning.apply.ChangePlan;
import org.planwright.tuning.apply.ConfigApplier;
import org.planwright.tuning.apply.PgbenchProbe;
import org.planwright.tuning.apply.StatementsProbe;
import org.planwright.tuning.apply.ValidationRun;
import org.planwright.tuning.apply.WorkloadProbe;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.SettingsSnapshot;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code planwright config apply}: validates changes ({@code --set NAME=VALUE ...} or {@code --from-advice}), and
 * only with {@code --yes} applies the live ones with ALTER SYSTEM + pg_reload_conf() ({@code ConfigApplier});
 * restart-only (postmaster) parameters are prepared and flagged, never applied. With {@code --measure} a
 * baseline window and an after window are measured (a pgbench run, or pg_stat_statements deltas of the live
 * workload) and the change is reverted when p95 latency or throughput degrade beyond {@code --revert-threshold}
 * ({@code ValidationRun}); advice ({@code --from-advice}) is also reverted when its effect is within that noise,
 * since a change that cannot be shown to help is not kept. Every event (applied, kept, reverted, cancelled,
 * prepared) goes to the workspace's config history with the measured result. Ctrl+C during a run reverts what was
 * applied before the command exits. Exit 0 when done (kept or reverted) or for the dry run, 1 when a value is not
 * valid or applying failed (nothing stays changed), 2 for bad usage or no connection.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Apply configuration changes to a live server, measure them, revert what degrades.",
        description = {"Without --yes, shows what it would do and changes nothing. Needs a superuser (or a user "
                + "granted ALTER SYSTEM on the parameters).", ""})
final class ConfigApplyCommand implements Callable<Integer> {

    /** How the change is measured. */
    enum MeasureKind { PGBENCH, WORKLOAD }

    /** What to apply: given values or the advice. */
    static final class What {
        @Option(names = "--set", paramLabel = "NAME=VALUE", required = true,
                description = "A parameter and its new value as ALTER SYSTEM takes it, e.g. work_mem=64MB (repeatable)")
        Map<String, String> set;

        @Option(names = "--from-advice", required = true,
                description = "The recommendations of 'planwright config advise' for this server (needs its hardware)")
        boolean fromAdvice;
    }

    @ParentCommand
    private ConfigCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions target;

    @Mixin
    private HardwareOptions machine;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    @Option(names = "--measure", paramLabel = "HOW",
            description = "pgbench (a pgbench run before and after) or workload (pg_stat_statements deltas of the live "
                    + "workload before and after); default: not measured")
    private MeasureKind measure;

    @Option(names = "--duration", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Length of each measurement window, e.g. 30s, 5min (default: 30s)")
    private Duration duration;

    @Option(names = "--pgbench", paramLabel = "PATH",
            description = "The pgbench program (default: pgbench on PATH, else the newest /usr/lib/postgresql/*/bin/pgbench)")
    private Path pgbench;

    @Option(names = "--pgbench-script", paramLabel = "FILE",
            description = "A pgbench script of your workload (default: pgbench's built-in TPC-B-like transaction, "
                    + "which needs 'pgbench -i' tables)")
    private Path pgbenchScript;

    @Option(names = "--clients", defaultValue = "2", paramLabel = "N", description = "pgbench clients (default: 2)")
    private int clients;

    @Option(names = "--revert-threshold", defaultValue = "0.10", paramLabel = "FRACTION",
            description = "Relative change counted as beyond noise: p95 latency higher or throughput lower by more "
                    + "than this reverts (default: 0.10, the run-to-run noise of pgbench measured on this machine kind: ±10 percent)")
    private double threshold;

    @Option(names = "--keep-within-noise",
            description = "With --from-advice, keep a change whose measured effect is within the threshold (default: "
                    + "revert it: a change that cannot be shown to help is not kept)")
    private boolean keepWithinNoise;

    @Option(names = "--yes", description = "Apply (without it, nothing is changed: the plan is shown)")
    private boolean yes;

    @Option(names = "--approved-by", paramLabel = "NAME",
            description = "The administrator who approved the change, recorded with it in the config history; "
                    + "required with --yes where 'planwright config approval on' was set")
    private String approvedBy;

    @Option(names = "--workspace", paramLabel = "NAME",
            description = "Workspace whose config history records the changes (default: the only one; one named "
                    + "\"" + ConfigHistoryStore.DEFAULT_WORKSPACE + "\" is made when there is none)")
    private String workspace;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: text)")
    private ConfigChangeOutput.Format format;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        ExplainCommand.ConnectRequest request = target.request(parent.parent.environment(), cl);
        OsType os = machine.os(cl);
        Optional<Hardware> hardware = machine.hardware(cl, request.profile().effectiveHost());
        if (what.fromAdvice && hardware.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--from-advice: give --ram-gb and --cpus (and --storage): "
                    + "the server's hardware is not on this machine");
        }
        if (threshold <= 0 || threshold >= 1) {
            throw new CommandLine.ParameterException(cl, "--revert-threshold: a fraction between 0 and 1, e.g. 0.10");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new CommandLine.ParameterException(cl, "--duration: at least 1s");
        }
        if (pgbenchScript != null && !Files.isReadable(pgbenchScript)) {
            throw new CommandLine.ParameterException(cl, "--pgbench-script: cannot read " + pgbenchScript);
        }
        Map<String, String> given = what.fromAdvice ? Map.of() : normalised(cl, what.set);
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        String server = serverLabel(request);
        ConfigApplier applier = new ConfigApplier(Clock.systemUTC());
        try (TargetSession session = ConnectionOptions.openReadWrite(request, parent.parent.environment(), err)) {
            SettingsSnapshot now = applier.snapshot(session, server);
            Map<String, String> changes = what.fromAdvice ? advice(session, now, hardware.get(), os) : given;
            ChangePlan plan = applier.plan(now, changes, hardware.orElse(null), os);
            boolean revertWithinNoise = what.fromAdvice && !keepWithinNoise;
            Map<String, Object> root = ConfigChangeOutput.ordered("server", server, "version", now.version(),
                    "dryRun", !yes, "source", what.fromAdvice ? "advice" : "given");
            ConfigChangeOutput.plan(root, plan);
            root.put("measure", measure == null ? null : ConfigChangeOutput.ordered("how",
                    measure.name().toLowerCase(Locale.ROOT), "seconds", duration.toSeconds(), "revertThreshold",
                    threshold, "revertWithinNoise", revertWithinNoise));
            String approvalProblem = Approval.problem(ConfigHistoryStore.approvalRequired(parent.parent.environment()),
                    approvedBy);
            root.put("approvedBy", approvedBy == null || approvedBy.isBlank() ? null : approvedBy.strip());
            if (changes.isEmpty() || !plan.problems().isEmpty() || !yes || approvalProblem != null) {
                report(out, root, plan, changes.isEmpty() ? "No change to apply: the advice proposes none."
                        : !plan.problems().isEmpty() ? "Nothing was changed."
                        : approvalProblem != null ? "Nothing was changed. " + approvalProblem
                        + " Run again with --approved-by NAME" + (yes ? "." : " --yes.")
                        : "Nothing was changed: run again with --yes to apply.");
                return !plan.problems().isEmpty() ? ExitCodes.STATEMENT_FAILED
                        : yes && approvalProblem != null ? ExitCodes.USAGE_OR_CONNECTION : ExitCodes.OK;
            }
            WorkloadProbe probe = probe(cl, request, session);
            try (ConfigHistoryStore history = ConfigHistoryStore.open(parent.parent.environment(), workspace)) {
                Cancellation cancel = new Cancellation();
                CountDownLatch finished = new CountDownLatch(1);
                Thread hook = new Thread(() -> {
                    cancel.cancel();
                    try {
                        finished.await(2, TimeUnit.MINUTES); // the run reverts what it applied, then exits
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "planwright-config-apply-cancel");
                Runtime.getRuntime().addShutdownHook(hook);
                ValidationRun.Result result;
                try {
                    result = new ValidationRun(Clock.systemUTC()).run(session, server, plan, p -> true, probe,
                            new ValidationRun.Settings(threshold, revertWithinNoise,
                                    Approval.author(who(session), approvedBy)), history, cancel);
                } finally {
                    finished.countDown();
                    removeHook(hook);
                }
                root.put("verdict", result.verdict().map(ConfigChangeOutput::verdict).orElse(null));
                root.put("kept", result.kept());
                root.put("cancelled", result.cancelled());
                root.put("events", result.events().stream().map(ConfigChangeOutput::event).toList());
                root.put("workspace", history.workspace().name());
                if (format == ConfigChangeOutput.Format.JSON) {
                    ConfigChangeOutput.json(out, root);
                } else {
                    out.println(server + " (PostgreSQL " + now.version() + ")");
                    result.verdict().ifPresent(v -> out.println("measured: " + v.describe()));
                    ConfigChangeOutput.eventsText(out, result.events());
                    out.println(result.cancelled() ? "Cancelled: nothing stays changed."
                            : result.kept() ? "The change stays." : "The change was reverted: nothing stays changed.");
                    if (!plan.restartOnly().isEmpty()) {
                        out.println("Prepared, not applied (run, then restart the server):");
                        plan.preparedStatements().forEach(s -> out.println("  " + s + ";"));
                    }
                    out.println("Recorded in the config history of workspace \"" + history.workspace().name() + "\".");
                }
                out.flush();
                return ExitCodes.OK;
            }
        } catch (TargetException e) {
            err.println("planwright: cannot connect to " + request.shown() + ": " + e.userMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (ApplyException e) {
            err.println("planwright: " + e.getMessage() + " (nothing stays changed)");
            err.flush();
            return ExitCodes.STATEMENT_FAILED;
        } catch (StoreException | IllegalArgumentException e) {
            err.println("planwright: the config history: " + e.getMessage() + " (nothing was changed)");
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }

    private void report(PrintWriter out, Map<String, Object> root, ChangePlan plan, String last) {
        if (format == ConfigChangeOutput.Format.JSON) {
            ConfigChangeOutput.json(out, root);
        } else {
            out.println(root.get("server") + " (PostgreSQL " + root.get("version") + ")");
            ConfigChangeOutput.planText(out, plan, "Would apply live", "Would prepare");
            if (measure != null && plan.problems().isEmpty() && !plan.live().isEmpty()) {
                out.printf(Locale.ROOT, "Would measure with %s for %d s before and after, and revert when p95 latency "
                        + "or throughput degrade by more than %.0f%%%s.%n", measure.name().toLowerCase(Locale.ROOT),
                        duration.toSeconds(), threshold * 100, what.fromAdvice && !keepWithinNoise
                                ? " or the effect is within that noise" : "");
            }
            out.println(last);
        }
        out.flush();
    }

    private Map<String, String> advice(TargetSession session, SettingsSnapshot now, Hardware hardware, OsType os)
            throws TargetException {
        var type = WorkloadTypes.classify(session);
        Advice advice = new PostgresConfigAdvisor().advise(new AdviceRequest(now,
                new EvidenceCollector().collect(session), hardware, os, type));
        Map<String, String> changes = new LinkedHashMap<>();
        for (ConfigRecommendation r : advice.recommendations()) {
            changes.put(r.parameter(), r.recommended());
        }
        return changes;
    }

    private WorkloadProbe probe(CommandLine cl, ExplainCommand.ConnectRequest request, TargetSession session) {
        if (measure == null) {
            return null;
        }
        int seconds = (int) Math.max(1, duration.toSeconds());
        if (measure == MeasureKind.WORKLOAD) {
            return new StatementsProbe(session, seconds);
        }
        Path program = pgbench != null ? pgbench : PgbenchProbe.locate().orElseThrow(() -> new CommandLine.ParameterException(
                cl, "--measure pgbench: no pgbench on PATH nor in /usr/lib/postgresql/*/bin; give --pgbench PATH"));
        var p = request.profile();
        return new PgbenchProbe(new PgbenchProbe.Options(program, p.effectiveHost(), p.effectivePort(), p.database(),
                p.effectiveUser(), pgbenchScript, Math.max(1, clients), Math.max(1, Math.min(clients, 2)), seconds));
    }

    private static String who(TargetSession session) {
        return session.serverInfo().user() + " (" + System.getProperty("user.name", "?") + ")";
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs
        }
    }

    /**
     * @return the server's label in the config history: host:port, since ALTER SYSTEM changes the whole cluster
     *     whatever the database
     */
    static String serverLabel(ExplainCommand.ConnectRequest request) {
        return request.profile().effectiveHost() + ":" + request.profile().effectivePort();
    }

    /**
     * @return the --set pairs with lower-case names, in the order given
     * @throws CommandLine.ParameterException for an empty name or value
     */
    static Map<String, String> normalised(CommandLine cl, Map<String, String> set) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        set.forEach((k, v) -> {
            String name = k == null ? "" : k.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || v == null || v.isBlank() || !name.matches("[a-z_][a-z0-9_.]*")) {
                bad.add(k + "=" + v);
            } else {
                m.put(name, v.strip());
            }
        });
        if (!bad.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--set: not NAME=VALUE with a parameter name and a value: "
                    + String.join(", ", bad));
        }
        return m;
    }
}
