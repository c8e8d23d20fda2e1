-- Planwright workbench store, schema version 4: the learning loop (issue 10).
-- V1's rules hold (workspace_id with ON DELETE CASCADE, UUID keys, UTC timestamps set by the application), with
-- two deliberate exceptions, both for merging several machines' data without loss:
--   * learning_device is machine-local (never replicated): the id this installation writes its counters under;
--   * pattern_counter has a composite key (workspace, signature, kind, device): one row per device, each written
--     only by its own device, so a merge takes every device's row (the larger on a clash) and totals are sums.

CREATE TABLE learning_device (
    id          UUID                        NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- What a trial taught: the learning loop's copy of one finished trial (estimated vs actual), keyed by the trial id.
CREATE TABLE trial_outcome (
    id                             UUID                        NOT NULL PRIMARY KEY,
    workspace_id                   UUID                        NOT NULL,
    recommendation_kind            VARCHAR(40)                 NOT NULL,
    fingerprint                    VARCHAR(64)                 NOT NULL,
    pattern_signature              VARCHAR(1000)               NOT NULL,
    estimated_improvement_percent  DOUBLE PRECISION            NOT NULL,
    what_if_cost_ratio             DOUBLE PRECISION,
    actual_improvement_percent     DOUBLE PRECISION            NOT NULL,
    success                        BOOLEAN                     NOT NULL,
    features                       CHARACTER LARGE OBJECT      NOT NULL,
    device_id                      UUID                        NOT NULL,
    started_at                     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at                    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_at                     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at                     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at                     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT trial_outcome_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
CREATE INDEX trial_outcome_workspace_idx ON trial_outcome (workspace_id, finished_at);
CREATE INDEX trial_outcome_signature_idx ON trial_outcome (workspace_id, pattern_signature);

CREATE TABLE pattern_counter (
    workspace_id        UUID                        NOT NULL,
    pattern_signature   VARCHAR(1000)               NOT NULL,
    recommendation_kind VARCHAR(40)                 NOT NULL,
    device_id           UUID                        NOT NULL,
    attempts            BIGINT                      NOT NULL,
    successes           BIGINT                      NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pattern_counter_pk PRIMARY KEY (workspace_id, pattern_signature, recommendation_kind, device_id),
    CONSTRAINT pattern_counter_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT pattern_counter_sane CHECK (attempts >= 0 AND successes >= 0 AND successes <= attempts)
);

-- The DBA's feedback on a trial or an applied recommendation; draft = TRUE while the form is only half filled.
CREATE TABLE feedback (
    id                             UUID                        NOT NULL PRIMARY KEY,
    workspace_id                   UUID                        NOT NULL,
    trial_id                       UUID,
    recommendation_kind            VARCHAR(40)                 NOT NULL,
    rating                         INTEGER,
    would_apply_again              BOOLEAN,
    comment_text                   CHARACTER LARGE OBJECT,
    before_ms                      DOUBLE PRECISION,
    after_ms                       DOUBLE PRECISION,
    metrics_source                 VARCHAR(20)                 NOT NULL,
    estimated_improvement_percent  DOUBLE PRECISION,
    draft                          BOOLEAN                     NOT NULL,
    created_at                     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at                     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at                     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT feedback_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT feedback_rating_range CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
);
CREATE INDEX feedback_workspace_idx ON feedback (workspace_id, updated_at);

-- Improvement estimators, versioned per workspace, with their metrics; deployed = the one in use.
CREATE TABLE estimator_model (
    id                UUID                        NOT NULL PRIMARY KEY,
    workspace_id      UUID                        NOT NULL,
    version           INTEGER                     NOT NULL,
    algorithm         VARCHAR(100)                NOT NULL,
    library_version   VARCHAR(100)                NOT NULL,
    training_size     INTEGER                     NOT NULL,
    cv_mae            DOUBLE PRECISION,
    holdout_mae       DOUBLE PRECISION,
    baseline_mae      DOUBLE PRECISION,
    interval_half_width DOUBLE PRECISION,
    deployed          BOOLEAN                     NOT NULL,
    model_bytes       BINARY LARGE OBJECT,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at        TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT estimator_model_workspace_fk FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT estimator_model_version_unique UNIQUE (workspace_id, version)
);
