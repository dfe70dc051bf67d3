-- The staff REST API's idempotency keys: a client that retries "create a matter" with the same Idempotency-Key
-- gets the matter of its first request instead of a second one. Keys belong to the account that sent them.
CREATE TABLE matter_api_idempotency (
    -- The account (accounts module) that sent the key; no foreign key across modules.
    account_id       BIGINT       NOT NULL,
    idempotency_key  VARCHAR(100) NOT NULL,
    -- SHA-256 (hex) of the canonical JSON of the request: the same key with another body is refused.
    request_hash     CHAR(64)     NOT NULL,
    matter_id        BIGINT       NOT NULL REFERENCES matter (id),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The primary key is what makes two concurrent requests with one key create one matter.
    PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX ix_matter_api_idempotency_matter ON matter_api_idempotency (matter_id);
CREATE INDEX ix_matter_api_idempotency_created ON matter_api_idempotency (created_at);
