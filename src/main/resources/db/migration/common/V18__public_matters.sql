-- The public follows a matter on the portal (查询进度). An anonymous tip-off (匿名举报) sent through a public
-- channel has no phone to prove it by: its submitter gets a six-digit PIN, shown once; only its BCrypt hash is kept.
ALTER TABLE matter ADD COLUMN pin_hash VARCHAR(100);

-- Open311 lists requests by service (category) and by the time they were received.
CREATE INDEX ix_matter_category_received ON matter (category_code, received_at);
