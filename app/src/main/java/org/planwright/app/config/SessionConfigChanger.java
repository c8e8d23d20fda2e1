package org.planwright.app.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.advice.AdviceRequest;
import org.planwright.tuning.advice.ConfigRecommendation;
import org.planwright.tuning.advice.EvidenceCollector;
import org.planwright.tuning.advice.PostgresConfigAdvisor;
import org.planwright.tuning.apply.ApplyException;
import org.planwright.tuning.apply.Approval;
import org.planwright.tuning.apply.Cancellation;
import org.planwright.tuning.apply.ChangeJournal;
import org.planwright.tuning.apply.ChangePlan;
import org.planwright.tuning.apply.ConfigApplier;
import org.planwright.tuning.apply.Measurement;
import org.planwright.tuning.apply.PgbenchProbe;
import org.planwright.tuning.apply.StatementsProbe;
import org.planwright.tuning.apply.ValidationRun;
import org.planwright.tuning.apply.WorkloadProbe;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.PgConfigReader;
import org.planwright.tuning.trial.SettingCandidates;
import org.planwright.tuning.trial.SettingsTrial;
import org.planwright.tuning.trial.TrialedConfigAdvice;

/**
 * {@link ConfigChanger} over a connection profile: each call opens its own read-write session (ALTER SYSTEM needs
 * one, in autocommit; the app's analysis session stays read-only) and closes it. Needs a superuser (or ALTER
 * SYSTEM grants). pgbench, when chosen, is found on PATH or in /usr/lib/postgresql/N/bin and gets the profile's
 * host, port, database and user (its password from PGPASSWORD / ~/.pgpass). Blocking; one call at a time.
 */
public final class SessionConfigChanger implements ConfigChanger {

    private final TargetConnector connector;
    private final ConnectionProfile profile;
    private final String server;
    private final Hardware hardware;
    private final ChangeJournal journal;
    private final Path pgbench;

    /**
     * @param connector opens the sessions
     * @param profile   the connected server's profile
     * @param server    its label in the history (host:port: ALTER SYSTEM changes the whole cluster)
     * @param hardware  for the advice and the memory budget
     * @param journal   the workspace's config history
     * @param pgbench   the pgbench program, or null when none is installed (pgbench measuring then fails clearly)
     */
    public SessionConfigChanger(TargetConnector connector, ConnectionProfile profile, String server, Hardware hardware,
                                ChangeJournal journal, Path pgbench) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.server = Objects.requireNonNull(server, "server");
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.pgbench = pgbench;
    }

    private TargetSession open() throws Exception {
        return connector.open(profile, null, SessionOptions.readWrite());
    }

    @Override
    public List<ConfigRecommendation> recommendations() throws Exception {
        try (TargetSession s = open()) {
            var now = new ConfigApplier(Clock.systemUTC()).snapshot(s, server);
            return new PostgresConfigAdvisor().advise(new AdviceRequest(now, new EvidenceCollector().collect(s),
                    hardware, OsType.LINUX, DbType.MIXED)).recommendations();
        }
    }

    @Override
    public TrialedRecommendations trial(List<SettingsTrial.Statement> statements,
                                        Cancellation cancel, Consumer<String> progress) throws Exception {
        try (TargetSession s = connector.open(profile, null, SessionOptions.analysis())) {
            var now = new PgConfigReader(Clock.systemUTC()).read(s, server);
            AdviceRequest request = new AdviceRequest(now, new EvidenceCollector().collect(s), hardware,
                    OsType.LINUX, DbType.MIXED);
            var rules = new PostgresConfigAdvisor().advise(request);
            var pgtune = PostgresConfigAdvisor.baseline(request);
            var candidates = SettingCandidates.of(now, pgtune, rules);
            var result = new SettingsTrial(s,
                    SettingsTrial.Options.defaults()).run(statements, candidates,
                    (fraction, message) -> progress.accept(String.format(java.util.Locale.ROOT, "%.0f%% %s",
                            fraction * 100, message)), cancel);
            return new TrialedRecommendations(TrialedConfigAdvice.merge(rules, now,
                    pgtune, result).recommendations(), result);
        }
    }

    @Override
    public ChangePlan plan(Map<String, String> changes) throws Exception {
        try (TargetSession s = open()) {
            ConfigApplier applier = new ConfigApplier(Clock.systemUTC());
            return applier.plan(applier.snapshot(s, server), changes, hardware, OsType.LINUX);
        }
    }

    @Override
    public ValidationRun.Result run(ChangePlan plan, Measure measure, boolean advice, String approver,
                                    Cancellation cancel, Consumer<String> progress) throws Exception {
        try (TargetSession s = open()) {
            WorkloadProbe probe = switch (measure.kind()) {
                case NONE -> null;
                case WORKLOAD -> new StatementsProbe(s, measure.seconds());
                case PGBENCH -> {
                    if (pgbench == null) {
                        throw new ApplyException("pgbench is not installed here: choose another measurement");
                    }
                    yield new PgbenchProbe(new PgbenchProbe.Options(pgbench, profile.effectiveHost(),
                            profile.effectivePort(), profile.database(), profile.effectiveUser(), measure.script(), 2, 2,
                            measure.seconds()));
                }
            };
            progress.accept(probe == null ? "Applying…" : "Measuring the baseline (" + measure.seconds() + " s)…");
            WorkloadProbe phases = probe == null ? null : new Phases(probe, measure.seconds(), progress);
            String who = Approval.author(s.serverInfo().user() + " (" + System.getProperty("user.name", "?") + ")",
                    approver);
            return new ValidationRun(Clock.systemUTC()).run(s, server, plan, p -> true, phases,
                    new ValidationRun.Settings(measure.threshold(), advice, who), journal, cancel);
        }
    }

    /** Tells the phase: the first window is the baseline, the second follows the change. */
    private static final class Phases implements WorkloadProbe {
        private final WorkloadProbe probe;
        private final int seconds;
        private final Consumer<String> progress;
        private int calls;

        Phases(WorkloadProbe probe, int seconds, Consumer<String> progress) {
            this.probe = probe;
            this.seconds = seconds;
            this.progress = progress;
        }

        @Override
        public Measurement measure(Cancellation cancel) throws ApplyException, CancelledException {
            if (calls++ > 0) {
                progress.accept("Applied; measuring after the change (" + seconds + " s)…");
            }
            return probe.measure(cancel);
        }
    }
}
