package org.planwright.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One client engagement. Every other record in the store belongs to exactly one workspace, and every read names
 * the workspace, so that one client's queries, plans and connections never show up in another's.
 *
 * @param id        stable key (UUID)
 * @param name      what the user calls it, unique in the store, 1 to 200 characters
 * @param createdAt when it was created (UTC, microseconds)
 * @param updatedAt when it was last renamed, or {@code createdAt}
 */
public record Workspace(UUID id, String name, Instant createdAt, Instant updatedAt) {

    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
