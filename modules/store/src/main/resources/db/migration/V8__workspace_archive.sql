-- Planwright workbench store, schema version 8: archived workspaces (issue 12).
-- An archived workspace keeps all its records but is left out of the normal lists (Workspaces.list) until it is
-- restored; NULL = not archived. UTC, microseconds, set by the application, as every time of V1.
ALTER TABLE workspace ADD COLUMN archived_at TIMESTAMP(6) WITH TIME ZONE;
