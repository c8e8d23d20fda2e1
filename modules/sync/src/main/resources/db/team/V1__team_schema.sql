-- Planwright team sync server, schema version 1 (docs/sync.md, ADR 0016). Flyway creates schema "team" and runs
-- this as the admin who ran `planwright team init`. Rows are the store's changes, kept generic (table name, key,
-- version, the row as JSON text): the server never needs the workbench schema, so clients of different
-- Planwright versions can share it.

-- A workspace (a client engagement) as the team knows it: by name; each store maps it to its own local id.
-- last_change_no numbers the workspace's changes (1, 2, 3 ...); it is updated under a row lock by each batch, so
-- change numbers become visible in order and a reader never skips one still being written. Changes numbered up to
-- pruned_through may have been removed (only versions superseded by a later one): a client whose cursor is below
-- it pulls everything again.
CREATE TABLE team.workspace (
    id              UUID        NOT NULL PRIMARY KEY,
    name            TEXT        NOT NULL UNIQUE,
    last_change_no  BIGINT      NOT NULL DEFAULT 0,
    pruned_through  BIGINT      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Which PostgreSQL roles may sync which workspace (`planwright team grant`). Members of a granted role may too.
CREATE TABLE team.workspace_grant (
    workspace_id UUID NOT NULL REFERENCES team.workspace (id) ON DELETE CASCADE,
    role_name    TEXT NOT NULL,
    PRIMARY KEY (workspace_id, role_name)
);

-- The last batch sequence applied per (workspace, device) and its checksum: the same batch again is a duplicate
-- (acknowledged again, applied never twice); a batch numbered at or below it with another checksum comes from a store
-- that lost its latest commits (a killed process) and is told to renumber it last_seq + 1; one above last_seq + 1 is
-- a gap (answered with the number expected).
CREATE TABLE team.device_stream (
    workspace_id  UUID        NOT NULL REFERENCES team.workspace (id) ON DELETE CASCADE,
    device_id     UUID        NOT NULL,
    last_seq      BIGINT      NOT NULL,
    last_checksum TEXT,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, device_id)
);

-- Every change uploaded, numbered per workspace: what devices download in pages.
CREATE TABLE team.change (
    workspace_id UUID        NOT NULL REFERENCES team.workspace (id) ON DELETE CASCADE,
    change_no    BIGINT      NOT NULL,
    table_name   TEXT        NOT NULL,
    row_key      TEXT        NOT NULL,
    hlc          BIGINT      NOT NULL,
    device_id    UUID        NOT NULL,
    base_hlc     BIGINT      NOT NULL,
    base_device  UUID,
    payload      TEXT        NOT NULL,
    batch_seq    BIGINT      NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, change_no)
);
-- a version of a row is stored once, whatever batch brings it (inserts skip it ON CONFLICT)
CREATE UNIQUE INDEX change_version_idx ON team.change (workspace_id, table_name, row_key, hlc, device_id);

-- Protocol numbers: a client older than min_client_protocol is refused with a message to update it.
CREATE TABLE team.meta (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO team.meta (name, value) VALUES ('protocol', '1'), ('min_client_protocol', '1');

-- The tenant wall: may the role `who` (the policy passes current_user) sync workspace `ws`? SECURITY DEFINER so
-- the grants table itself stays closed to clients.
CREATE FUNCTION team.may_sync(ws UUID, who NAME) RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
    SELECT EXISTS (SELECT 1 FROM team.workspace_grant g
                   WHERE g.workspace_id = ws
                     AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = g.role_name)
                     AND pg_has_role(who, g.role_name, 'MEMBER'))
$$;
REVOKE ALL ON FUNCTION team.may_sync(UUID, NAME) FROM PUBLIC;

ALTER TABLE team.workspace ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.device_stream ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.change ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.workspace_grant ENABLE ROW LEVEL SECURITY;
CREATE POLICY granted ON team.workspace USING (team.may_sync(id, current_user))
    WITH CHECK (team.may_sync(id, current_user));
CREATE POLICY granted ON team.device_stream USING (team.may_sync(workspace_id, current_user))
    WITH CHECK (team.may_sync(workspace_id, current_user));
CREATE POLICY granted ON team.change USING (team.may_sync(workspace_id, current_user))
    WITH CHECK (team.may_sync(workspace_id, current_user));
-- no policy on workspace_grant: clients see none of it (the admin, its owner, is not subject to RLS)
