-- Statistics (统计分析): daily roll-ups of the closed loop kept by idempotent listeners on the matters' events,
-- so that the figures page reads a few rows per day and unit, never the matters themselves.

-- One row per day (Asia/Shanghai) × lead unit × category × kind × channel. A matter not yet dispatched counts
-- under unit_id 0, a matter without a category under category_code '-': sentinels keep the unique key plain.
CREATE TABLE statistics_daily (
    stat_day              DATE         NOT NULL,
    unit_id               BIGINT       NOT NULL,
    category_code         VARCHAR(30)  NOT NULL,
    kind                  VARCHAR(20)  NOT NULL,
    channel               VARCHAR(20)  NOT NULL,
    received              BIGINT       NOT NULL DEFAULT 0,
    dispatched            BIGINT       NOT NULL DEFAULT 0,
    replied               BIGINT       NOT NULL DEFAULT 0,
    closed                BIGINT       NOT NULL DEFAULT 0,
    closed_on_time        BIGINT       NOT NULL DEFAULT 0,
    reopened              BIGINT       NOT NULL DEFAULT 0,
    follow_ups_satisfied  BIGINT       NOT NULL DEFAULT 0,
    follow_ups_basically  BIGINT       NOT NULL DEFAULT 0,
    follow_ups_unsatisfied BIGINT      NOT NULL DEFAULT 0,
    -- Working minutes (business hours on the calendar) and how many intervals they sum, for averages.
    sign_minutes          BIGINT       NOT NULL DEFAULT 0,
    sign_count            BIGINT       NOT NULL DEFAULT 0,
    reply_minutes         BIGINT       NOT NULL DEFAULT 0,
    reply_count           BIGINT       NOT NULL DEFAULT 0,
    close_minutes         BIGINT       NOT NULL DEFAULT 0,
    close_count           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_statistics_daily PRIMARY KEY (stat_day, unit_id, category_code, kind, channel)
);
-- A unit's own rows over a date range (the primary key serves the branch-wide range scan).
CREATE INDEX ix_statistics_daily_unit_day ON statistics_daily (unit_id, stat_day);

-- The events already counted: a redelivered event finds its row and changes nothing.
CREATE TABLE statistics_applied (
    matter_id    BIGINT       NOT NULL,
    event_type   VARCHAR(40)  NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    applied_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_statistics_applied PRIMARY KEY (matter_id, event_type, occurred_at)
);

-- Where each matter's "received" is counted: under no unit (0) until its first dispatch, then moved to the
-- first lead unit and the dispatched category, so that a unit's received figure counts the matters it was given.
CREATE TABLE statistics_matter (
    matter_id      BIGINT       PRIMARY KEY,
    received_day   DATE         NOT NULL,
    unit_id        BIGINT       NOT NULL,
    category_code  VARCHAR(30)  NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    channel        VARCHAR(20)  NOT NULL
);

-- 超期: the live "overdue now" figure reads open matters by state and deadline (ix_matter_state_*_due, V10).
