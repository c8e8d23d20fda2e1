package org.planwright.advice.rewrite;

import java.util.List;
import java.util.Objects;
import org.planwright.advice.Evidence;

/**
 * A rewrite a rule proposes, not yet verified.
 *
 * @param rule         the rule's name, e.g. {@code not-in-to-not-exists}
 * @param title        one line for the DBA
 * @param rewrittenSql the rewritten query, complete
 * @param evidence     what in the query (and plan) made the rule fire
 */
public record RewriteProposal(String rule, String title, String rewrittenSql, List<Evidence> evidence) {
    public RewriteProposal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rewrittenSql, "rewrittenSql");
        evidence = List.copyOf(evidence);
    }
}
