-- 热点词 (hot-spot words): how many matters of one week used each content word, by first lead unit. A matter
-- counts once per word, into the week (Monday, Asia/Shanghai) of the day it was received, when it is first
-- dispatched: the same attribution as its "received" figure in statistics_daily.
CREATE TABLE statistics_word_weekly (
    week_start  DATE         NOT NULL,
    unit_id     BIGINT       NOT NULL,
    word        VARCHAR(40)  NOT NULL,
    matters     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_statistics_word_weekly PRIMARY KEY (week_start, unit_id, word)
);
