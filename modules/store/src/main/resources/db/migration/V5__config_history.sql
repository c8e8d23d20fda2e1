-- Planwright workbench store, schema version 5: server configuration history (issue 11).
-- config_change is append-only: the ConfigHistory repository inserts and reads rows, never updates or deletes
-- them (there is no deleted_at: a change history is not edited; rows go with their workspace). One row per event of
-- a change: applied, kept, reverted, cancelled, prepared (restart-only), with who, when, old and new value, the
-- parameter's pg_settings context and the measured result. config_snapshot keeps settings snapshots (before/after a
-- change, or taken by hand) for the snapshot-vs-snapshot comparison; its settings text is written and read by the
-- tuning module (one parameter per line), the store only keeps it.
CREATE TABLE config_change (
    id              UUID                        NOT NULL PRIMARY KEY,
    workspace_id    UUID                        NOT NULL,
    connection_id   UUID,
    server          VARCHAR(500)                NOT NULL,
    parameter       VARCHAR(200)                NOT NULL,
    old_value       VARCHAR(4000),
    new_value       VARCHAR(4000),
    setting_context VARCHAR(40),
    change_action   VARCHAR(20)                 NOT NULL,
    changed_by      VARCHAR(200),
    changed_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    measured_result VARCHAR(4000),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT config_change_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT config_change_action_ck CHECK (change_action IN ('APPLIED', 'KEPT', 'REVERTED', 'CANCELLED', 'PREPARED'))
);
CREATE INDEX config_change_recent_idx ON config_change (workspace_id, changed_at DESC);

CREATE TABLE config_snapshot (
    id             UUID                        NOT NULL PRIMARY KEY,
    workspace_id   UUID                        NOT NULL,
    connection_id  UUID,
    server         VARCHAR(500)                NOT NULL,
    label          VARCHAR(200)                NOT NULL,
    taken_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    server_version VARCHAR(200),
    settings_text  CHARACTER LARGE OBJECT      NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT config_snapshot_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
CREATE INDEX config_snapshot_recent_idx ON config_snapshot (workspace_id, taken_at DESC);
