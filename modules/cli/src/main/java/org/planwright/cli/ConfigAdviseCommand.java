package org.planwright.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
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
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.advice.Advice;
import org.planwright.tuning.advice.AdviceRequest;
import org.planwright.tuning.advice.ConfigRecommendation;
import org.planwright.tuning.advice.EvidenceCollector;
import org.planwright.tuning.advice.NotProposed;
import org.planwright.tuning.advice.PostgresConfigAdvisor;
import org.planwright.tuning.advice.WorkloadEvidence;
import org.planwright.sqltext.SqlScript;
import org.planwright.sqltext.SqlStatement;
import org.planwright.tuning.apply.Cancellation;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.PgTuneResult;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.HardwareDetector;
import org.planwright.tuning.settings.PgConfigReader;
import org.planwright.tuning.settings.SettingsSnapshot;
import org.planwright.tuning.trial.SettingCandidate;
import org.planwright.tuning.trial.SettingCandidates;
import org.planwright.tuning.trial.SettingsTrial;
import org.planwright.tuning.trial.TrialedConfigAdvice;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code planwright config advise}: reads a live PostgreSQL server's configuration and workload statistics in a
 * read-only session and prints the workload-aware recommendations ({@link PostgresConfigAdvisor}). JSON: an
 * object with {@code server}, {@code version}, {@code hardware}, {@code workload}, {@code recommendations} (each:
 * parameter, current, recommended, reason, evidence, impact, risk, apply = restart|reload|new session,
 * alterSystem), {@code notProposed} and {@code notes}; with {@code --trial}, also {@code settingsTrial} (the
 * accepted settings and every candidate's measured outcome, see {@link SettingsTrial}). Changes nothing on the
 * server.
 */
@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Workload-aware configuration advice for a live PostgreSQL server (read-only).",
        description = {"Reads pg_settings, pg_file_settings and the statistics views (pg_stat_database, "
                + "pg_stat_checkpointer or pg_stat_bgwriter, pg_stat_activity, pg_stat_user_tables, "
                + "pg_stat_statements) and proposes changes the workload's evidence supports, starting from PGTune's "
                + "profile for the hardware. Hardware is detected when the server runs on this machine (cgroup "
                + "limits included), else give --ram-gb, --cpus and --storage.", ""})
final class ConfigAdviseCommand implements Callable<Integer> {

    /** Output formats of {@code config advise}. */
    enum AdviseFormat { TEXT, JSON }

    @ParentCommand
    private ConfigCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions target;

    @Option(names = "--ram-gb", paramLabel = "N", description = "The server's RAM in GB (default: detected if local)")
    private Long ramGb;

    @Option(names = "--cpus", paramLabel = "N", description = "The server's CPUs (default: detected if local)")
    private Integer cpus;

    @Option(names = "--storage", paramLabel = "KIND", description = "ssd, hdd, san or nvme (default: detected if local)")
    private String storage;

    @Option(names = "--os", defaultValue = "linux", paramLabel = "OS", description = "linux, windows or mac (default: linux)")
    private String os;

