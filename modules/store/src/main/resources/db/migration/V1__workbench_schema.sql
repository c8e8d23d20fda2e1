-- Planwright workbench store, schema version 1.
-- Rules for every table (keep them in later migrations):
--   * every record belongs to a workspace (one per client engagement): workspace_id with ON DELETE CASCADE,
--     so clients stay apart and removing an engagement removes all of its data;
--   * a UUID key, so records made on different machines can later be replicated without clashes;
--   * created_at / updated_at in UTC (TIMESTAMP WITH TIME ZONE, microseconds), set by the application;
--   * deleted_at: a tombstone (NULL = live) so that sync can replicate deletes; reads skip tombstoned rows;
--   * never a password column: passwords live in ~/.pgpass, PGPASSWORD or the session only.

CREATE TABLE workspace (
    id          UUID                        NOT NULL PRIMARY KEY,
    name        VARCHAR(200)                NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT workspace_name_unique UNIQUE (name)
);

CREATE TABLE connection_profile (
    id            UUID                        NOT NULL PRIMARY KEY,
    workspace_id  UUID                        NOT NULL,
    name          VARCHAR(200)                NOT NULL,
    kind          VARCHAR(20)                 NOT NULL,
    host          VARCHAR(255),
    port          INTEGER                     NOT NULL,
    database_name VARCHAR(1000),
    user_name     VARCHAR(200),
    ssl_mode      VARCHAR(20),
    jdbc_url      VARCHAR(2000),
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT connection_profile_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
CREATE INDEX connection_profile_workspace_idx ON connection_profile (workspace_id);

CREATE TABLE saved_query (
    id           UUID                        NOT NULL PRIMARY KEY,
    workspace_id UUID                        NOT NULL,
    name         VARCHAR(200)                NOT NULL,
    sql_text     CHARACTER LARGE OBJECT      NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT saved_query_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
CREATE INDEX saved_query_workspace_idx ON saved_query (workspace_id);

-- connection_id has no foreign key on purpose: history is a log of what happened and must outlive (or predate)
-- the connection profile it ran on.
CREATE TABLE query_history (
    id            UUID                        NOT NULL PRIMARY KEY,
    workspace_id  UUID                        NOT NULL,
    connection_id UUID,
    sql_text      CHARACTER LARGE OBJECT      NOT NULL,
    started_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    elapsed_ms    DOUBLE PRECISION,
    row_count     BIGINT,
    error_message CHARACTER LARGE OBJECT,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT query_history_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
CREATE INDEX query_history_recent_idx ON query_history (workspace_id, started_at DESC);

CREATE TABLE plan_capture (
    id                UUID                        NOT NULL PRIMARY KEY,
    workspace_id      UUID                        NOT NULL,
    connection_id     UUID,
    query_text        CHARACTER LARGE OBJECT      NOT NULL,
    plan_text         CHARACTER LARGE OBJECT      NOT NULL,
    plan_format       VARCHAR(8)                  NOT NULL,
    explain_options   VARCHAR(500),
    settings_json     CHARACTER LARGE OBJECT,
    server_version    VARCHAR(200),
    captured_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    node_count        INTEGER,
    total_cost        DOUBLE PRECISION,
    execution_time_ms DOUBLE PRECISION,
    planning_time_ms  DOUBLE PRECISION,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at        TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT plan_capture_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT plan_capture_format_check CHECK (plan_format IN ('TEXT', 'JSON', 'XML', 'YAML'))
);
CREATE INDEX plan_capture_recent_idx ON plan_capture (workspace_id, captured_at DESC);
