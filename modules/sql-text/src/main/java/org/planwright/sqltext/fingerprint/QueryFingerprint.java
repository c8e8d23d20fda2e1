package org.planwright.sqltext.fingerprint;

import java.util.Objects;

/**
 * A statement's fingerprint: what {@code pg_stat_statements} calls its normalised query text, with every constant
 * replaced by {@code $n}, and a 64-bit hash of that text as a compact id.
 *
 * @param normalizedSql the normalised text (grammar in {@code docs/query-fingerprints.md}); never null
 * @param id            16 lower-case hex digits: FNV-1a 64 of {@code normalizedSql}'s UTF-16 chars; equal texts
 *                      have equal ids on every machine and every run
 * @param constants     how many constants (and positional parameters) became {@code $n}
 */
public record QueryFingerprint(String normalizedSql, String id, int constants) {

    public QueryFingerprint {
        Objects.requireNonNull(normalizedSql, "normalizedSql");
        Objects.requireNonNull(id, "id");
    }

    /** FNV-1a 64 (Fowler/Noll/Vo, IETF draft-eastlake-fnv) over the chars of {@code text}, as 16 hex digits. */
    static String hash(CharSequence text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            h ^= c & 0xff;
            h *= 0x100000001b3L;
            h ^= c >>> 8;
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
