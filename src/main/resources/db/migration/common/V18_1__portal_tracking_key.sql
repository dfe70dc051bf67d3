-- 查询进度: after a member of the public proves a matter is theirs, the portal keeps the code and the proof in a
-- short-lived cookie encrypted with this key (AES-GCM), so that nothing secret is in a URL and no server session is
-- needed. One row, written by the first node that starts; every node reads the same key. Deleting the row (and
-- restarting the nodes) rotates it: open tracking pages then ask for the code again.
CREATE TABLE portal_tracking_key (
    id          INT          PRIMARY KEY,
    secret      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_portal_tracking_key_one CHECK (id = 1)
);
