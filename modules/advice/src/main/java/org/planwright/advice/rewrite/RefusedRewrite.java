package org.planwright.advice.rewrite;

/**
 * A rewrite that is not offered, and why (other rows, an error, slower, not verifiable in time). Kept for logs and
 * tests; never shown as advice.
 *
 * @param proposal the rule's proposal
 * @param reason   one line, e.g. "different rows: 599 vs 600 rows"
 */
public record RefusedRewrite(RewriteProposal proposal, String reason) {
}
