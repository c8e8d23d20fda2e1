package org.planwright.app.compare;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.planwright.store.PlanCaptureSummary;
import org.planwright.store.PlanCaptures;

/**
 * The workspace's plan captures as {@link PlanSource}s, newest first. Blocking (reads the workbench store): call
 * it from a background job.
 */
public final class CaptureSources {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final int PREVIEW = 60;

    private CaptureSources() {
    }

    /**
     * @param captures  the store's plan captures
     * @param workspace the workspace
     * @param limit     at most this many, newest first
     * @return the captures with their plan text, named "captured-at · query preview"
     */
    public static List<PlanSource> latest(PlanCaptures captures, UUID workspace, int limit) {
        List<PlanSource> out = new ArrayList<>();
        List<PlanCaptureSummary> list = new ArrayList<>(captures.list(workspace));
        list.sort((a, b) -> b.capturedAt().compareTo(a.capturedAt()));
        for (PlanCaptureSummary s : list.subList(0, Math.min(limit, list.size()))) {
            captures.load(workspace, s.id()).ifPresent(c -> out.add(new PlanSource(
                    TIME.format(c.capturedAt()) + " · " + preview(c.queryText()), c.planText(), c.queryText())));
        }
        return out;
    }

    /** The query on one line, leading "--" comment lines left out (the corpus' TPC-H files start with licence lines). */
    static String preview(String query) {
        String rest = query.strip();
        while (rest.startsWith("--")) {
            int nl = rest.indexOf('\n');
            rest = nl < 0 ? "" : rest.substring(nl + 1).strip();
        }
        String one = (rest.isEmpty() ? query.strip() : rest).replaceAll("\\s+", " ");
        return one.length() <= PREVIEW ? one : one.substring(0, PREVIEW) + "…";
    }
}
