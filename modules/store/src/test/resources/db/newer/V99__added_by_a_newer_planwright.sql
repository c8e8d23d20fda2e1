-- Plays a migration that a newer Planwright would ship (test only): WorkbenchStoreOpenTest opens a store with
-- db/migration + db/newer, then reopens it with db/migration only, as an older Planwright would.
CREATE TABLE plan_note (
    id           UUID NOT NULL PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    note         CHARACTER LARGE OBJECT NOT NULL
);
