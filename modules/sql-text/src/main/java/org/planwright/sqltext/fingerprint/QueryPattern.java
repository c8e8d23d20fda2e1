package org.planwright.sqltext.fingerprint;

import java.util.Objects;

/**
 * What the learning loop keys a statement by.
 *
 * @param fingerprint its normalised text ({@code pg_stat_statements}' sense) and that text's id
 * @param signature   its shape
 */
public record QueryPattern(QueryFingerprint fingerprint, PatternSignature signature) {

    public QueryPattern {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(signature, "signature");
    }
}
