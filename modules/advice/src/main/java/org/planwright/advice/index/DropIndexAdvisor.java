package org.planwright.advice.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.Evidence;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.targetdb.TargetException;

/**
 * {@code drop-index} advice for the workload's tables, from the catalog: an index is a <em>duplicate</em> when
 * another b-tree index on the same table starts with the same key columns in the same order and has the same
 * predicate (the longer one serves every lookup the shorter one does); it is <em>unused</em> when
 * {@code pg_stat_user_indexes.idx_scan} is 0 since the statistics were last reset. Indexes that back a constraint
 * (primary key, unique, exclusion) or are unique are never proposed, nor are indexes the workload's own plans use.
 * The estimated improvement of a drop is 0 % for the workload's reads: it saves the index's writes and bytes.
 */
final class DropIndexAdvisor {

    /** Confidence of an "unused" verdict: idx_scan counts only since the last statistics reset and on this server. */
    static final double CONFIDENCE_UNUSED = 0.4;
    /** Confidence of a "duplicate" verdict: follows from the definitions alone. */
    static final double CONFIDENCE_DUPLICATE = 0.8;

    private final Catalog catalog;

    DropIndexAdvisor(Catalog catalog) {
        this.catalog = catalog;
    }

    List<Recommendation> advise(Set<TableRef> tables, Set<String> usedByWorkload) throws TargetException {
        List<Recommendation> out = new ArrayList<>();
        for (TableRef t : tables) {
            List<ExistingIndex> indexes = catalog.indexes(t);
            for (ExistingIndex i : indexes) {
                if (i.unique() || i.constraint() || usedByWorkload.contains(bareName(i.sqlName()))) {
                    continue;
                }
                ExistingIndex longer = indexes.stream().filter(o -> o != i && o.method().equals(i.method())
                        && i.method().equals("btree") && o.predicate().equals(i.predicate())
                        && o.keys().size() >= i.keys().size() && o.keys().subList(0, i.keys().size()).equals(i.keys())
                        && (o.keys().size() > i.keys().size() || o.sqlName().compareTo(i.sqlName()) < 0))
                        .findFirst().orElse(null);
                if (longer != null) {
                    out.add(drop(i, "duplicate", List.of(new Evidence(i.sqlName(), i.definition()),
                            new Evidence("covered by " + longer.sqlName(), longer.definition())),
                            CONFIDENCE_DUPLICATE));
                } else if (i.scans() == 0) {
                    out.add(drop(i, "unused", List.of(new Evidence(i.sqlName(), "0 index scans since the statistics "
                            + "were last reset (pg_stat_user_indexes.idx_scan); no statement of this workload uses it"),
                            new Evidence("definition", i.definition())), CONFIDENCE_UNUSED));
                }
            }
        }
        return out;
    }

    private static Recommendation drop(ExistingIndex i, String why, List<Evidence> evidence, double confidence) {
        List<Evidence> all = new ArrayList<>(evidence);
        all.add(new Evidence("size", String.format(Locale.ROOT, "%,d bytes (pg_relation_size)", i.sizeBytes())));
        return new Recommendation(RecommendationKind.DROP_INDEX, "Drop " + why + " index " + i.sqlName(),
                "workload", "DROP INDEX CONCURRENTLY IF EXISTS " + i.sqlName() + ";", i.definition() + ";", all,
                new EstimatedImprovement(0, confidence, "no read of this workload uses it; dropping saves "
                        + String.format(Locale.ROOT, "%,d", i.sizeBytes()) + " bytes and its writes"), "");
    }

    private static String bareName(String qualified) {
        int dot = qualified.lastIndexOf('.');
        String n = dot < 0 ? qualified : qualified.substring(dot + 1);
        return n.startsWith("\"") ? n.substring(1, n.length() - 1) : n;
    }
}
