-- Planwright workbench store, schema version 3: optimization advice and its trials (issue 9).
-- Explicit columns, not JSON, so the learning work can query them: kind, target (query fingerprint), pattern
-- signature, estimated percent and confidence, actual percent, p-value, medians in ms. Rules of V1: UUID keys,
-- workspace_id, created/updated timestamps, deleted_at tombstones.
CREATE TABLE advice_recommendation (
    id                  UUID                        NOT NULL PRIMARY KEY,
    workspace_id        UUID                        NOT NULL,
    connection_id       UUID,
    kind                VARCHAR(20)                 NOT NULL,
    title               VARCHAR(1000)               NOT NULL,
    target              CHARACTER LARGE OBJECT      NOT NULL,
    pattern_signature   VARCHAR(1000)               NOT NULL,
    query_text          CHARACTER LARGE OBJECT      NOT NULL,
    sql_text            CHARACTER LARGE OBJECT      NOT NULL,
    undo_sql            CHARACTER LARGE OBJECT      NOT NULL,
    estimated_percent   DOUBLE PRECISION            NOT NULL,
    confidence          DOUBLE PRECISION            NOT NULL,
    estimate_method     VARCHAR(4000)               NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at          TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT advice_recommendation_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT advice_recommendation_kind_check CHECK (kind IN ('index', 'drop-index', 'rewrite', 'setting',
                                                                 'statistics', 'maintenance'))
);
CREATE INDEX advice_recommendation_workspace_idx ON advice_recommendation (workspace_id, created_at DESC);

CREATE TABLE advice_evidence (
    recommendation_id UUID           NOT NULL,
    position          INTEGER        NOT NULL,
    label             VARCHAR(1000)  NOT NULL,
    detail            VARCHAR(10000) NOT NULL,
    PRIMARY KEY (recommendation_id, position),
    CONSTRAINT advice_evidence_recommendation_fk FOREIGN KEY (recommendation_id)
        REFERENCES advice_recommendation (id) ON DELETE CASCADE
);

CREATE TABLE advice_trial (
    id                 UUID                        NOT NULL PRIMARY KEY,
    workspace_id       UUID                        NOT NULL,
    recommendation_id  UUID                        NOT NULL,
    mode               VARCHAR(20)                 NOT NULL,
    query_text         CHARACTER LARGE OBJECT      NOT NULL,
    runs_per_side      INTEGER                     NOT NULL,
    estimated_percent  DOUBLE PRECISION            NOT NULL,
    actual_percent     DOUBLE PRECISION,
    p_value            DOUBLE PRECISION,
    before_median_ms   DOUBLE PRECISION,
    after_median_ms    DOUBLE PRECISION,
    before_min_ms      DOUBLE PRECISION,
    before_max_ms      DOUBLE PRECISION,
    after_min_ms       DOUBLE PRECISION,
    after_max_ms       DOUBLE PRECISION,
    before_iqr_ms      DOUBLE PRECISION,
    after_iqr_ms       DOUBLE PRECISION,
    cost_before        DOUBLE PRECISION,
    cost_after         DOUBLE PRECISION,
    before_plan        CHARACTER LARGE OBJECT,
    after_plan         CHARACTER LARGE OBJECT,
    server_version     VARCHAR(200)                NOT NULL,
    started_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at         TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT advice_trial_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT advice_trial_recommendation_fk FOREIGN KEY (recommendation_id)
        REFERENCES advice_recommendation (id) ON DELETE CASCADE,
    CONSTRAINT advice_trial_mode_check CHECK (mode IN ('HYPOTHETICAL', 'ROLLED_BACK'))
);
CREATE INDEX advice_trial_recommendation_idx ON advice_trial (recommendation_id, started_at DESC);

CREATE TABLE advice_trial_run (
    trial_id           UUID             NOT NULL,
    phase              VARCHAR(6)       NOT NULL,
    run_number         INTEGER          NOT NULL,
    execution_ms       DOUBLE PRECISION NOT NULL,
    planning_ms        DOUBLE PRECISION NOT NULL,
    timed_out          BOOLEAN          NOT NULL,
    shared_hit_blocks  BIGINT           NOT NULL,
    shared_read_blocks BIGINT           NOT NULL,
    temp_blocks        BIGINT           NOT NULL,
    result_rows        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (trial_id, phase, run_number),
    CONSTRAINT advice_trial_run_trial_fk FOREIGN KEY (trial_id) REFERENCES advice_trial (id) ON DELETE CASCADE,
    CONSTRAINT advice_trial_run_phase_check CHECK (phase IN ('BEFORE', 'AFTER'))
);

-- the settings in force when the trial ran (work_mem, max_connections, enable_* ...), as SHOW prints them
CREATE TABLE advice_trial_setting (
    trial_id      UUID          NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    setting_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (trial_id, name),
    CONSTRAINT advice_trial_setting_trial_fk FOREIGN KEY (trial_id) REFERENCES advice_trial (id) ON DELETE CASCADE
);
