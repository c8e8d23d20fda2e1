package org.planwright.advice.index;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * What-if costing with HypoPG (github.com/HypoPG/hypopg): {@code hypopg_create_index(ddl)} adds a hypothetical
 * index to this backend's memory only, plain EXPLAIN plans with it, {@code hypopg_drop_index(oid)} removes it.
 * No lock, nothing written, works in a read-only session; a disconnect forgets everything. Sizes come from
 * {@code hypopg_relation_size(oid)} (an estimate from the table's statistics). Hypothetical indexes are kept
 * between calls and created or dropped as the configuration changes, so consecutive calls on similar sets are
 * cheap.
 */
final class HypoPgWhatIf implements WhatIf {

    private final TargetSession session;
    private final Map<IndexCandidate, Long> created = new HashMap<>();
    private final Map<IndexCandidate, Long> sizes = new HashMap<>();
    private int explains;

    HypoPgWhatIf(TargetSession session) {
        this.session = session;
    }

    /** @return true when the connected database has the hypopg extension installed ({@code CREATE EXTENSION hypopg}) */
    static boolean available(TargetSession session) throws TargetException {
        QueryResult r = session.execute("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hypopg')", 1);
        return Boolean.TRUE.equals(r.rows().getFirst()[0]);
    }

    @Override
    public double cost(String sql, Collection<IndexCandidate> config) throws TargetException {
        configure(config);
        explains++;
        QueryResult r = session.execute(GenericPlan.explainCost(sql), 1);
        return WhatIf.costOfTextPlan(String.valueOf(r.rows().getFirst()[0]));
    }

    @Override
    public String plan(String sql, Collection<IndexCandidate> config) throws TargetException {
        configure(config);
        explains++;
        QueryResult r = session.execute(GenericPlan.explain(sql), Integer.MAX_VALUE);
        StringBuilder sb = new StringBuilder();
        for (Object[] row : r.rows()) {
            sb.append(row[0]);
        }
        return sb.toString();
    }

    private void configure(Collection<IndexCandidate> config) throws TargetException {
        Set<IndexCandidate> wanted = new HashSet<>(config);
        for (var it = created.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!wanted.contains(e.getKey())) {
                session.execute("SELECT hypopg_drop_index(" + e.getValue() + ")", 1);
                it.remove();
            }
        }
        for (IndexCandidate c : wanted) {
            if (!created.containsKey(c)) {
                created.put(c, create(c));
            }
        }
    }

    private long create(IndexCandidate c) throws TargetException {
        QueryResult r = session.execute("SELECT indexrelid FROM hypopg_create_index("
                + Catalog.literal(c.createUnnamed()) + ")", 1);
        return ((Number) r.rows().getFirst()[0]).longValue();
    }

    @Override
    public long sizeBytes(IndexCandidate c) throws TargetException {
        Long s = sizes.get(c);
        if (s == null) {
            Long oid = created.get(c);
            boolean temporary = oid == null;
            if (temporary) {
                oid = create(c);
            }
            QueryResult r = session.execute("SELECT hypopg_relation_size(" + oid + ")", 1);
            s = ((Number) r.rows().getFirst()[0]).longValue();
            if (temporary) {
                session.execute("SELECT hypopg_drop_index(" + oid + ")", 1);
            }
            sizes.put(c, s);
        }
        return s;
    }

    @Override
    public String method() {
        return "HypoPG hypothetical indexes, plain EXPLAIN total cost";
    }

    @Override
    public int explainCalls() {
        return explains;
    }

    @Override
    public void close() {
        try {
            session.execute("SELECT hypopg_reset()", 1);
        } catch (TargetException e) {
            // the backend forgets hypothetical indexes when it disconnects anyway
        }
        created.clear();
    }
}
