package org.planwright.advice.index;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.RolledBackTransaction;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * What-if costing without HypoPG: each candidate is built for real ({@code CREATE INDEX}) inside one read-write
 * transaction that is rolled back at {@link #close()}, once, when first needed; a configuration is costed in a
 * savepoint where the built indexes outside it are dropped ({@code DROP INDEX}), then the savepoint is rolled back.
 * Costs are those of real indexes with real sizes ({@code pg_relation_size}), but the builds take time and locks:
 * {@code CREATE INDEX} holds a SHARE lock on its table (writers wait) and the drops an ACCESS EXCLUSIVE lock
 * (readers wait too) until the transaction ends. Only with the DBA's consent on a shared server.
 */
final class RolledBackWhatIf implements WhatIf {

    private final RolledBackTransaction tx;
    private final Map<IndexCandidate, String> built = new LinkedHashMap<>();
    private final Map<IndexCandidate, Long> sizes = new LinkedHashMap<>();
    private int explains;
    private int counter;

    RolledBackWhatIf(TargetSession session) throws TargetException {
        this.tx = session.beginRolledBack();
    }

    @Override
    public double cost(String sql, Collection<IndexCandidate> config) throws TargetException {
        return WhatIf.costOfTextPlan(explain(GenericPlan.explainCost(sql), config, 1));
    }

    @Override
    public String plan(String sql, Collection<IndexCandidate> config) throws TargetException {
        return explain(GenericPlan.explain(sql), config, Integer.MAX_VALUE);
    }

    private String explain(String explainSql, Collection<IndexCandidate> config, int maxRows) throws TargetException {
        for (IndexCandidate c : config) {
            build(c);
        }
        Set<IndexCandidate> wanted = new HashSet<>(config);
        tx.execute("SAVEPOINT planwright_whatif", 1);
        try {
            for (var e : built.entrySet()) {
                if (!wanted.contains(e.getKey())) {
                    tx.execute("DROP INDEX " + e.getValue(), 1);
                }
            }
            explains++;
            QueryResult r = tx.execute(explainSql, maxRows);
            StringBuilder sb = new StringBuilder();
            for (Object[] row : r.rows()) {
                sb.append(row[0]);
            }
            return sb.toString();
        } finally {
            tx.execute("ROLLBACK TO SAVEPOINT planwright_whatif", 1);
        }
    }

    private void build(IndexCandidate c) throws TargetException {
        if (built.containsKey(c)) {
            return;
        }
        String name = "planwright_whatif_" + (++counter);
        String schema = c.table().sqlName().substring(0, c.table().sqlName().length()
                - Catalog.quoteIdent(c.table().name()).length());
        tx.execute("SAVEPOINT planwright_build", 1);
        try {
            tx.execute("CREATE INDEX " + name + " ON " + c.definition(), 1);
            tx.execute("RELEASE SAVEPOINT planwright_build", 1);
        } catch (TargetException e) {
            tx.execute("ROLLBACK TO SAVEPOINT planwright_build", 1);
            throw e;
        }
        String qualified = schema + name;
        built.put(c, qualified);
        QueryResult r = tx.execute("SELECT pg_relation_size(" + Catalog.literal(qualified) + "::regclass)", 1);
        sizes.put(c, ((Number) r.rows().getFirst()[0]).longValue());
    }

    @Override
    public long sizeBytes(IndexCandidate c) throws TargetException {
        build(c);
        return sizes.get(c);
    }

    @Override
    public String method() {
        return "indexes built inside a transaction that was rolled back, plain EXPLAIN total cost";
    }

    @Override
    public int explainCalls() {
        return explains;
    }

    @Override
    public void close() {
        tx.close();
    }
}
