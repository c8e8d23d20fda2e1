package org.planwright.advice.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.Evidence;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParser;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses one set of indexes for a workload (one statement or many), the way the index-selection literature's
 * greedy what-if advisors do (AutoAdmin, Chaudhuri and Narasayya, VLDB 1997; benefit per byte as in DB2 Advisor,
 * Valentin et al., ICDE 2000; see docs/decisions/0012):
 * <ol>
 * <li>each statement's plain EXPLAIN VERBOSE plan gives its candidate columns ({@link PlanColumns}) and its cost
 *     with the existing indexes; a statement with {@code $n} parameters (pg_stat_statements' normalised text) is
 *     planned with {@code EXPLAIN (GENERIC_PLAN)} on PostgreSQL 16+ ({@link GenericPlan}) and, on older servers or
 *     where GENERIC_PLAN cannot plan it, with representative values from pg_stats ({@link CostingBindings}); one
 *     whose parameters cannot be given values there is skipped with the reason;</li>
 * <li>candidates per table use ({@link CandidateGenerator}), minus those an existing index already covers;</li>
 * <li>each candidate is costed alone on the statements it can serve (its leading column is one they filter,
 *     join, or sort on); only those that cut some statement's cost by {@code minCostCutPercent} stay;</li>
 * <li>greedy: repeatedly add the candidate with the largest benefit per byte, where benefit is the sum over the
 *     statements of {@code weight * ln(cost without / cost with)} given the indexes already chosen (so it
 *     maximises the geometric mean of the cost ratios, the measure TPC-H's power metric uses, instead of letting
 *     the costliest statement decide everything); it must still cut some statement's cost by
 *     {@code minCostCutPercent} and fit the budget. Benefits are re-evaluated lazily (a candidate's benefit
 *     rarely grows when others are added: re-cost only the top of the queue, as in CELF, Leskovec et al. 2007),
 *     which keeps what-if calls few;</li>
 * <li>prune: an index the final set no longer needs (removing it raises no statement's cost by the threshold)
 *     is dropped, so no index stays that no statement needs.</li>
 * </ol>
 * What-if costs are cached per statement and relevant index set. Blocking; call it on a worker thread; it checks
 * the thread's interrupt flag between what-if calls and then throws {@link CancellationException} (hypothetical
 * indexes are forgotten and a rolled-back transaction is rolled back on the way out).
 */
public final class IndexAdvisor {

    private static final Logger LOG = LoggerFactory.getLogger(IndexAdvisor.class);
    /**
     * Slack of the screening bound in {@code singles}: PostgreSQL's add_path discards a path whose cost is within
     * 1 % of a kept one (STD_FUZZ_FACTOR 1.01, optimizer/util/pathnode.c), so with more indexes the chosen plan may
     * cost up to about that much more than with one of them; 5 % covers several joins' worth.
     */
    static final double SCREEN_SLACK = 1.05;

    /** Confidence of a plan-cost estimate with hypothetical indexes: costs are the planner's, not measured times. */
    static final double CONFIDENCE_HYPOTHETICAL = 0.5;
    /** Confidence with real indexes built in a rolled-back transaction: real sizes and statistics-free costs. */
    static final double CONFIDENCE_REAL_BUILD = 0.6;

    private final TargetSession session;
    private final IndexAdviceOptions options;
    private final Consumer<String> progress;

    /**
     * @param session  an analysis session on the target database (read-only is fine for HypoPG)
     * @param options  thresholds, budget, consent for rolled-back builds
     * @param progress receives one-line progress messages (any thread-safe consumer; may be a no-op)
     */
    public IndexAdvisor(TargetSession session, IndexAdviceOptions options, Consumer<String> progress) {
        this.session = Objects.requireNonNull(session, "session");
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * @param workload the statements; each one explainable
     * @return the chosen index set with estimates, drop-index advice for the workload's tables, and the statements
     *     that could not be costed
     * @throws TargetException       {@code UNSUPPORTED_STATEMENT} when the database has no HypoPG and rolled-back
     *                               builds were not allowed (the message says how to allow them), or a connection
     *                               failure
     * @throws CancellationException when the thread was interrupted
     */
    public IndexAdvice advise(List<WorkloadStatement> workload) throws TargetException {
        long t0 = System.nanoTime();
        boolean hypo = HypoPgWhatIf.available(session);
        if (!hypo && !options.allowRolledBackBuilds()) {
            throw new TargetException(TargetException.Reason.UNSUPPORTED_STATEMENT, "HypoPG is not installed in "
                    + "this database (CREATE EXTENSION hypopg, package postgresql-NN-hypopg); without it candidate "
                    + "indexes must be built for real inside a transaction that is rolled back, which locks the "
                    + "tables while the advice runs — allow that explicitly", null, null, null);
        }
        CostingBindings bindings = CostingBindings.of(session, workload, progress);
        try (WhatIf whatIf = hypo ? new HypoPgWhatIf(session) : new RolledBackWhatIf(session)) {
            Run run = new Run(whatIf, new Catalog(session), bindings.workload(), bindings);
            IndexAdvice advice = run.advise(hypo, t0);
            LOG.info("Index advice: {} statements, {} candidates, {} chosen, {} what-if calls, {} ms",
                    workload.size(), advice.candidates(), advice.chosen().size(), advice.explainCalls(),
                    Math.round(advice.elapsedMillis()));
            return advice;
        }
    }

    /** One advice run: the statements, their plans and the what-if cost cache. */
    private final class Run {
        private final WhatIf whatIf;
        private final Catalog catalog;
        private final List<WorkloadStatement> workload;
        private final CostingBindings bindings;
        private final List<Costed> costed = new ArrayList<>();
        private final List<IndexAdvice.Skipped> skipped = new ArrayList<>();
        private final Map<String, Double> cache = new HashMap<>();
        /** screening: statement → its cost with every candidate that may serve it (a lower bound for any subset) */
        private final Map<Integer, Double> screenAll = new HashMap<>();
        /** screening: [family, statement] → the statement's cost with that family's candidates together */
        private final Map<List<Object>, Double> screenFamily = new HashMap<>();
        private final Map<IndexCandidate, Set<Integer>> relevant = new LinkedHashMap<>();
        private final Map<IndexCandidate, Long> sizes = new HashMap<>();
        private final double keepRatio = 1 - options.minCostCutPercent() / 100;

        Run(WhatIf whatIf, Catalog catalog, List<WorkloadStatement> workload, CostingBindings bindings) {
            this.bindings = bindings;
            this.whatIf = whatIf;
            this.catalog = catalog;
            this.workload = workload;
        }

        IndexAdvice advise(boolean hypo, long t0) throws TargetException {
            explainAll();
            generateCandidates();
            progress.accept("Costing " + relevant.size() + " candidate indexes one by one");
            List<IndexCandidate> useful = singles();
            progress.accept(useful.size() + " candidates cut a statement's cost by "
                    + fmt(options.minCostCutPercent()) + " % or more; choosing a set (" + whatIf.explainCalls()
                    + " what-if EXPLAINs so far)");
            List<Step> steps = greedy(useful);
            List<IndexCandidate> chosen = new ArrayList<>(steps.stream().map(Step::c).toList());
            double pricePerByte = 0;
            if (options.budgetBytes() == 0 && !steps.isEmpty()) {
                pricePerByte = KneeRule.pricePerByte(steps.stream().mapToDouble(Step::benefit).toArray(),
                        steps.stream().mapToLong(Step::size).toArray());
                int k = KneeRule.kneeLength(steps.stream().mapToDouble(Step::benefit).toArray(),
                        steps.stream().mapToLong(Step::size).toArray());
                if (k < steps.size()) {
                    progress.accept(String.format(Locale.ROOT, "Knee after %d of %d indexes: the others add less "
                            + "benefit per byte (%.3g per MB) than the whole set's average", k, steps.size(),
                            pricePerByte * 1048576));
                }
                chosen = new ArrayList<>(chosen.subList(0, k));
            }
            chosen = prune(chosen);
            progress.accept("Greedy set chosen (" + whatIf.explainCalls() + " what-if EXPLAINs so far)");
            chosen = improve(chosen, useful, pricePerByte);
            chosen = prune(chosen);
            return result(chosen, hypo, t0);
        }

        private void explainAll() throws TargetException {
            for (int i = 0; i < workload.size(); i++) {
                WorkloadStatement s = workload.get(i);
                checkCancelled();
                progress.accept("Planning " + s.label() + " (" + (i + 1) + "/" + workload.size() + ")");
                Optional<String> unplannable = GenericPlan.unplannable(s.sql(), session.serverInfo());
                if (unplannable.isPresent()) {
                    skipped.add(new IndexAdvice.Skipped(s.label(), bindings.reason(s, unplannable.get())));
                    continue;
                }
                try {
                    String json = whatIf.plan(s.sql(), List.of());
                    Plan plan = PlanParser.parse(json);
                    double cost = WhatIf.totalCost(json);
                    Costed c = new Costed(s, cost, PlanColumns.of(plan));
                    plan.nodes().forEach(n -> n.indexName().ifPresent(c.indexesUsed::add));
                    costed.add(c);
                } catch (TargetException e) {
                    if (e.reason() == TargetException.Reason.OTHER || e.reason() == TargetException.Reason.CANCELLED) {
                        throw e;
                    }
                    skipped.add(new IndexAdvice.Skipped(s.label(), GenericPlan.hasParameters(s.sql())
                            ? "EXPLAIN (GENERIC_PLAN) could not plan it without values: " + e.userMessage()
                            : e.userMessage()));
                } catch (RuntimeException e) {
                    LOG.warn("{}: plan not readable", s.label(), e);
                    skipped.add(new IndexAdvice.Skipped(s.label(), "its plan could not be read: " + e.getMessage()));
                }
            }
        }

        private void generateCandidates() throws TargetException {
            Map<IndexCandidate, Boolean> covered = new HashMap<>();
            for (Costed c : costed) {
                for (TableUse use : c.uses) {
                    Optional<TableRef> table = catalog.table(use.schema, use.table);
                    if (table.isEmpty()) {
                        continue;
                    }
                    c.tables.put(use, table.get());
                    LOG.debug("{}: {}", c.statement.label(), use);
                    for (IndexCandidate cand : CandidateGenerator.generate(use, table.get(),
                            catalog.distinctValues(table.get()), options.maxKeyColumns())) {
                        if (options.excludes(cand) || bindings.boundConstant(c.statement, cand)) {
                            continue;
                        }
                        if (!covered.computeIfAbsent(cand, k -> isCovered(k))) {
                            relevant.putIfAbsent(cand, new LinkedHashSet<>());
                        }
                    }
                }
            }
            for (var e : relevant.entrySet()) {
                IndexCandidate cand = e.getKey();
                for (int q = 0; q < costed.size(); q++) {
                    for (var u : costed.get(q).tables.entrySet()) {
                        if (u.getValue().equals(cand.table()) && u.getKey().canLeadWith(cand.keys().getFirst())) {
                            e.getValue().add(q);
                        }
                    }
                }
            }
        }

        private boolean isCovered(IndexCandidate c) {
            try {
                return catalog.indexes(c.table()).stream().anyMatch(i -> i.covers(c));
            } catch (TargetException e) {
                return false;
            }
        }

        /**
         * @return candidates that alone cut some statement's cost by the threshold. Screening first: each statement
         *     is costed once with every candidate that may serve it (one what-if configuration); adding indexes only
         *     gives the planner more paths, so a statement that even then does not get below the threshold (with
         *     {@link #SCREEN_SLACK} for the planner's 1 % path fuzz) cannot be cut by one of them alone and is not
         *     costed candidate by candidate. A candidate is then costed on the statements that passed, until one
         *     qualifies it; its costs on the others are taken when the greedy search needs them (AutoAdmin's
         *     per-query candidate selection, Chaudhuri and Narasayya, VLDB 1997, in its cheapest form). The same
         *     bound one level down: a family of candidates (same table, leading key and predicate) costed together
         *     on a statement that passed; a family that does not get it below the threshold rules its members out
         *     for that statement
         */
        private List<IndexCandidate> singles() throws TargetException {
            Map<Integer, List<IndexCandidate>> byStatement = new LinkedHashMap<>();
            for (var e : relevant.entrySet()) {
                for (int q : e.getValue()) {
                    byStatement.computeIfAbsent(q, k -> new ArrayList<>()).add(e.getKey());
                }
            }
            Set<Integer> cuttable = new LinkedHashSet<>();
            // Screening with hypothetical and with rolled-back builds alike. Session 5 limited it to HypoPG when the
            // learning e2e's index trials fell from about 40 to 13 with it; that test data's visibility map was partly
            // empty until autovacuum set it at an unknown moment, possibly mid-advice. On settled test data
            // (SampleDatabases.settle) screening gives the same sets per statement on TPC-H SF 0.01/0.02/0.03
            // (63 statements, 5 % cut, single-column keys) and also with four tables' visibility maps emptied, and the
            // same set for the whole SF 0.01 workload at the defaults with 478 instead of 1,422 what-if EXPLAINs
            // (docs/learning.md, session 6)
            for (var e : byStatement.entrySet()) {
                int q = e.getKey();
                double all = screen(q, e.getValue());
                screenAll.put(q, all);
                if (Double.isNaN(all) || all <= costed.get(q).baseCost * keepRatio * SCREEN_SLACK) {
                    cuttable.add(q);
                }
                LOG.debug("screen {}: {} -> {} with all {} candidates", costed.get(q).statement.label(),
                        costed.get(q).baseCost, all, e.getValue().size());
            }
            // second level: per cuttable statement, each family of candidates (same table, leading key and
            // predicate: the same access path) costed together; a family that cannot cut it rules its members out
            Map<List<Object>, List<IndexCandidate>> families = new LinkedHashMap<>();
            for (IndexCandidate c : relevant.keySet()) {
                families.computeIfAbsent(List.of(c.table(), c.keys().getFirst(), c.predicate()),
                        k -> new ArrayList<>()).add(c);
            }
            Set<List<Object>> familyCuts = new LinkedHashSet<>();
            for (var f : families.entrySet()) {
                Set<Integer> qs = new LinkedHashSet<>();
                f.getValue().forEach(c -> qs.addAll(relevant.get(c)));
                for (int q : qs) {
                    if (!cuttable.contains(q)) {
                        continue;
                    }
                    List<IndexCandidate> members = f.getValue().stream().filter(c -> relevant.get(c).contains(q))
                            .toList();
                    double all = screen(q, members);
                    screenFamily.put(List.of(f.getKey(), q), all);
                    if (Double.isNaN(all) || all <= costed.get(q).baseCost * keepRatio * SCREEN_SLACK) {
                        familyCuts.add(List.of(f.getKey(), q));
                    }
                }
            }
            List<IndexCandidate> useful = new ArrayList<>();
            for (var e : relevant.entrySet()) {
                IndexCandidate c = e.getKey();
                List<Object> family = List.of(c.table(), c.keys().getFirst(), c.predicate());
                for (int q : e.getValue()) {
                    if (!cuttable.contains(q) || !familyCuts.contains(List.of(family, q))) {
                        continue;
                    }
                    double cost = cost(q, List.of(), c);
                    LOG.debug("single {} on {}: {} -> {}", c, costed.get(q).statement.label(), costed.get(q).baseCost,
                            cost);
                    if (cost <= costed.get(q).baseCost * keepRatio) {
                        useful.add(c);
                        break;
                    }
                }
            }
            return useful;
        }

        /**
         * @return statement q's cost with every index of {@code set} (each may serve q), or NaN when the what-if call
         *     failed — e.g. one definition the server refuses: then nothing is known and nothing is screened out
         *     (a failed single candidate keeps the base cost, as before)
         */
        private double screen(int q, List<IndexCandidate> set) throws TargetException {
            if (set.size() == 1) {
                return cost(q, List.of(), set.getFirst());
            }
            checkCancelled();
            String key = cacheKey(q, set);
            Double cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            try {
                double c = whatIf.cost(costed.get(q).statement.sql(), set);
                cache.put(key, c);
                return c;
            } catch (TargetException e) {
                if (e.reason() == TargetException.Reason.OTHER || e.reason() == TargetException.Reason.CANCELLED) {
                    throw e;
                }
                LOG.debug("screening {} with {} indexes failed: {}", costed.get(q).statement.label(), set.size(),
                        e.getMessage());
                return Double.NaN;
            }
        }

        /** One greedy step: the index added, its marginal benefit (Σ weight·ln ratio) and its size, bytes. */
        private record Step(IndexCandidate c, double benefit, long size) {
        }

        private List<Step> greedy(List<IndexCandidate> useful) throws TargetException {
            List<IndexCandidate> chosen = new ArrayList<>();
            List<Step> steps = new ArrayList<>();
            double[] current = costed.stream().mapToDouble(c -> c.baseCost).toArray();
            record Entry(IndexCandidate c, double bound) {
            }
            // ties (equal benefit per byte, e.g. two indexes whose size estimates round to the same pages): the
            // smaller, then the one with fewer columns, then by definition — the same set whatever the order costed
            PriorityQueue<Entry> queue = new PriorityQueue<>(Comparator.comparingDouble((Entry e) -> -e.bound())
                    .thenComparingLong(e -> sizes.getOrDefault(e.c(), Long.MAX_VALUE))
                    .thenComparingInt(e -> e.c().keys().size() + e.c().include().size())
                    .thenComparing(e -> e.c().definition()));
            // CELF's lazy start: every useful candidate enters with an upper bound of its benefit, not its exact
            // benefit; a candidate is costed on all its statements only when it reaches the top of the queue
            for (IndexCandidate c : useful) {
                queue.add(new Entry(c, benefitBound(c) / size(c)));
            }
            long used = 0;
            while (!queue.isEmpty()) {
                Entry top = queue.poll();
                long size = size(top.c());
                if (options.budgetBytes() > 0 && used + size > options.budgetBytes()) {
                    continue;
                }
                if (chosen.stream().anyMatch(s -> s.equals(top.c()))) {
                    continue;
                }
                Gain g = gain(top.c(), chosen, current);
                if (g.maxCutRatio > keepRatio) {
                    continue;
                }
                double perByte = g.benefit / size;
                if (!queue.isEmpty() && perByte < queue.peek().bound()) {
                    queue.add(new Entry(top.c(), perByte));
                    continue;
                }
                chosen.add(top.c());
                steps.add(new Step(top.c(), g.benefit, size));
                used += size;
                for (int q : relevant.get(top.c())) {
                    current[q] = Math.min(current[q], g.costs.getOrDefault(q, current[q]));
                }
                progress.accept(String.format(Locale.ROOT, "Chose %s (%d so far): benefit %.3f, %,d bytes, %.3g per MB",
                        top.c().definition(), chosen.size(), g.benefit, size, perByte * 1048576));
            }
            return steps;
        }

        /**
         * Local improvement of a chosen set (index merging, Chaudhuri and Narasayya, ICDE 1999; narrowing): moves
         * are (a) replace a chosen index by the merge of it with another candidate or chosen index of the same table
         * that leads with the same key column and has the same predicate (the longer key list, then the other's
         * remaining keys and INCLUDE columns as INCLUDE columns), and (b) drop a chosen index's INCLUDE list. A move is
         * taken when it raises the set's score, workload benefit − price · bytes, where benefit = Σ weight·ln(base
         * cost / cost) over the statements on that table and the price is the knee's benefit per byte (0 with a
         * budget: then a move must lose no benefit and save bytes, and stay within the budget). Best move first, until
         * none improves.
         */
        private List<IndexCandidate> improve(List<IndexCandidate> chosen, List<IndexCandidate> useful,
                                             double price) throws TargetException {
            List<IndexCandidate> set = new ArrayList<>(chosen);
            for (int round = 0; round < 2 * Math.max(1, set.size()); round++) {
                List<IndexCandidate> best = null;
                String bestWhy = null;
                double bestGain = 1e-6;
                long bestSaved = 0;
                for (IndexCandidate i : List.copyOf(set)) {
                    List<List<IndexCandidate>> moves = new ArrayList<>();
                    List<String> why = new ArrayList<>();
                    if (!i.include().isEmpty()) {
                        IndexCandidate narrow = new IndexCandidate(i.table(), i.keys(), List.of(), i.predicate());
                        if (!set.contains(narrow) && !options.excludes(narrow)) {
                            moves.add(replace(set, i, null, narrow));
                            why.add("Narrowed " + i.definition() + " to " + narrow.definition());
                        }
                    }
                    Set<IndexCandidate> partners = new LinkedHashSet<>(useful);
                    partners.addAll(set);
                    for (IndexCandidate c : partners) {
                        if (c.equals(i) || !c.table().equals(i.table()) || !c.predicate().equals(i.predicate())
                                || !c.keys().getFirst().equals(i.keys().getFirst())) {
                            continue;
                        }
                        IndexCandidate m = merge(i, c);
                        if (m.equals(i) || set.contains(m) && !m.equals(c) || options.excludes(m)) {
                            continue;
                        }
                        moves.add(replace(set, i, set.contains(c) ? c : null, m));
                        why.add("Merged " + i.definition() + (set.contains(c) ? " and " : " with candidate ")
                                + c.definition() + " into " + m.definition());
                    }
                    for (int k = 0; k < moves.size(); k++) {
                        List<IndexCandidate> next = moves.get(k);
                        long bytesBefore = bytes(set);
                        long bytesAfter = bytes(next);
                        if (options.budgetBytes() > 0 && bytesAfter > options.budgetBytes()) {
                            continue;
                        }
                        double db = benefit(next, i.table()) - benefit(set, i.table());
                        double gain = db - price * (bytesAfter - bytesBefore);
                        boolean better = price > 0 ? gain > bestGain
                                : db > -1e-6 && bytesAfter < bytesBefore && bytesBefore - bytesAfter > bestSaved;
                        if (better) {
                            best = next;
                            bestWhy = why.get(k) + String.format(Locale.ROOT, " (benefit %+.3f, %+,d bytes)", db,
                                    bytesAfter - bytesBefore);
                            bestGain = price > 0 ? gain : bestGain;
                            bestSaved = bytesBefore - bytesAfter;
                        }
                    }
                }
                if (best == null) {
                    break;
                }
                progress.accept(bestWhy);
                set = best;
            }
            return set;
        }

        private List<IndexCandidate> replace(List<IndexCandidate> set, IndexCandidate out1, IndexCandidate out2,
                                             IndexCandidate in) {
            List<IndexCandidate> next = new ArrayList<>(set);
            int at = next.indexOf(out1);
            next.set(at, in);
            if (out2 != null) {
                next.remove(out2);
            }
            if (!relevant.containsKey(in)) {
                Set<Integer> qs = new LinkedHashSet<>(relevant.get(out1));
                for (var e : relevant.entrySet()) {
                    if (e.getKey().table().equals(in.table())
                            && e.getKey().keys().getFirst().equals(in.keys().getFirst())) {
                        qs.addAll(e.getValue());
                    }
                }
                relevant.put(in, qs);
            }
            return next;
        }

        /** @return a's keys (or b's when longer and a's are a prefix of them), the rest of both as INCLUDE */
        private IndexCandidate merge(IndexCandidate a, IndexCandidate b) {
            List<String> keys = b.keys().size() > a.keys().size()
                    && b.keys().subList(0, a.keys().size()).equals(a.keys()) ? b.keys() : a.keys();
            Set<String> include = new LinkedHashSet<>();
            for (List<String> l : List.of(a.keys(), a.include(), b.keys(), b.include())) {
                include.addAll(l);
            }
            include.removeAll(keys);
            return new IndexCandidate(a.table(), keys, List.copyOf(include), a.predicate());
        }

        private long bytes(List<IndexCandidate> set) throws TargetException {
            long b = 0;
            for (IndexCandidate c : set) {
                b += size(c);
            }
            return b;
        }

        /** @return Σ weight·ln(base cost / cost with {@code set}) over the statements that read {@code table} */
        private double benefit(List<IndexCandidate> set, TableRef table) throws TargetException {
            double b = 0;
            for (int q = 0; q < costed.size(); q++) {
                if (costed.get(q).tables.containsValue(table)) {
                    b += costed.get(q).statement.weight() * Math.log(costed.get(q).baseCost / cost(q, set, null));
                }
            }
            return b;
        }

        /** Drops chosen indexes whose removal raises no statement's cost by the threshold. */
        private List<IndexCandidate> prune(List<IndexCandidate> chosen) throws TargetException {
            List<IndexCandidate> set = new ArrayList<>(chosen);
            for (int i = set.size() - 1; i >= 0; i--) {
                IndexCandidate c = set.get(i);
                List<IndexCandidate> without = new ArrayList<>(set);
                without.remove(i);
                boolean needed = false;
                for (int q : relevant.get(c)) {
                    double with = cost(q, set, null);
                    double wo = cost(q, without, null);
                    if (with <= wo * keepRatio) {
                        needed = true;
                        break;
                    }
                }
                if (!needed) {
                    progress.accept("Dropped " + c.definition() + ": the other chosen indexes do its work");
                    set.remove(i);
                }
            }
            return set;
        }

        private record Gain(double benefit, double maxCutRatio, Map<Integer, Double> costs) {
        }

        /**
         * @return an upper bound of candidate c's benefit alone, Σ weight·ln(base / cost with c) over its statements,
         *     without new EXPLAINs: its own cost where cached, else the statement's cost with c's whole family or
         *     with all its candidates (the screening's costs), divided by {@link #SCREEN_SLACK} — more indexes never
         *     cost a statement more, up to the planner's path fuzz. Useful candidates cut some statement by the
         *     threshold alone (singles), so each may enter the greedy queue
         */
        private double benefitBound(IndexCandidate c) {
            double bound = 0;
            List<Object> family = List.of(c.table(), c.keys().getFirst(), c.predicate());
            for (int q : relevant.get(c)) {
                Costed s = costed.get(q);
                Double low = cache.get(cacheKey(q, List.of(c)));
                if (low == null) {
                    Double f = screenFamily.get(List.of(family, q));
                    low = (f != null ? f : screenAll.getOrDefault(q, 0.0)) / SCREEN_SLACK;
                }
                if (Double.isNaN(low) || low <= 0) {
                    return Double.MAX_VALUE;
                }
                bound += s.statement.weight() * Math.max(0, Math.log(s.baseCost / low));
            }
            return bound;
        }

        private Gain gain(IndexCandidate c, List<IndexCandidate> chosen, double[] current) throws TargetException {
            double benefit = 0;
            double best = 1;
            Map<Integer, Double> costs = new HashMap<>();
            for (int q : relevant.get(c)) {
                double with = cost(q, chosen, c);
                costs.put(q, with);
                if (with < current[q]) {
                    benefit += costed.get(q).statement.weight() * Math.log(current[q] / with);
                }
                best = Math.min(best, with / current[q]);
            }
            return new Gain(benefit, best, costs);
        }

        /** @return statement q's cost with the indexes of {@code config} on its tables, plus {@code extra} */
        private double cost(int q, List<IndexCandidate> config, IndexCandidate extra) throws TargetException {
            checkCancelled();
            Costed s = costed.get(q);
            Set<IndexCandidate> set = new LinkedHashSet<>();
            for (IndexCandidate c : config) {
                if (servable(q, c)) {
                    set.add(c);
                }
            }
            if (extra != null && servable(q, extra)) {
                set.add(extra);
            }
            if (set.isEmpty()) {
                return s.baseCost;
            }
            String cacheKey = cacheKey(q, set);
            Double cached = cache.get(cacheKey);
            if (cached != null) {
                return cached;
            }
            double cost;
            try {
                cost = whatIf.cost(s.statement.sql(), set);
            } catch (TargetException e) {
                if (e.reason() == TargetException.Reason.OTHER || e.reason() == TargetException.Reason.CANCELLED) {
                    throw e;
                }
                LOG.debug("what-if failed for {} with {}: {}", s.statement.label(), set, e.getMessage());
                cost = s.baseCost;
            }
            cache.put(cacheKey, cost);
            return cost;
        }

        private static String cacheKey(int q, java.util.Collection<IndexCandidate> set) {
            return q + "\u0000" + String.join("\u0000", set.stream().map(IndexCandidate::definition).sorted()
                    .toList());
        }

        /**
         * @return true when index c may change statement q's plan: it is on a table q reads and leads with a column
         *     q filters, joins, ranges or sorts on (the relevance the candidates were costed by); other indexes are
         *     left out of q's what-if configuration, so configurations that differ only in them share one cached
         *     cost and one EXPLAIN
         */
        private boolean servable(int q, IndexCandidate c) {
            Set<Integer> qs = relevant.get(c);
            return qs != null ? qs.contains(q) : costed.get(q).tables.containsValue(c.table());
        }

        private long size(IndexCandidate c) throws TargetException {
            Long s = sizes.get(c);
            if (s == null) {
                Optional<Long> estimate = catalog.btreeSizeEstimate(c);
                s = Math.max(8192, estimate.isPresent() ? estimate.get() : whatIf.sizeBytes(c));
                sizes.put(c, s);
            }
            return s;
        }

        private IndexAdvice result(List<IndexCandidate> chosen, boolean hypo, long t0) throws TargetException {
            List<IndexAdvice.StatementCost> statements = new ArrayList<>();
            for (int q = 0; q < costed.size(); q++) {
                statements.add(new IndexAdvice.StatementCost(costed.get(q).statement.label(), costed.get(q).baseCost,
                        cost(q, chosen, null), bindings.parameters(costed.get(q).statement)));
            }
            List<IndexAdvice.ChosenIndex> chosenIndexes = new ArrayList<>();
            List<Recommendation> recommendations = new ArrayList<>();
            for (IndexCandidate c : chosen) {
                List<IndexCandidate> without = new ArrayList<>(chosen);
                without.remove(c);
                double before = 0;
                double after = 0;
                List<String> helps = new ArrayList<>();
                List<Evidence> evidence = new ArrayList<>();
                for (int q : relevant.get(c)) {
                    double wo = cost(q, without, null);
                    double with = cost(q, chosen, null);
                    if (with < wo * 0.999) {
                        Costed s = costed.get(q);
                        before += s.statement.weight() * wo;
                        after += s.statement.weight() * with;
                        helps.add(s.statement.label());
                        evidence.add(new Evidence(s.statement.label(), String.format(Locale.ROOT,
                                "estimated plan cost %,.0f without this index, %,.0f with it (%s %%)%s", wo, with,
                                fmt(-100 * (1 - with / wo)), bindings.note(s.statement))));
                    }
                }
                double percent = before > 0 ? 100 * (before - after) / before : 0;
                long size = size(c);
                chosenIndexes.add(new IndexAdvice.ChosenIndex(c, size, percent, helps));
                evidence.add(new Evidence("size", String.format(Locale.ROOT, "%,d bytes estimated (%s)", size,
                        catalog.btreeSizeEstimate(c).isPresent() ? "from pg_stats average widths and the row count"
                                : hypo ? "hypopg_relation_size" : "pg_relation_size of the index built and rolled back")));
                writeEvidence(c.table()).ifPresent(evidence::add);
                String target = helps.size() == 1
                        ? Fingerprint.of(costed.stream().filter(s -> s.statement.label().equals(helps.getFirst()))
                                .findFirst().orElseThrow().statement.sql())
                        : "workload";
                String method = whatIf.method() + ", summed over " + helps.size() + " statement(s): "
                        + String.format(Locale.ROOT, "%,.0f -> %,.0f", before, after);
                recommendations.add(new Recommendation(RecommendationKind.INDEX, "Index " + c.definition(), target,
                        "CREATE INDEX CONCURRENTLY " + c.name() + " ON " + c.definition() + ";",
                        "DROP INDEX CONCURRENTLY IF EXISTS " + schemaOf(c.table()) + c.name() + ";", evidence,
                        new EstimatedImprovement(Math.max(0, percent), hypo ? CONFIDENCE_HYPOTHETICAL
                                : CONFIDENCE_REAL_BUILD, method), ""));
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < chosenIndexes.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(i -> -recommendations.get(i).estimate().percent()));
            List<Recommendation> sortedRecs = new ArrayList<>(order.stream().map(recommendations::get).toList());
            List<IndexAdvice.ChosenIndex> sortedChosen = order.stream().map(chosenIndexes::get).toList();
            sortedRecs.addAll(new DropIndexAdvisor(catalog).advise(tablesOfWorkload(), usedIndexNames()));
            String lockNote = hypo ? "" : "Candidate indexes were built for real inside one transaction that was rolled "
                    + "back: each build held a SHARE lock on its table (writers waited) and each costed configuration "
                    + "an ACCESS EXCLUSIVE lock (readers waited) until the advice ended; nothing was kept.";
            return new IndexAdvice(sortedRecs, sortedChosen, statements, skipped, whatIf.method(), lockNote,
                    relevant.size(), whatIf.explainCalls(), (System.nanoTime() - t0) / 1e6);
        }

        private Optional<Evidence> writeEvidence(TableRef t) throws TargetException {
            return catalog.writes(t).map(w -> new Evidence("write overhead on " + t.sqlName(), String.format(
                    Locale.ROOT, "%,.0f rows/hour inserted or updated (not HOT) since the statistics were reset "
                            + "(pg_stat_user_tables, %,.1f h); each such write also writes this index",
                    w.indexWritesPerHour(), w.hoursTracked())));
        }

        private Set<TableRef> tablesOfWorkload() {
            Set<TableRef> all = new LinkedHashSet<>();
            costed.forEach(c -> all.addAll(c.tables.values()));
            return all;
        }

        private Set<String> usedIndexNames() {
            Set<String> names = new LinkedHashSet<>();
            costed.forEach(c -> names.addAll(c.indexesUsed));
            return names;
        }

        private void checkCancelled() {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("index advice cancelled");
            }
        }
    }

    private static String schemaOf(TableRef t) {
        return t.sqlName().substring(0, t.sqlName().length() - Catalog.quoteIdent(t.name()).length());
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
    }

    /** A statement with its plan's facts. */
    private static final class Costed {
        final WorkloadStatement statement;
        final double baseCost;
        final List<TableUse> uses;
        final Map<TableUse, TableRef> tables = new LinkedHashMap<>();
        final Set<String> indexesUsed = new LinkedHashSet<>();

        Costed(WorkloadStatement statement, double baseCost, List<TableUse> uses) {
            this.statement = statement;
            this.baseCost = baseCost;
            this.uses = uses;
        }
    }
}