    @Option(names = "--workload", paramLabel = "TYPE",
            description = "web, oltp, dw, desktop or mixed (default: from the workload analyzer's classification of "
                    + "pg_stat_statements: OLTP -> oltp, OLAP -> dw, else mixed)")
    private String workload;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: text)")
    private AdviseFormat format;

    @Option(names = "--trial", paramLabel = "FILE|FOLDER", arity = "1..*",
            description = "Try the session-settable changes (work_mem, random_page_cost, effective_cache_size, jit, "
                    + "...) that the rules or PGTune's profile would make on these statements first (SET LOCAL in "
                    + "rolled-back read-only transactions; nothing changes on the server): only a change that makes "
                    + "some statement faster and none slower is proposed. A folder stands for its *.sql files.")
    private List<Path> trialPaths;

    @Option(names = "--trial-runs", defaultValue = "5", paramLabel = "N",
            description = "Timed runs per side and statement in the settings trial, at least 3 (default: 5)")
    private int trialRuns;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        ExplainCommand.ConnectRequest request = target.request(parent.parent.environment(), cl);
        OsType osType;
        DbType type;
        try {
            osType = OsType.parse(os);
            type = workload == null ? null : DbType.parse(workload);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        Hardware hardware = hardware(cl, request.profile().effectiveHost());
        PrintWriter err = cl.getErr();
        try (TargetSession session = ConnectionOptions.open(request, parent.parent.environment(), err)) {
            if (type == null) {
                type = WorkloadTypes.classify(session);
            }
            SettingsSnapshot settings = new PgConfigReader(Clock.systemUTC()).read(session, request.shown());
            WorkloadEvidence evidence = new EvidenceCollector().collect(session);
            AdviceRequest adviceRequest = new AdviceRequest(settings, evidence, hardware, osType, type);
            Advice advice = new PostgresConfigAdvisor().advise(adviceRequest);
            if (trialPaths != null && !trialPaths.isEmpty()) {
                advice = trial(cl, session, settings, adviceRequest, advice, target.statementTimeout());
            }
            if (format == AdviseFormat.JSON) {
                cl.getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json(settings, hardware, type, advice, trialResult)));
            } else {
                text(cl.getOut(), settings, hardware, type, advice);
            }
            cl.getOut().flush();
            return ExitCodes.OK;
        } catch (TargetException e) {
            err.println("planwright: cannot read " + request.shown() + ": " + e.userMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }

    /** Runs the settings trial on the --trial statements and lets its measurements decide the tried parameters. */
    private Advice trial(CommandLine cl, TargetSession session, SettingsSnapshot settings, AdviceRequest request,
                         Advice rules, Duration timeout) throws TargetException {
        if (trialRuns < 3) {
            throw new CommandLine.ParameterException(cl, "--trial-runs must be at least 3, not " + trialRuns);
        }
        List<SettingsTrial.Statement> statements = new ArrayList<>();
        try {
            for (SqlFiles.SqlFile f : SqlFiles.load(trialPaths)) {
                List<SqlStatement> all = SqlScript.split(f.text());
                for (int i = 0; i < all.size(); i++) {
                    statements.add(new SettingsTrial.Statement(all.size() == 1 ? f.display()
                            : f.display() + "#" + (i + 1), all.get(i).text()));
                }
            }
        } catch (SqlFiles.SqlFileException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        PgTuneResult pgtune = PostgresConfigAdvisor.baseline(request);
        List<SettingCandidate> candidates = SettingCandidates.of(settings, pgtune, rules);
        SettingsTrial.Options defaults = SettingsTrial.Options.defaults();
        SettingsTrial.Options options = new SettingsTrial.Options(trialRuns, defaults.noise(),
                defaults.minDifferenceMs(), defaults.significance(),
                timeout.isZero() ? defaults.statementTimeout() : timeout);
        PrintWriter err = cl.getErr();
        SettingsTrial.Result result = new SettingsTrial(session, options).run(statements, candidates,
                (fraction, message) -> {
                    err.printf(Locale.ROOT, "[%3.0f%%] %s%n", fraction * 100, message);
                    err.flush();
                }, new Cancellation());
        this.trialResult = result;
        return TrialedConfigAdvice.merge(rules, settings, pgtune, result);
    }

    private SettingsTrial.Result trialResult;

    private Hardware hardware(CommandLine cl, String host) {
        Optional<Hardware> detected = HardwareDetector.isLocal(host)
                ? new HardwareDetector(Path.of("/")).detect() : Optional.empty();
        if (detected.isEmpty() && (ramGb == null || cpus == null)) {
            throw new CommandLine.ParameterException(cl, "give --ram-gb and --cpus (and --storage): the server's "
                    + "hardware " + (HardwareDetector.isLocal(host) ? "cannot be detected here" : "is not on this machine"));
        }
        try {
            long ram = ramGb != null ? ramGb << 30 : detected.orElseThrow().ramBytes();
            int n = cpus != null ? cpus : detected.orElseThrow().cpus();
            StorageType st = storage != null ? StorageType.parse(storage)
                    : detected.map(Hardware::storage).orElse(StorageType.SSD);
            String source = ramGb != null && cpus != null && storage != null ? "given"
                    : detected.map(Hardware::source).orElse("given") + (ramGb != null || cpus != null
                    || storage != null ? " (partly given)" : "");
            return new Hardware(ram, n, st, source);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /** @return the keys and values in the order given (the JSON's keys keep a stable order) */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            m.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return m;
    }

    private static Map<String, Object> json(SettingsSnapshot s, Hardware hw, DbType type, Advice advice,
                                            SettingsTrial.Result trial) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("server", s.server());
        root.put("version", s.version());
        root.put("hardware", ordered("ramBytes", hw.ramBytes(), "cpus", hw.cpus(), "storage",
                hw.storage().pgtuneName(), "source", hw.source()));
        root.put("workload", type.pgtuneName());
        List<Map<String, Object>> recs = new ArrayList<>();
        for (ConfigRecommendation r : advice.recommendations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("parameter", r.parameter());
            m.put("current", r.current());
            m.put("recommended", r.recommended());
            m.put("reason", r.reason());
            m.put("evidence", r.evidence());
            m.put("impact", ordered("level", r.impact().level().name().toLowerCase(Locale.ROOT), "detail",
                    r.impact().detail()));
            m.put("risk", r.risk().name().toLowerCase(Locale.ROOT));
            m.put("apply", r.applyMode().label());
            m.put("alterSystem", r.statement());
            recs.add(m);
        }
        root.put("recommendations", recs);
        root.put("notProposed", advice.notProposed().stream().map(n -> ordered("parameter", n.parameter(),
                "current", n.current(), "pgtune", n.pgtune(), "why", n.why())).toList());
        root.put("notes", advice.notes());
        if (trial != null) {
            root.put("settingsTrial", ordered("accepted", trial.accepted(), "cancelled", trial.cancelled(),
                    "skipped", trial.skipped(), "candidates", trial.outcomes().stream().map(o -> ordered(
                            "parameter", o.candidate().parameter(), "value", o.candidate().value(),
                            "source", o.candidate().source(), "base", o.base(), "accepted", o.accepted(),
                            "reason", o.reason(), "workloadBeforeMs", round1(o.workloadBeforeMs()),
                            "workloadAfterMs", round1(o.workloadAfterMs()),
                            "statements", o.statements().stream().map(c -> ordered("label", c.label(),
                                    "change", c.change().name().toLowerCase(Locale.ROOT),
                                    "medianBeforeMs", round1(c.medianBeforeMs()),
                                    "medianAfterMs", round1(c.medianAfterMs()),
                                    "pValue", Double.isNaN(c.pValue()) ? null : Math.round(c.pValue() * 10000) / 10000.0))
                                    .toList())).toList()));
        }
        return root;
    }

    private static Double round1(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10) / 10.0;
    }

    private static void text(PrintWriter out, SettingsSnapshot s, Hardware hw, DbType type, Advice advice) {
        out.printf(Locale.ROOT, "%s (PostgreSQL %s), %s workload; hardware %s, %d CPUs, %s (%s)%n%n", s.server(),
                s.version(), type.pgtuneName(), org.planwright.tuning.settings.SettingValue.formatBytes(hw.ramBytes()),
                hw.cpus(), hw.storage().pgtuneName(), hw.source());
        if (advice.recommendations().isEmpty()) {
            out.println("No change proposed: nothing in the workload's statistics shows one would help.");
        }
        for (ConfigRecommendation r : advice.recommendations()) {
            out.printf(Locale.ROOT, "%s: %s -> %s  [%s, risk %s, impact %s]%n", r.parameter(), r.current(),
                    r.recommended(), r.applyMode().label(), r.risk().name().toLowerCase(Locale.ROOT),
                    r.impact().level().name().toLowerCase(Locale.ROOT));
            out.println("  why: " + r.reason());
            r.evidence().forEach(e -> out.println("  evidence: " + e));
            out.println("  impact: " + r.impact().detail());
            out.println("  " + r.statement() + ";");
            out.println();
        }
        if (!advice.notProposed().isEmpty()) {
            out.println("PGTune would also change (not proposed):");
            for (NotProposed n : advice.notProposed()) {
                out.printf("  %s: %s -> %s: %s%n", n.parameter(), n.current(),
                        n.setByPgtune() ? n.pgtune() : "(tried; PGTune's profile leaves it)", n.why());
            }
        }
        advice.notes().forEach(n -> out.println("note: " + n));
    }
}
