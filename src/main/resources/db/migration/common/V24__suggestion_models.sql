-- 分类建议: the versions of the text model that suggests a matter's category (cn.shouhu.matters.suggestions).
-- The model's bytes are BYTEA: PostgreSQL's binary type, which H2 (2.x) takes as an alias of VARBINARY, so one
-- portable migration serves both; a model is a few hundred kilobytes to a few megabytes, read once per switch.

-- Id 1 is the default model, which a starting node inserts under that id, so that two nodes starting on an empty
-- database at once store it once (the second insert meets the primary key). Later versions come from here.
CREATE SEQUENCE suggestion_model_id_seq START WITH 2;

CREATE TABLE suggestion_model (
    id              BIGINT        PRIMARY KEY,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- DEFAULT_CORPUS: the corpus that ships with Shouhu; BRANCH_HISTORY: the corpus and the branch's closed matters.
    source          VARCHAR(20)   NOT NULL,
    -- Messages the stored model was trained on, and how many of them are the branch's own closed matters.
    training_count  INT           NOT NULL,
    branch_count    INT           NOT NULL,
    -- Measured on a held-out stratified fifth of the training messages, by a model trained on the other four.
    accuracy        DOUBLE PRECISION NOT NULL,
    macro_f1        DOUBLE PRECISION NOT NULL,
    held_out_count  INT           NOT NULL,
    -- The active model's accuracy on the same held-out messages when this one was trained (null for the first).
    compared_accuracy DOUBLE PRECISION,
    model_bytes     BYTEA         NOT NULL,
    -- Exactly one row is active after the first start; a switch sets every row's flag in one statement.
    active          BOOLEAN       NOT NULL DEFAULT FALSE,
    -- The system administrator who retrained; null for the default model and the weekly job.
    created_by      BIGINT,
    created_by_name VARCHAR(50),
    CONSTRAINT ck_suggestion_model_source CHECK (source IN ('DEFAULT_CORPUS', 'BRANCH_HISTORY')),
    CONSTRAINT ck_suggestion_model_counts CHECK (training_count > 0 AND branch_count >= 0 AND held_out_count >= 0)
);

-- The weekly retraining job's row (db-scheduler), in a table of its own so that this scheduler and the deadline
-- timers' never see each other's tasks. Same columns as db-scheduler 16 ships; names bounded for H2's keys.
CREATE TABLE suggestion_scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(200)             NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ix_suggestion_tasks_execution_time ON suggestion_scheduled_tasks (execution_time);
CREATE INDEX ix_suggestion_tasks_last_heartbeat ON suggestion_scheduled_tasks (last_heartbeat);
CREATE INDEX ix_suggestion_tasks_priority ON suggestion_scheduled_tasks (priority DESC, execution_time ASC);

-- Retraining counts the matters closed since the last model; the duplicate search reads open matters by state
-- and receipt date through ix_matter_state_received (V10).
CREATE INDEX ix_matter_state_closed ON matter (state, closed_at);
