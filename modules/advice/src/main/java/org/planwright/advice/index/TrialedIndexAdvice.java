package org.planwright.advice.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * Index advice for a workload that no statement pays for (issue 9: "none of the advice slowing a query beyond
 * noise"; docs/decisions/0024): advise ({@link IndexAdvisor}), measure the set on the whole workload
 * ({@link WorkloadTrial}, which rejects every index that made a statement slower beyond noise), and when it rejected
 * something, ask the advisor again without the rejected indexes' access paths
 * ({@link IndexAdviceOptions#excludes}) — a replacement may serve the same statements without slowing the one the
 * rejected index hurt — and measure that set. At most {@code maxRounds} advice-and-trial rounds; it stops early when
 * a trial rejects nothing, or the advisor offers no set or one already tried. Every round's kept set has no
 * statement slower beyond noise; the one with the largest <b>measured benefit</b> wins: Σ weight·ln(best before /
 * best after) over the statements whose "after" plan uses a kept index (the advisor's own objective, i.e. the
 * geometric mean of the time ratios, measured instead of estimated; the others count 0, so their run-to-run noise
 * does not decide). Ties: the earlier round.
 *
 * <p>Blocking: call on a worker thread; cancellation as {@link WorkloadTrial}. Nothing is changed on the database:
 * each trial is rolled back, hypothetical indexes are forgotten.
 */
public final class TrialedIndexAdvice {

    /** Default rounds: the first advice and up to two replacements. */
    public static final int DEFAULT_ROUNDS = 3;

    /**
     * One advice measured.
     *
     * @param advice          the advisor's set for this round
     * @param trial           what the workload trial measured and rejected
     * @param excluded        the access paths excluded when asking for this advice (empty in round 1)
     * @param measuredBenefit Σ weight·ln(before / after) over the statements using a kept index (see the class
     *                        comment); larger is better
     */
    public record Round(IndexAdvice advice, WorkloadTrialResult trial, List<IndexCandidate> excluded,
                        double measuredBenefit) {
        public Round {
            excluded = List.copyOf(excluded);
        }
    }

    /**
     * @param rounds every round, in order
     * @param chosen index into {@code rounds} of the winner
     */
    public record Outcome(List<Round> rounds, int chosen) {
        public Outcome {
            rounds = List.copyOf(rounds);
        }

        /** @return the winning round */
        public Round best() {
            return rounds.get(chosen);
        }

        /** @return every index some round's trial rejected, each once, with its first reason */
        public List<TrialIndexOutcome> rejected() {
            List<TrialIndexOutcome> out = new ArrayList<>();
            Set<IndexCandidate> seen = new LinkedHashSet<>();
            for (Round r : rounds) {
                for (TrialIndexOutcome o : r.trial().indexes()) {
                    if (o.rejected() != null && seen.add(o.index())) {
                        out.add(o);
                    }
                }
            }
            return out;
        }
    }

    /**
     * @param adviceSession the advisor's analysis session (read-only is fine with HypoPG)
     * @param trialSession  the trial's read-write session, statement timeout set (see {@link WorkloadTrial#run})
     * @param workload      the statements, at least one
     * @param options       the advisor's options; their exclusions are kept and extended
     * @param first         the advisor's advice with {@code options} when the caller has it already, else null
     * @param trialOptions  runs, lock timeout, consent
     * @param maxRounds     most advice-and-trial rounds, at least 1
     * @param progress      one line per step
     * @param cancellation  stops the running trial
     * @return every round and the winner; the first round's advice alone when it chose no index (its trial then
     *     measured nothing)
     * @throws TargetException as {@link IndexAdvisor#advise} and {@link WorkloadTrial#run}; nothing was changed
     */
    public Outcome run(TargetSession adviceSession, TargetSession trialSession, List<WorkloadStatement> workload,
                       IndexAdviceOptions options, IndexAdvice first, WorkloadTrial.Options trialOptions,
                       int maxRounds,
                       ProgressListener progress, Cancellation cancellation) throws TargetException {
        Objects.requireNonNull(options, "options");
        if (maxRounds < 1) {
            throw new IllegalArgumentException("at least one round: " + maxRounds);
        }
        List<Round> rounds = new ArrayList<>();
        List<IndexCandidate> excluded = new ArrayList<>(options.excluded());
        List<Set<IndexCandidate>> tried = new ArrayList<>();
        for (int round = 1; round <= maxRounds; round++) {
            cancellation.check();
            int r = round;
            IndexAdvice advice = round == 1 && first != null ? first
                    : new IndexAdvisor(adviceSession, options.withExcluded(excluded),
                    m -> progress.progress(0, (r > 1 ? "Replacement advice " + r + ": " : "") + m)).advise(workload);
            List<IndexCandidate> set = advice.chosen().stream().map(IndexAdvice.ChosenIndex::candidate).toList();
            if (round > 1 && (set.isEmpty() || tried.contains(Set.copyOf(set)))) {
                progress.progress(1, "No other index set to try without " + describe(excluded));
                break;
            }
            tried.add(Set.copyOf(set));
            WorkloadTrialResult trial = set.isEmpty()
                    ? new WorkloadTrialResult(List.of(), List.of(), 0, 0)
                    : new WorkloadTrial().run(trialSession, workload, set, trialOptions, progress, cancellation);
            double benefit = measuredBenefit(workload, trial);
            rounds.add(new Round(advice, trial, List.copyOf(excluded.subList(options.excluded().size(),
                    excluded.size())), benefit));
            List<IndexCandidate> rejected = trial.indexes().stream().filter(o -> o.rejected() != null)
                    .map(TrialIndexOutcome::index).toList();
            progress.progress(1, String.format(Locale.ROOT, "Round %d: %d index(es) tried, %d rejected, measured "
                    + "benefit %.3f", round, set.size(), rejected.size(), benefit));
            if (rejected.isEmpty()) {
                break;
            }
            excluded.addAll(rejected);
        }
        int best = 0;
        for (int i = 1; i < rounds.size(); i++) {
            if (rounds.get(i).measuredBenefit() > rounds.get(best).measuredBenefit() + 1e-9) {
                best = i;
            }
        }
        return new Outcome(rounds, best);
    }

    /**
     * @param workload the statements (for their weights), in the trial's order
     * @param trial    a trial's result
     * @return Σ weight·ln(before / after) over the statements that ran and whose "after" plan used a kept index
     */
    public static double measuredBenefit(List<WorkloadStatement> workload, WorkloadTrialResult trial) {
        double b = 0;
        for (int i = 0; i < trial.statements().size(); i++) {
            TrialStatementTime t = trial.statements().get(i);
            if (t.error() == null && !t.indexesUsed().isEmpty() && t.beforeMs() > 0 && t.afterMs() > 0) {
                b += workload.get(i).weight() * Math.log(t.beforeMs() / t.afterMs());
            }
        }
        return b;
    }

    private static String describe(List<IndexCandidate> excluded) {
        return String.join(", ", excluded.stream().map(IndexCandidate::definition).toList());
    }
}
