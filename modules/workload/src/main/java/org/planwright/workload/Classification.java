package org.planwright.workload;

import java.util.List;

/**
 * A workload's class with the evidence behind it.
 *
 * @param workloadClass  OLTP, OLAP, mixed or unknown
 * @param confidence     how sure, a fraction in [0, 1]
 * @param analyticShare  share of execution time spent in analytic statements, fraction
 * @param shortShare     share of execution time spent in short transactional statements, fraction
 * @param reasons        the rule's findings in words, with numbers
 */
public record Classification(WorkloadClass workloadClass, double confidence, double analyticShare,
                             double shortShare, List<String> reasons) {
    public Classification {
        reasons = List.copyOf(reasons);
    }
}
