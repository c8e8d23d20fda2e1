package org.planwright.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.PatternCounter;
import org.planwright.store.SavedQuery;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * Three devices make random edits (new saved queries, edits, deletes, counter increments), sync at random and are
 * closed and reopened at random; an in-memory reference model records what was written. After a final round on
 * every device: every query ever made is on every device (nothing lost), none twice, every device holds the same
 * value for each, a query only one device edited holds that device's last value, and counters equal each device's
 * own count.
 */
@ExtendWith(PostgresExtension.class)
class SyncRandomizedTest {

    @TempDir
    Path root;

    private static final int DEVICES = 3;
    private static final int STEPS = 120;

    @Test
    void randomEditsSyncsAndRestartsOnThreeDevicesMatchTheReferenceModel(PostgresFixture pg) throws Exception {
        TeamFixture team = new TeamFixture(pg);
        String role = team.role("random");
        team.admin.grant("acme", role);
        SyncClient client = new SyncClient(team.as(role), role, 7, 9);
        Random random = new Random(20261203);

        Path[] homes = new Path[DEVICES];
        WorkbenchStore[] stores = new WorkbenchStore[DEVICES];
        for (int d = 0; d < DEVICES; d++) {
            homes[d] = Files.createDirectories(root.resolve("device" + d));
            stores[d] = WorkbenchStore.open(homes[d]);
            stores[d].workspaces().create("acme");
        }
        // the reference model
        Set<UUID> created = new HashSet<>();
        Map<UUID, Set<Integer>> editors = new HashMap<>();
        Map<UUID, String> lastValueByOnlyEditor = new HashMap<>();
        long[] counters = new long[DEVICES];
        List<UUID> known = new ArrayList<>();
        try {
            for (int step = 0; step < STEPS; step++) {
                int d = random.nextInt(DEVICES);
                WorkbenchStore s = stores[d];
                Workspace w = s.workspaces().ensure("acme");
                int action = random.nextInt(10);
                if (action < 3 || known.isEmpty()) {
                    SavedQuery q = s.savedQueries().save(SavedQuery.create(w.id(), "q" + step, "SELECT " + step));
                    created.add(q.id());
                    known.add(q.id());
                    editors.computeIfAbsent(q.id(), k -> new HashSet<>()).add(d);
                    lastValueByOnlyEditor.put(q.id(), "SELECT " + step);
                } else if (action < 6) {
                    UUID id = known.get(random.nextInt(known.size()));
                    // edit only what this device has already received (as a user would)
                    if (s.savedQueries().find(w.id(), id).isPresent()) {
                        String sql = "SELECT " + step + " -- device " + d;
                        s.savedQueries().save(new SavedQuery(id, w.id(), "q", sql, null, null));
                        editors.computeIfAbsent(id, k -> new HashSet<>()).add(d);
                        lastValueByOnlyEditor.put(id, sql);
                    }
                } else if (action < 7) {
                    counters[d]++;
                    s.learning().patternCounters().merge(List.of(new PatternCounter(w.id(), "sig", "index",
                            s.sync().deviceId(), counters[d], 0)));
                } else if (action < 9) {
                    try {
                        client.sync(s, w);
                    } catch (SyncException e) {
                        throw new AssertionError("sync failed at step " + step + ": " + e.getMessage(), e);
                    }
                } else {
                    s.close(); // a restart
                    stores[d] = WorkbenchStore.open(homes[d]);
                }
            }
            for (int round = 0; round < 2; round++) {
                for (int d = 0; d < DEVICES; d++) {
                    client.sync(stores[d], stores[d].workspaces().ensure("acme"));
                }
            }

            assertThat(created).hasSizeGreaterThan(20);
            Map<UUID, String> first = null;
            for (int d = 0; d < DEVICES; d++) {
                WorkbenchStore s = stores[d];
                Workspace w = s.workspaces().ensure("acme");
                List<SavedQuery> all = s.savedQueries().list(w.id());
                assertThat(all).extracting(SavedQuery::id).doesNotHaveDuplicates();
                Map<UUID, String> values = all.stream().collect(Collectors.toMap(SavedQuery::id, SavedQuery::sql));
                assertThat(values.keySet()).as("device %d holds every query ever made", d).isEqualTo(created);
                if (first == null) {
                    first = values;
                } else {
                    assertThat(values).as("device %d converged", d).isEqualTo(first);
                }
                for (UUID id : created) {
                    if (editors.get(id).size() == 1) {
                        assertThat(values.get(id)).isEqualTo(lastValueByOnlyEditor.get(id));
                    }
                }
                assertThat(s.learning().patternCounters().totals(w.id()))
                        .allSatisfy(t -> assertThat(t.attempts()).isEqualTo(java.util.Arrays.stream(counters).sum()));
                assertThat(s.sync().pendingChanges(w.id())).isZero();
            }
            assertThat(team.duplicateChanges()).isZero();
        } finally {
            for (WorkbenchStore s : stores) {
                s.close();
            }
        }
    }
}
