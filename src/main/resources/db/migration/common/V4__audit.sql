-- The audit trail (审计日志): append-only and hash-chained. Each row's hash is SHA-256 over the previous row's
-- hash and a canonical serialisation of every other column, so editing or deleting any row breaks the chain
-- at that row. The database refuses UPDATE and DELETE on audit_event (V4_1, per database); rows are never
-- purged by the application.

CREATE TABLE audit_event (
    -- The row's position in the chain, assigned under the chain head's lock: gap-free, so a deleted row
    -- shows as a missing number, and known before the insert, so the hash can cover it.
    id            BIGINT        NOT NULL PRIMARY KEY,
    -- UTC, truncated to microseconds (what both PostgreSQL and H2 store) before it is hashed.
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Username of the staff member, the attempted username of a failed sign-in, 'anonymous' or 'system'.
    actor         VARCHAR(100)  NOT NULL,
    actor_unit_id BIGINT,
    ip            VARCHAR(64),
    module        VARCHAR(50)   NOT NULL,
    action        VARCHAR(100)  NOT NULL,
    -- SUCCESS, FAILURE (a failed sign-in) or DENIED (a permission denial).
    outcome       VARCHAR(10)   NOT NULL,
    target_type   VARCHAR(50),
    target_id     VARCHAR(300),
    -- JSON {"before": {...}, "after": {...}} (or what the action is about), personal data masked.
    detail        TEXT,
    prev_hash     CHAR(64)      NOT NULL,
    hash          CHAR(64)      NOT NULL,
    CONSTRAINT ck_audit_event_outcome CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED'))
);
CREATE INDEX ix_audit_event_occurred ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX ix_audit_event_module_action ON audit_event (module, action);
CREATE INDEX ix_audit_event_target ON audit_event (target_type, target_id);
CREATE INDEX ix_audit_event_outcome ON audit_event (outcome, occurred_at);
CREATE INDEX ix_audit_event_ip ON audit_event (ip);

-- The chain head: one row, locked (SELECT ... FOR UPDATE) by every append so that several application nodes
-- extend one chain and never fork it. It is updatable, so it lives apart from audit_event. Its foreign key
-- also makes the database refuse TRUNCATE of audit_event.
CREATE TABLE audit_chain_head (
    id         INT      NOT NULL PRIMARY KEY,
    last_id    BIGINT,
    last_hash  CHAR(64) NOT NULL,
    CONSTRAINT ck_audit_chain_head_single CHECK (id = 1),
    CONSTRAINT fk_audit_chain_head_last FOREIGN KEY (last_id) REFERENCES audit_event (id)
);
INSERT INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, NULL, '0000000000000000000000000000000000000000000000000000000000000000');
