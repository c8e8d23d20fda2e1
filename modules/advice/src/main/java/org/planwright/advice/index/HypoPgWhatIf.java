package org.planwright.advice.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
    /** definitions HypoPG refused, with its error: a configuration holding one fails the same way without a call */
    private final Map<IndexCandidate, TargetException> invalid = new HashMap<>();
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

    /**
     * Drops the hypothetical indexes not in {@code config} and creates the missing ones — each in one statement (one
     * round trip for all the drops, one for all the creates), the way a configuration changes between what-if calls.
     */
    private void configure(Collection<IndexCandidate> config) throws TargetException {
        for (IndexCandidate c : config) {
            TargetException e = invalid.get(c);
            if (e != null) {
                throw e;
            }
        }
        Set<IndexCandidate> wanted = new HashSet<>(config);
        List<Long> drop = new ArrayList<>();
        for (var it = created.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!wanted.contains(e.getKey())) {
                drop.add(e.getValue());
                it.remove();
            }
        }
        if (drop.size() == 1) {
            session.execute("SELECT hypopg_drop_index(" + drop.getFirst() + ")", 1);
        } else if (!drop.isEmpty()) {
            session.execute("SELECT count(hypopg_drop_index(o)) FROM unnest('{" + String.join(",",
                    drop.stream().map(String::valueOf).toList()) + "}'::oid[]) o", 1);
        }
        List<IndexCandidate> missing = new ArrayList<>();
        for (IndexCandidate c : config) {
            if (!created.containsKey(c) && !missing.contains(c)) {
                missing.add(c);
            }
        }
        if (missing.size() == 1) {
            created.put(missing.getFirst(), createOrRemember(missing.getFirst()));
        } else if (!missing.isEmpty()) {
            StringBuilder sql = new StringBuilder("SELECT h.indexrelid FROM unnest(ARRAY[");
            for (int i = 0; i < missing.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(Catalog.literal(missing.get(i).createUnnamed()));
            }
            sql.append("]::text[]) WITH ORDINALITY AS t(ddl, n), LATERAL hypopg_create_index(t.ddl) h ORDER BY t.n");
            QueryResult r;
            try {
                r = session.execute(sql.toString(), Integer.MAX_VALUE);
            } catch (TargetException e) {
                if (e.reason() == TargetException.Reason.OTHER || e.reason() == TargetException.Reason.CANCELLED) {
                    throw e;
                }
                // one definition HypoPG refuses (e.g. an expression it cannot index) stops the statement after the
                // ones before it were created — they live on in the backend: drop what is not ours, then go one by
                // one so the refused index is known and the others are kept
                QueryResult all = session.execute("SELECT indexrelid FROM hypopg()", Integer.MAX_VALUE);
                Set<Long> ours = new HashSet<>(created.values());
                for (Object[] row : all.rows()) {
                    long oid = ((Number) row[0]).longValue();
                    if (!ours.contains(oid)) {
                        session.execute("SELECT hypopg_drop_index(" + oid + ")", 1);
                    }
                }
                for (IndexCandidate c : missing) {
                    created.put(c, createOrRemember(c));
                }
                return;
            }
            if (r.rows().size() != missing.size()) {
                throw new IllegalStateException("hypopg_create_index returned " + r.rows().size() + " rows for "
                        + missing.size() + " indexes");
            }
            for (int i = 0; i < missing.size(); i++) {
                created.put(missing.get(i), ((Number) r.rows().get(i)[0]).longValue());
            }
        }
    }

    /** @return the new hypothetical index's oid; a definition HypoPG refuses is remembered and refused again */
    private long createOrRemember(IndexCandidate c) throws TargetException {
        try {
            return create(c);
        } catch (TargetException e) {
            if (e.reason() != TargetException.Reason.OTHER && e.reason() != TargetException.Reason.CANCELLED) {
                invalid.put(c, e);
            }
            throw e;
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
