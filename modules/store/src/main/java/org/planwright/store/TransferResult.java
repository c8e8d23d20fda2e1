package org.planwright.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What an export or import of a workspace file did.
 *
 * @param workspace      the workspace exported, or the one the file was imported into
 * @param file           the workspace file
 * @param records        per table (e.g. {@code plan_capture}), the rows written to the file (export) or inserted into
 *                       the store (import); tables with none are included with 0
 * @param alreadyPresent import only: per table, the rows the store already had (same key), left as they were; empty
 *                       for an export
 * @param mergedInto     import only: true when the workspace already existed (same id) and the file was merged into
 *                       it; false for a new workspace or an export
 */
public record TransferResult(Workspace workspace, Path file, Map<String, Integer> records,
                             Map<String, Integer> alreadyPresent, boolean mergedInto) {

    public TransferResult {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(file, "file");
        records = Map.copyOf(records);
        alreadyPresent = Map.copyOf(alreadyPresent);
    }

    /** @return the rows written or inserted, over every table */
    public int totalRecords() {
        return records.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return the rows found already present, over every table */
    public int totalAlreadyPresent() {
        return alreadyPresent.values().stream().mapToInt(Integer::intValue).sum();
    }
}
