package org.planwright.advice.index;

import java.util.Collection;
import org.planwright.targetdb.TargetException;

/**
 * Costs a query as if a set of candidate indexes existed: the planner's estimated total cost of the plan (plain
 * EXPLAIN, nothing runs). Two ways: {@link HypoPgWhatIf} (hypothetical indexes, no lock, nothing written) and
 * {@link RolledBackWhatIf} (real indexes built inside a transaction that is rolled back; takes locks). Used by
 * one thread; close it to drop the hypothetical indexes or roll the transaction back.
 */
interface WhatIf extends AutoCloseable {

    /**
     * @param sql    one explainable statement
     * @param config the candidate indexes that exist for this EXPLAIN (others do not)
     * @return the plan's estimated total cost (the root node's {@code Total Cost}, PostgreSQL cost units)
     * @throws TargetException when EXPLAIN or the index set-up fails
     */
    double cost(String sql, Collection<IndexCandidate> config) throws TargetException;

    /**
     * @param sql one explainable statement
     * @param config the candidate indexes that exist
     * @return the plan as EXPLAIN (VERBOSE, FORMAT JSON) text
     * @throws TargetException when EXPLAIN fails
     */
    String plan(String sql, Collection<IndexCandidate> config) throws TargetException;

    /**
     * @param c a candidate
     * @return its estimated size in bytes (HypoPG's estimate, or the built index's {@code pg_relation_size})
     * @throws TargetException when the estimate fails
     */
    long sizeBytes(IndexCandidate c) throws TargetException;

    /** @return how indexes are simulated, for the recommendation's method text */
    String method();

    /** @return EXPLAIN calls made so far */
    int explainCalls();

    @Override
    void close();

    /** @return the root's "Total Cost" of an EXPLAIN (FORMAT JSON) text: the first one in it */
    static double totalCost(String json) {
        int at = json.indexOf("\"Total Cost\":");
        if (at < 0) {
            throw new IllegalStateException("no Total Cost in the plan");
        }
        int from = at + "\"Total Cost\":".length();
        int to = from;
        while (to < json.length() && ",}\n".indexOf(json.charAt(to)) < 0) {
            to++;
        }
        return Double.parseDouble(json.substring(from, to).strip());
    }

    /**
     * @param firstLine the first line of a text-format EXPLAIN, e.g. {@code Limit  (cost=0.42..12.5 rows=10 width=8)}
     * @return the root's total cost (the number after {@code ..})
     * @throws IllegalStateException when the line has no cost
     */
    static double costOfTextPlan(String firstLine) {
        int at = firstLine.indexOf("(cost=");
        int dots = at < 0 ? -1 : firstLine.indexOf("..", at);
        int end = dots < 0 ? -1 : firstLine.indexOf(' ', dots);
        if (end < 0) {
            throw new IllegalStateException("no cost in the plan's first line: " + firstLine);
        }
        return Double.parseDouble(firstLine.substring(dots + 2, end));
    }
}
