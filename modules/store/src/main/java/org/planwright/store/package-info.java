/**
 * The workbench store: Planwright's own data in one embedded H2 file (H2 2.5, MVStore) per user, schema owned by
 * Flyway ({@code db/migration/V<n>__*.sql}), connections pooled by HikariCP.
 *
 * <p>Start at {@link org.planwright.store.WorkbenchStore#open(java.nio.file.Path)} with the folder from
 * {@link org.planwright.store.StoreLocation#forThisMachine()}; the repositories hanging off the store take and
 * return records ({@link org.planwright.store.Workspace}, {@link org.planwright.targetdb.ConnectionProfile},
 * {@link org.planwright.store.SavedQuery}, {@link org.planwright.store.QueryHistoryEntry},
 * {@link org.planwright.store.PlanCapture}). No other module sees SQL or the schema.
 *
 * <p>Schema rules, kept by every migration: every record belongs to a workspace (one per client engagement;
 * {@code ON DELETE CASCADE}), has a UUID key, {@code created_at} / {@code updated_at} in UTC (microseconds) and a
 * {@code deleted_at} tombstone so that a later sync can replicate deletes; reads always name the workspace; no
 * column ever holds a password. Each write is one transaction. Errors are {@link org.planwright.store.StoreException}s
 * with a message a user can act on.
 *
 * <p>Thread rules: everything here is thread-safe and blocking; call it off the JavaFX application thread.
 */
package org.planwright.store;
