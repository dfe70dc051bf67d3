-- audit_event is append-only: a Java trigger refuses every UPDATE and DELETE. TRUNCATE is refused because
-- audit_chain_head references the table (V4).
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event FOR EACH ROW
    CALL 'cn.shouhu.audit.internal.AppendOnlyTrigger';
