-- Planwright workbench store, schema version 6: the workload analyzer's windows. Each window is the difference of
-- two pg_stat_statements / pg_stat_database snapshots of one server (PoWA's approach): what ran in between, not
-- the cumulative counters. Rules of V1 apply (workspace_id with cascade, UUID keys, UTC times, tombstones); the
-- per-statement and per-database rows belong to their window and go with it.
CREATE TABLE workload_window (
    id             UUID                        NOT NULL PRIMARY KEY,
    workspace_id   UUID                        NOT NULL,
    connection_id  UUID,
    server_label   VARCHAR(1000)               NOT NULL,
    window_start   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    window_end     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    server_version INTEGER                     NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT workload_window_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT workload_window_order CHECK (window_end > window_start)
);
CREATE INDEX workload_window_workspace_idx ON workload_window (workspace_id, server_label, window_end);

CREATE TABLE workload_statement (
    window_id           UUID                   NOT NULL,
    user_id             BIGINT                 NOT NULL,
    db_id               BIGINT                 NOT NULL,
    query_id            BIGINT                 NOT NULL,
    top_level           BOOLEAN                NOT NULL,
    query_text          CHARACTER LARGE OBJECT NOT NULL,
    database_name       VARCHAR(1000)          NOT NULL,
    calls               BIGINT                 NOT NULL,
    total_exec_ms       DOUBLE PRECISION       NOT NULL,
    sum_squares_exec_ms DOUBLE PRECISION       NOT NULL,
    total_plan_ms       DOUBLE PRECISION       NOT NULL,
    row_count           BIGINT                 NOT NULL,
    shared_blks_hit     BIGINT                 NOT NULL,
    shared_blks_read    BIGINT                 NOT NULL,
    shared_blks_dirtied BIGINT                 NOT NULL,
    shared_blks_written BIGINT                 NOT NULL,
    temp_blks_read      BIGINT                 NOT NULL,
    temp_blks_written   BIGINT                 NOT NULL,
    blk_read_ms         DOUBLE PRECISION       NOT NULL,
    blk_write_ms        DOUBLE PRECISION       NOT NULL,
    wal_bytes           BIGINT                 NOT NULL,
    CONSTRAINT workload_statement_pk PRIMARY KEY (window_id, user_id, db_id, query_id, top_level),
    CONSTRAINT workload_statement_window_fk FOREIGN KEY (window_id) REFERENCES workload_window (id) ON DELETE CASCADE
);

CREATE TABLE workload_database (
    window_id     UUID          NOT NULL,
    database_name VARCHAR(1000) NOT NULL,
    xact_commit   BIGINT        NOT NULL,
    xact_rollback BIGINT        NOT NULL,
    blks_read     BIGINT        NOT NULL,
    blks_hit      BIGINT        NOT NULL,
    tup_returned  BIGINT        NOT NULL,
    tup_fetched   BIGINT        NOT NULL,
    tup_inserted  BIGINT        NOT NULL,
    tup_updated   BIGINT        NOT NULL,
    tup_deleted   BIGINT        NOT NULL,
    temp_files    BIGINT        NOT NULL,
    temp_bytes    BIGINT        NOT NULL,
    CONSTRAINT workload_database_pk PRIMARY KEY (window_id, database_name),
    CONSTRAINT workload_database_window_fk FOREIGN KEY (window_id) REFERENCES workload_window (id) ON DELETE CASCADE
);

-- pg_stat_user_tables / pg_stat_user_indexes of the connected database, per window (n_live_tup and n_dead_tup
-- are the gauges at the window's end).
CREATE TABLE workload_table (
    window_id     UUID          NOT NULL,
    schema_name   VARCHAR(1000) NOT NULL,
    table_name    VARCHAR(1000) NOT NULL,
    seq_scan      BIGINT        NOT NULL,
    seq_tup_read  BIGINT        NOT NULL,
    idx_scan      BIGINT        NOT NULL,
    idx_tup_fetch BIGINT        NOT NULL,
    n_tup_ins     BIGINT        NOT NULL,
    n_tup_upd     BIGINT        NOT NULL,
    n_tup_del     BIGINT        NOT NULL,
    n_tup_hot_upd BIGINT        NOT NULL,
    n_live_tup    BIGINT        NOT NULL,
    n_dead_tup    BIGINT        NOT NULL,
    CONSTRAINT workload_table_pk PRIMARY KEY (window_id, schema_name, table_name),
    CONSTRAINT workload_table_window_fk FOREIGN KEY (window_id) REFERENCES workload_window (id) ON DELETE CASCADE
);

CREATE TABLE workload_index (
    window_id     UUID          NOT NULL,
    schema_name   VARCHAR(1000) NOT NULL,
    table_name    VARCHAR(1000) NOT NULL,
    index_name    VARCHAR(1000) NOT NULL,
    idx_scan      BIGINT        NOT NULL,
    idx_tup_read  BIGINT        NOT NULL,
    idx_tup_fetch BIGINT        NOT NULL,
    CONSTRAINT workload_index_pk PRIMARY KEY (window_id, schema_name, index_name),
    CONSTRAINT workload_index_window_fk FOREIGN KEY (window_id) REFERENCES workload_window (id) ON DELETE CASCADE
);
