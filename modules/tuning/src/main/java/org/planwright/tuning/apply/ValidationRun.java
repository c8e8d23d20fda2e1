package org.planwright.tuning.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.planwright.targetdb.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apply, measure, keep or revert: measures a baseline window with the probe, applies the plan's live changes
 * (after confirmation, through {@link ConfigApplier}), measures an after window, and reverts the changes when the
 * {@link Verdict} is DEGRADED (p95 latency or throughput beyond the threshold) — or NOISE when
 * {@code revertWithoutEffect} is set. A cancel at any point reverts what was applied; nothing stays changed.
 * Every step goes to the {@link ChangeJournal}: APPLIED per change, then KEPT, REVERTED or CANCELLED; PREPARED
 * for restart-only changes. Blocking; run it on a virtual thread and cancel from any thread.
 */
public final class ValidationRun {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationRun.class);

    /**
     * @param threshold           relative change beyond noise, e.g. 0.10
     * @param revertWithoutEffect also revert when the change is within noise (a change that cannot be shown to help)
     * @param who                 recorded as the author of the changes
     */
    public record Settings(double threshold, boolean revertWithoutEffect, String who) {
    }

    /**
     * What the run did.
     *
     * @param verdict  the measured comparison, empty when cancelled or nothing was applied
     * @param kept     true when the changes stay
     * @param cancelled true when cancelled (then nothing stays)
     * @param events   the journal entries written, in order
     */
    public record Result(Optional<Verdict> verdict, boolean kept, boolean cancelled, List<ChangeEvent> events) {
    }

    private final ConfigApplier applier;
    private final Clock clock;

    /** @param clock stamps the journal */
    public ValidationRun(Clock clock) {
        this.clock = clock;
        this.applier = new ConfigApplier(clock);
    }

    /**
     * @param session  a read-write superuser session in autocommit
     * @param server   the server's label
     * @param plan     from {@link ConfigApplier#plan}
     * @param confirm  asked before applying
     * @param probe    the workload measurement, or null to apply without measuring (the changes are recorded as
     *                 APPLIED and stay; nothing is reverted automatically)
     * @param settings threshold, revert-without-effect, who
     * @param journal  the history
     * @param cancel   cancellation from another thread
     * @return the result
     * @throws ApplyException when applying, measuring or reverting fails (applied changes are reverted first)
     */
    public Result run(TargetSession session, String server, ChangePlan plan, ConfigApplier.Confirmation confirm,
                      WorkloadProbe probe, Settings settings, ChangeJournal journal, Cancellation cancel)
            throws ApplyException {
        List<ChangeEvent> events = new ArrayList<>();
        UUID runId = UUID.randomUUID();
        for (ConfigChange c : plan.restartOnly()) {
            record(events, journal, settings, server, c, c.oldValue(), c.newValue(), ChangeEvent.Action.PREPARED,
                    "needs a restart: " + c.alterSystemSql(), runId);
        }
        if (probe == null) {
            Optional<ConfigApplier.Applied> applied = applier.apply(session, server, plan, confirm);
            applied.ifPresent(a -> a.applied().forEach(c -> record(events, journal, settings, server, c, c.oldValue(),
                    c.newValue(), ChangeEvent.Action.APPLIED, "not measured", runId)));
            return new Result(Optional.empty(), applied.isPresent(), false, events);
        }
        Measurement baseline;
        try {
            baseline = probe.measure(cancel);
        } catch (WorkloadProbe.CancelledException e) {
            return new Result(Optional.empty(), false, true, events);
        }
        if (cancel.isCancelled()) {
            return new Result(Optional.empty(), false, true, events);
        }
        Optional<ConfigApplier.Applied> applied = applier.apply(session, server, plan, confirm);
        if (applied.isEmpty()) {
            return new Result(Optional.empty(), false, false, events);
        }
        for (ConfigChange c : applied.get().applied()) {
            record(events, journal, settings, server, c, c.oldValue(), c.newValue(), ChangeEvent.Action.APPLIED, "",
                    runId);
        }
        Measurement after;
        try {
            after = probe.measure(cancel);
        } catch (WorkloadProbe.CancelledException | ApplyException e) {
            applier.revert(session, server, applied.get().before(), applied.get().applied());
            boolean cancelled = e instanceof WorkloadProbe.CancelledException;
            for (ConfigChange c : applied.get().applied()) {
                record(events, journal, settings, server, c, c.newValue(), c.oldValue(),
                        cancelled ? ChangeEvent.Action.CANCELLED : ChangeEvent.Action.REVERTED,
                        cancelled ? "validation cancelled" : "measurement failed: " + e.getMessage(), runId);
            }
            if (cancelled) {
                return new Result(Optional.empty(), false, true, events);
            }
            throw (ApplyException) e;
        }
        Verdict verdict = Verdict.of(baseline, after, settings.threshold());
        boolean revert = verdict.outcome() == Verdict.Outcome.DEGRADED
                || verdict.outcome() == Verdict.Outcome.NOISE && settings.revertWithoutEffect()
                || cancel.isCancelled();
        LOG.info("validation of {}: {}", plan.live(), verdict.describe());
        if (revert) {
            applier.revert(session, server, applied.get().before(), applied.get().applied());
        }
        ChangeEvent.Action action = cancel.isCancelled() ? ChangeEvent.Action.CANCELLED
                : revert ? ChangeEvent.Action.REVERTED : ChangeEvent.Action.KEPT;
        for (ConfigChange c : applied.get().applied()) {
            record(events, journal, settings, server, c, revert ? c.newValue() : c.oldValue(),
                    revert ? c.oldValue() : c.newValue(), action, verdict.describe(), runId);
        }
        return new Result(Optional.of(verdict), !revert, cancel.isCancelled(), events);
    }

    private void record(List<ChangeEvent> events, ChangeJournal journal, Settings settings, String server,
                        ConfigChange c, String from, String to, ChangeEvent.Action action, String result,
                        UUID runId) {
        ChangeEvent e = new ChangeEvent(clock.instant(), settings.who(), server, c.parameter(), from, to,
                c.applyMode().label(), action, result, runId);
        journal.append(e);
        events.add(e);
    }
}
