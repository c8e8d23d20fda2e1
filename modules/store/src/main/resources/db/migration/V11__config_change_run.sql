-- Planwright workbench store, schema version 11: the apply run of each configuration change (issue 11).
-- The changes applied together (one `planwright config apply`, one Apply in the app) share a run id, so that "the
-- last change" is undone as a whole (`planwright config revert`). Null for rows written before version 11: each of
-- those stands alone. config_change stays append-only.
ALTER TABLE config_change ADD COLUMN run_id UUID;
