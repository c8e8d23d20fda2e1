package org.planwright.app.compare;

import java.util.List;
import org.planwright.testsupport.IndexExperiment;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.testsupport.TpchQueries;

/**
 * Real TPC-H q4 plans (scale {@link PostgresFixture#TPCH_TEST_SCALE}): before, without any index on
 * lineitem(l_orderkey), and after {@code CREATE INDEX idx_l_orderkey}, captured in a rolled-back transaction.
 */
final class TpchPlans {

    private static IndexExperiment.Plans q4;

    private TpchPlans() {
    }

    static synchronized IndexExperiment.Plans q4(PostgresFixture pg) {
        if (q4 == null) {
            String url = pg.tpch();
            q4 = IndexExperiment.capture(pg, url.substring(url.lastIndexOf('/') + 1), TpchQueries.query(4).query(),
                    List.of("drop index idx_lineitem_orderkey", "alter table lineitem drop constraint lineitem_pkey"),
                    List.of("create index idx_l_orderkey on lineitem (l_orderkey)"));
        }
        return q4;
    }

    static PlanSource before(PostgresFixture pg) {
        return new PlanSource("q4 before CREATE INDEX", q4(pg).before(), TpchQueries.query(4).query());
    }

    static PlanSource after(PostgresFixture pg) {
        return new PlanSource("q4 after CREATE INDEX", q4(pg).after(), TpchQueries.query(4).query());
    }
}
