package org.planwright.store;

import java.util.Objects;
import java.util.UUID;

/**
 * One device's counters for one recommendation kind on one pattern. Totals are sums over devices
 * ({@link PatternCounters#totals}).
 *
 * @param workspaceId        the workspace
 * @param patternSignature   the pattern signature text
 * @param recommendationKind the recommendation kind by name
 * @param deviceId           the device (installation) that counted them
 * @param attempts           trials of this kind on this pattern, >= 0
 * @param successes          of which successful (actual improvement at or above the learning loop's threshold)
 */
public record PatternCounter(UUID workspaceId, String patternSignature, String recommendationKind, UUID deviceId,
                             long attempts, long successes) {

    public PatternCounter {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(patternSignature, "patternSignature");
        Objects.requireNonNull(recommendationKind, "recommendationKind");
        Objects.requireNonNull(deviceId, "deviceId");
        if (attempts < 0 || successes < 0 || successes > attempts) {
            throw new IllegalArgumentException("need 0 <= successes <= attempts, got " + successes + "/" + attempts);
        }
    }
}
