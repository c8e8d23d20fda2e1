package org.planwright.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.planwright.advice.Recommendation;
import org.planwright.advice.index.IndexAdvice;
import org.planwright.advice.parameters.BoundParameter;
import org.planwright.cli.report.ConnectionInfo;

/**
 * The {@code planwright advise} report, the shape of its JSON (docs/cli-json-output.md, "advise"). Every field is
 * always present; null when it does not apply.
 *
 * @param formatVersion     1
 * @param planwrightVersion the CLI's version
 * @param connection        where it ran
 * @param method            how indexes were simulated
 * @param lockNote          what a rolled-back build locked, or null (HypoPG takes no lock)
 * @param trial             null, or why trials did not run ({@code --trial} in this build)
 * @param workload          totals
 * @param statements        each costed statement's estimated plan cost before and after the recommended indexes
 * @param skipped           statements not costed, with the reason
 * @param recommendations   index recommendations (most estimated benefit first), then drop-index ones
 * @param workloadTrial     with {@code --trial} on a workload of several statements: the set measured together, or
 *                          null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AdviseReport(int formatVersion, String planwrightVersion, ConnectionInfo connection, String method,
                    String lockNote, String trial, Workload workload, List<StatementCost> statements,
                    List<Skipped> skipped, List<Item> recommendations, WorkloadTrialSummary workloadTrial) {

    /** @return this report with other items (the same items with their trials) */
    AdviseReport withRecommendations(List<Item> items) {
        return new AdviseReport(formatVersion, planwrightVersion, connection, method, lockNote, trial, workload,
                statements, skipped, items, workloadTrial);
    }

    /** @return this report with the kept items and the workload trial's totals */
    AdviseReport withWorkloadTrial(List<Item> items, WorkloadTrialSummary summary) {
        return new AdviseReport(formatVersion, planwrightVersion, connection, method, lockNote, trial, workload,
                statements, skipped, items, summary);
    }

    /**
     * The workload measured without and with the recommended set (org.planwright.advice.index.WorkloadTrial).
     *
     * @param beforeMs      Σ best "before" execution times, ms (capped statements count as the statement timeout)
     * @param afterMs       Σ best "after" times with the kept set, ms
     * @param geomeanRatio  geometric mean over the statements of after / before
     * @param buildMillis   time the CREATE INDEX statements took, ms
     * @param elapsedMillis wall time of the trial, ms
     * @param statements    each statement's times
     * @param rejected      the indexes dropped from the advice, with why
     */
    record WorkloadTrialSummary(double beforeMs, double afterMs, double geomeanRatio, long buildMillis,
                                long elapsedMillis, List<TrialStatement> statements, List<Rejected> rejected) {
    }

    /**
     * @param label        the statement
     * @param beforeMs     best execution time without the set, ms; null when it failed
     * @param afterMs      best with the kept set, ms; null when it failed
     * @param beforeCapped every run before hit the statement timeout
     * @param afterCapped  every run after did
     * @param indexesUsed  names of the kept indexes its plan used
     * @param change       {@code faster}, {@code slower}, {@code same} (within noise), {@code unaffected} (its plan
     *                     used none of the kept indexes: any difference is noise), {@code failed: message}, or
     *                     {@code not timed: reason} when its {@code $n} parameters could not be given values
     * @param boundParameters the representative values its {@code $n} parameters were timed with; null when it has
     *                     none
     */
    record TrialStatement(String label, Double beforeMs, Double afterMs, boolean beforeCapped, boolean afterCapped,
                          List<String> indexesUsed, String change, List<BoundValue> boundParameters) {
    }

    /**
     * A representative value given to a {@code $n} parameter (org.planwright.advice.parameters.ParameterBinder).
     *
     * @param number   n of {@code $n}
     * @param literal  the SQL text put in its place
     * @param value    the value as text ({@code NULL} for a null)
     * @param type     the SQL type of the column it is compared with ({@code bigint} for LIMIT/OFFSET), or null
     * @param source   {@code most-common-values}, {@code histogram}, {@code sample}, {@code default} or
     *                 {@code output}
     * @param evidence what it is compared with and the statistics behind the choice
     */
    record BoundValue(int number, String literal, String value, String type, String source, String evidence) {
        static List<BoundValue> of(List<BoundParameter> parameters) {
            return parameters.isEmpty() ? null : parameters.stream().map(p -> new BoundValue(p.number(), p.literal(),
                    p.value(), p.type(), p.source(), p.evidence())).toList();
        }
    }

    /**
     * @param statement       a statement the recommendation helps
     * @param boundParameters the representative values its {@code $n} parameters were costed with
     */
    record CostedWith(String statement, List<BoundValue> boundParameters) {
    }

    /** @param title the index @param sql its CREATE INDEX @param reason why the trial dropped it, with numbers */
    record Rejected(String title, String sql, String reason) {
    }

    /**
     * What the workload trial measured for one kept index.
     *
     * @param measuredImprovementPercent 100 · (before − after) / before over the statements whose plan used it; null
     *                                   when none did
     * @param beforeMs                   Σ their best "before" times, ms
     * @param afterMs                    Σ their best "after" times, ms
     * @param helped                     statements among them that got faster beyond noise
     * @param hurt                       statements it made slower beyond noise: empty for a kept index since ADR 0024
     * @param warning                    null since ADR 0024 (an index that slows a statement is never kept)
     * @param statements                 the statements whose plan used it, with their times
     */
    record IndexTrial(Double measuredImprovementPercent, double beforeMs, double afterMs, List<String> helped,
                      List<String> hurt, String warning, List<TrialStatement> statements) {
    }


    /**
     * @param statements         statements given (explainable ones)
     * @param costed             statements costed
     * @param candidates         candidate indexes considered
     * @param explainCalls       what-if EXPLAIN calls
     * @param adviceMillis       time the advice took, ms (with a workload trial: the winning round's advice)
     * @param indexBytes         estimated bytes of the recommended indexes together
     * @param geomeanCostRatio   geometric mean over costed statements of cost after / cost before
     */
    record Workload(int statements, int costed, int candidates, int explainCalls, long adviceMillis,
                    long indexBytes, double geomeanCostRatio) {
    }

    /**
     * @param label           file (and #n)
     * @param costBefore      plan cost now
     * @param costAfter       with the recommended indexes
     * @param boundParameters the representative values its {@code $n} parameters were costed with (PostgreSQL
     *                        before 16); null when it was planned as given
     */
    record StatementCost(String label, double costBefore, double costAfter, List<BoundValue> boundParameters) {
    }

    /** @param label file (and #n) @param reason one line */
    record Skipped(String label, String reason) {
    }

    /**
     * One recommendation.
     *
     * @param kind                        {@code index}, {@code drop-index}, ...
     * @param title                       one line
     * @param target                      the statement's fingerprint, or {@code workload}
     * @param sql                         the statement that applies it
     * @param undoSql                     the statement that undoes it
     * @param estimatedImprovementPercent estimated cut of the summed plan cost of the statements it helps, percent
     * @param confidence                  fraction in [0, 1]
     * @param method                      how it was estimated, with the numbers
     * @param indexSizeBytes              estimated size of the index to create or drop, bytes; null for others
     * @param helps                       labels of the statements it helps (index); empty otherwise
     * @param evidence                    facts behind it
     * @param trial                       with {@code --trial} on one statement: what the trial measured, or why it
     *                                    did not run; null otherwise
     * @param workloadTrial               with {@code --trial} on a workload: what the workload trial measured for this
     *                                    index; null otherwise
     * @param costedWith                  the statements it helps whose {@code $n} parameters were costed with
     *                                    representative values (PostgreSQL before 16), with those values; null when
     *                                    none was
     */
    record Item(String kind, String title, String target, String sql, String undoSql,
                double estimatedImprovementPercent, double confidence, String method, Long indexSizeBytes,
                List<String> helps, List<Fact> evidence, Trial trial, IndexTrial workloadTrial,
                List<CostedWith> costedWith) {

        Item withTrial(Trial t) {
            return new Item(kind, title, target, sql, undoSql, estimatedImprovementPercent, confidence, method,
                    indexSizeBytes, helps, evidence, t, workloadTrial, costedWith);
        }

        Item withWorkloadTrial(IndexTrial t) {
            return new Item(kind, title, target, sql, undoSql, estimatedImprovementPercent, confidence, method,
                    indexSizeBytes, helps, evidence, trial, t, costedWith);
        }

        Item withCostedWith(List<CostedWith> c) {
            return new Item(kind, title, target, sql, undoSql, estimatedImprovementPercent, confidence, method,
                    indexSizeBytes, helps, evidence, trial, workloadTrial, c.isEmpty() ? null : c);
        }
    }

    /**
     * One recommendation tried on one statement (org.planwright.advice.trial.TrialRunner, rolled back).
     *
     * @param statement                the statement it was tried on (label)
     * @param mode                     {@code rolled-back}
     * @param actualImprovementPercent cut of the median execution time, percent (negative: slower); null when not run
     * @param beforeMedianMs           median execution time before, ms
     * @param afterMedianMs            median execution time after, ms
     * @param runs                     timed runs per side (after one warm-up each)
     * @param pValue                   Mann-Whitney U two-sided p-value of before vs after
     * @param significant              {@code pValue < 0.05}
     * @param skipped                  why it did not run, or null
     * @param boundParameters          the representative values the statement's {@code $n} parameters were timed
     *                                 with; null when it has none
     */
    record Trial(String statement, String mode, Double actualImprovementPercent, Double beforeMedianMs,
                 Double afterMedianMs, Integer runs, Double pValue, Boolean significant, String skipped,
                 List<BoundValue> boundParameters) {
        static Trial skipped(String statement, String why) {
            return new Trial(statement, null, null, null, null, null, null, null, why, null);
        }
    }

    /** @param label what the fact is about @param detail the observation with its numbers */
    record Fact(String label, String detail) {
    }

    static Item item(Recommendation r, IndexAdvice.ChosenIndex chosen) {
        return new Item(r.kind().jsonName(), r.title(), r.target(), r.sql(), r.undoSql(),
                Math.round(r.estimate().percent() * 10) / 10.0, r.estimate().confidence(), r.estimate().method(),
                chosen == null ? null : chosen.sizeBytes(), chosen == null ? List.of() : chosen.helps(),
                r.evidence().stream().map(e -> new Fact(e.label(), e.detail())).toList(), null, null, null);
    }
}
